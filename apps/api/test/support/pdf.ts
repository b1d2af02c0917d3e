/**
 * Fetching PDFs from the app and reading them back for assertions. Reading uses the reporter's
 * pdf.js-based reader (`@scrutineer/reporter/testing`), so the suites need only npm packages: no
 * poppler-utils on the machine.
 */
import { type ParsedPdf, readPdf } from '@scrutineer/reporter/testing';
import type { Response } from 'supertest';
import { bearer, type TestApp } from './test-app.js';

/** Collects a binary body (supertest only buffers text and JSON by itself). */
export const binary = (
  response: Response,
  callback: (error: Error | null, body: Buffer) => void,
): void => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** A GET whose body arrives as a Buffer, with the caller's token when one is given. */
export const fetchPdf = (t: TestApp, path: string, token?: string) => {
  const request = t
    .http()
    .get(path)
    .buffer(true)
    .parse(binary as never);
  return token === undefined ? request : request.set(bearer(token));
};

/** Whitespace runs become one space: passages wrap across lines and pages. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ');

/** Parses a PDF, skipping fonts (the document suites assert on text, not on fonts). */
export const parsePdf = (pdf: Buffer): Promise<ParsedPdf> => readPdf(pdf, { readFonts: false });

/** Everything a reader could find in a PDF: page text, bookmarks and metadata, spaces collapsed. */
export const everythingIn = (pdf: ParsedPdf): string => {
  const titles = (items: ParsedPdf['outline']): string[] =>
    items.flatMap((item) => [item.title, ...titles(item.children)]);
  return collapse(
    [
      ...pdf.pages,
      ...titles(pdf.outline),
      JSON.stringify(pdf.metadata.info),
      pdf.metadata.xmp ?? '',
    ].join('\n'),
  );
};

/** A passage is "in" a text when its first 60 characters are (long passages wrap across pages). */
export const isIn = (text: string, passage: string): boolean =>
  text.includes(collapse(passage).trim().slice(0, 60));
