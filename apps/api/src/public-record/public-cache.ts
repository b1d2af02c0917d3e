import type { Response } from 'express';
import type { Caller } from '../auth/caller.js';

/** How long a shared cache or a calendar client may keep a public read: five minutes. */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/**
 * Marks a public read cacheable by anyone for a short while. It is the public edition whoever
 * asks, but the API's other reads vary by caller, so it says `Vary: Authorization` like them.
 * Other origins may use it (Cross-Origin-Resource-Policy: cross-origin).
 */
export const markPublic = (response: Response): void => {
  response.setHeader('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  response.vary('Authorization');
  // helmet's same-origin would stop another site embedding the public record without CORS.
  response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
};

/**
 * Marks a read whose answer depends on who asks (the meeting's data set and PDFs: a token sees
 * unpublished meetings, clerks and members the confidential edition). An anonymous caller's answer
 * is the public record, cacheable like it; a caller with a token gets one for them alone, never
 * kept by a shared cache, and never kept at all when it holds exempt content. Both say
 * `Vary: Authorization`, so a cache never gives one caller's answer to another.
 */
export const markForCaller = (response: Response, caller: Caller, holdsExempt: boolean): void => {
  if (caller.role === 'anonymous' && !holdsExempt) {
    markPublic(response);
    return;
  }
  response.setHeader('Cache-Control', holdsExempt ? 'private, no-store' : 'private, no-cache');
  response.vary('Authorization');
};

/** Sends a text document (a calendar, a feed, a CSV file) as a public read. */
export const sendPublicText = (
  response: Response,
  contentType: string,
  body: string,
  filename?: string,
): void => {
  markPublic(response);
  response.status(200);
  response.setHeader('Content-Type', contentType);
  if (filename !== undefined)
    response.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  response.end(body);
};
