import type { Response } from 'express';

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
