import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** What a page on another origin may send and read with an anonymous GET. */
const ALLOW_METHODS = 'GET, HEAD';
const ALLOW_HEADERS = 'If-None-Match, Accept';
const EXPOSE_HEADERS = 'ETag, X-Request-Id, Retry-After';

/**
 * CORS for anonymous reads (CORS_ORIGINS): a page on an allowed origin may GET any `/api` route
 * without credentials. `Authorization` is not an allowed request header, so a browser never
 * sends a token cross-origin (its preflight is refused), and no `Allow-Credentials` is sent:
 * another origin's page reads only what the public reads. Writes get no CORS headers at all.
 * `['*']` allows every origin; `[]` turns CORS off.
 */
export const corsForAnonymousReads = (origins: readonly string[]): Middleware => {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (request, response, next) => {
    const path = (request as IncomingMessage & { path?: string }).path ?? request.url ?? '';
    if (origins.length === 0 || !path.startsWith('/api/')) return next();
    const origin = request.headers.origin;
    const method = request.method ?? 'GET';
    if (!any) response.setHeader('Vary', appendVary(response.getHeader('Vary'), 'Origin'));
    if (origin === undefined || !(any || allowed.has(origin))) return next();
    const allowOrigin = any ? '*' : origin;
    if (method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      const wanted = String(request.headers['access-control-request-method']).toUpperCase();
      const headers = String(request.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== '');
      const permitted = ALLOW_HEADERS.toLowerCase().split(', ');
      if ((wanted === 'GET' || wanted === 'HEAD') && headers.every((h) => permitted.includes(h))) {
        response.statusCode = 204;
        response.setHeader('Access-Control-Allow-Origin', allowOrigin);
        response.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
        response.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
        response.setHeader('Access-Control-Max-Age', '600');
        response.end();
        return;
      }
      return next();
    }
    if (method === 'GET' || method === 'HEAD') {
      response.setHeader('Access-Control-Allow-Origin', allowOrigin);
      response.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    next();
  };
};

/** A `Vary` value with `field` added once (case-insensitively). */
export const appendVary = (
  current: ReturnType<ServerResponse['getHeader']>,
  field: string,
): string => {
  const fields = String(current ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  return [
    ...fields,
    ...(fields.some((f) => f.toLowerCase() === field.toLowerCase()) ? [] : [field]),
  ].join(', ');
};
