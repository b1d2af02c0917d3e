import { request as httpRequest } from 'node:http';
import { parse, type HTMLElement } from 'node-html-parser';

export type Fetched = {
  readonly status: number;
  readonly html: string;
  readonly root: HTMLElement;
};

export const getPage = async (url: string): Promise<Fetched> => {
  const response = await fetch(url);
  const html = await response.text();
  return { status: response.status, html, root: parse(html) };
};

export const whitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of an element as a reader gets it: entities decoded, blocks and lines apart, whitespace collapsed. */
export const textOf = (element: HTMLElement): string =>
  whitespace(
    parse(
      element.innerHTML.replace(
        /<br\s*\/?>|<\/(?:p|li|dt|dd|td|th|h[1-6]|div|caption|tr|ul|ol|dl|table)>/gi,
        (tag) => ` ${tag} `,
      ),
    ).text,
  );

/** The page's text as a reader gets it. */
export const pageText = (root: HTMLElement): string => textOf(root.querySelector('body') ?? root);

/** The text of the breadcrumb links, in order. */
export const breadcrumbs = (root: HTMLElement): string[] =>
  root.querySelectorAll('.govuk-breadcrumbs__link').map((a) => whitespace(a.text));

/** Every exempt passage found in a page's text or its markup. */
export const leaks = (
  fetched: Pick<Fetched, 'html' | 'root'>,
  passages: readonly string[],
): string[] => {
  const text = pageText(fetched.root);
  return passages.filter(
    (passage) => text.includes(whitespace(passage)) || fetched.html.includes(passage),
  );
};

/** A response's status, headers and body bytes as they came off the wire (node:http never decodes). */
export type Raw = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
};

export const rawGet = (url: string, headers: Record<string, string> = {}): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
