/**
 * The public site's HTTP server (node:http, no framework): GOV.UK Design System pages rendered
 * on the server, govuk-frontend's compiled CSS and JS served from its own package, and the API's
 * public PDFs passed through, so the site can be deployed on its own in front of the API.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ApiFailure, createApi, NotFound, type Api } from './api-client.js';
import { encodeAsset, encodePage, pickAsset, type EncodedAsset } from './compression.js';
import * as pages from './pages.js';
import type { Page } from './pages.js';
import { createRenderer, GOVUK_DIST, VIEWS } from './render.js';

const SITE_NAME = 'Scrutineer';

type Asset = { readonly type: string; readonly body: EncodedAsset };

/**
 * govuk-frontend's compiled stylesheet without GDS Transport in its font stacks: that typeface
 * is for GOV.UK services only, so a council's site falls back to the stacks' Arial.
 */
const assets = (): Map<string, Asset> => {
  const govuk = join(GOVUK_DIST, 'govuk');
  const css = readFileSync(join(govuk, 'govuk-frontend.min.css'), 'utf8').replace(
    /"GDS Transport",\s*/g,
    '',
  );
  const files: readonly (readonly [string, string, Buffer])[] = [
    ['/assets/govuk-frontend.min.css', 'text/css; charset=utf-8', Buffer.from(css)],
    [
      '/assets/govuk-frontend.min.js',
      'text/javascript; charset=utf-8',
      readFileSync(join(govuk, 'govuk-frontend.min.js')),
    ],
    [
      '/assets/site.css',
      'text/css; charset=utf-8',
      readFileSync(join(VIEWS, '..', 'assets', 'site.css')),
    ],
    [
      '/assets/init.js',
      'text/javascript; charset=utf-8',
      readFileSync(join(VIEWS, '..', 'assets', 'init.js')),
    ],
  ];
  return new Map(files.map(([path, type, body]) => [path, { type, body: encodeAsset(body) }]));
};

type Route = {
  readonly pattern: RegExp;
  readonly page: (api: Api, query: URLSearchParams, ...parts: string[]) => Promise<Page>;
};

const ROUTES: readonly Route[] = [
  { pattern: /^\/$/, page: (api) => pages.home(api) },
  { pattern: /^\/search$/, page: (api, query) => pages.search(api, query) },
  { pattern: /^\/committees$/, page: (api) => pages.committeeList(api) },
  { pattern: /^\/committees\/([^/]+)$/, page: (api, _q, id) => pages.committee(api, id!) },
  { pattern: /^\/meetings\/([^/]+)$/, page: (api, _q, id) => pages.meeting(api, id!) },
  {
    pattern: /^\/meetings\/([^/]+)\/items\/([^/]+)$/,
    page: (api, _q, id, n) => pages.item(api, id!, n!),
  },
  { pattern: /^\/members$/, page: (api) => pages.memberList(api) },
  { pattern: /^\/members\/([^/]+)$/, page: (api, _q, id) => pages.member(api, id!) },
  { pattern: /^\/portfolios\/([^/]+)$/, page: (api, _q, code) => pages.portfolio(api, code!) },
];

/** The API's public PDFs and attached files, by the site's own path. */
const PDFS: readonly {
  readonly pattern: RegExp;
  readonly api: (part: string, second?: string) => string;
}[] = [
  {
    pattern: /^\/meetings\/([^/]+)\/supplements\/([1-9][0-9]?)\.pdf$/,
    api: (id, supplement) =>
      `/api/v1/meetings/${encodeURIComponent(id)}/supplement-pack.pdf?supplement=${supplement}`,
  },
  {
    pattern: /^\/meetings\/([^/]+)\/agenda-pack\.pdf$/,
    api: (id) => `/api/v1/meetings/${encodeURIComponent(id)}/agenda-pack.pdf`,
  },
  {
    pattern: /^\/meetings\/([^/]+)\/minutes\.pdf$/,
    api: (id) => `/api/v1/meetings/${encodeURIComponent(id)}/minutes.pdf`,
  },
  {
    pattern: /^\/reports\/([^/]+)\.pdf$/,
    api: (id) => `/api/v1/reports/${encodeURIComponent(id)}.pdf`,
  },
  // An attached file (a PDF or a Word document), as the API serves it to the public.
  {
    pattern: /^\/agenda-items\/([^/]+)\/documents\/([0-9a-zA-Z-]+)\/file$/,
    api: (itemId, docId) =>
      `/api/v1/agenda-items/${encodeURIComponent(itemId)}/documents/${docId ?? ''}/file`,
  },
];

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

export type WebServer = { readonly server: Server; readonly api: Api };

export const createWebServer = (apiUrl: string): WebServer => {
  const api = createApi(apiUrl);
  const env = createRenderer();
  const files = assets();

  const send = async (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    html: string,
    nonce: string,
  ): Promise<void> => {
    const encoded = await encodePage(request, html);
    response.writeHead(status, {
      ...encoded.headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : encoded.body);
  };

  const render = (page: Page, nonce: string): string =>
    env.render(page.view, {
      ...page.data,
      pageTitle: page.title,
      siteName: SITE_NAME,
      breadcrumbs: page.breadcrumbs,
      htmlLang: page.lang ?? 'en-GB',
      cspNonce: nonce,
    });

  const errorPage = (status: number, nonce: string): string => {
    const title =
      status === 404
        ? 'Page not found'
        : status === 503
          ? 'Sorry, the service is unavailable'
          : 'Sorry, there is a problem with the service';
    return render(
      { view: 'error.njk', title, breadcrumbs: [{ text: 'Home', href: '/' }], data: { status } },
      nonce,
    );
  };

  const proxyPdf = async (
    apiPath: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> => {
    const answer = await fetch(`${apiUrl}${apiPath}`, {
      method: request.method === 'HEAD' ? 'HEAD' : 'GET',
    });
    if (answer.status === 404) {
      await answer.body?.cancel();
      return false;
    }
    const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff' };
    for (const name of [
      'content-type',
      'content-length',
      'content-disposition',
      'etag',
      'cache-control',
    ]) {
      const value = answer.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    response.writeHead(answer.ok ? 200 : 502, headers);
    if (answer.body && request.method !== 'HEAD')
      Readable.fromWeb(answer.body as never).pipe(response);
    else response.end();
    return true;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const nonce = randomBytes(16).toString('base64');
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Only GET and HEAD.\n');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://site.invalid');
    const path = url.pathname;
    const asset = files.get(path);
    if (asset) {
      const encoded = pickAsset(request, asset.body);
      response.writeHead(200, {
        ...encoded.headers,
        'Content-Type': asset.type,
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(head ? undefined : encoded.body);
      return;
    }
    try {
      for (const pdf of PDFS) {
        const match = pdf.pattern.exec(path);
        const part = match?.[1] === undefined ? null : decode(match[1]);
        const second = match?.[2];
        if (part !== null && (await proxyPdf(pdf.api(part, second), request, response))) return;
        if (match) throw new NotFound(path);
      }
      for (const route of ROUTES) {
        const match = route.pattern.exec(path);
        if (!match) continue;
        const parts = match.slice(1).map(decode);
        if (parts.some((p) => p === null)) throw new NotFound(path);
        const page = await route.page(api, url.searchParams, ...(parts as string[]));
        await send(request, response, 200, render(page, nonce), nonce);
        return;
      }
      throw new NotFound(path);
    } catch (error) {
      const status =
        error instanceof NotFound ? 404 : error instanceof ApiFailure ? error.status : 500;
      if (status === 500) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      await send(request, response, status, errorPage(status, nonce), nonce);
    }
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  return { server, api };
};
