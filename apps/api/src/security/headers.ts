import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** The path of Swagger UI's page and assets (the OpenAPI document itself, /api/docs-json, is JSON). */
export const DOCS_PATH = /^\/api\/docs(\/|$)/;

/** The API answers JSON, problems and PDFs: no content it serves may load or run anything. */
export const API_CSP = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI's page loads its script and styles from /api/docs, fetches the document from
 * /api/docs-json, and sets inline style attributes and data: images (its icons and syntax
 * highlighting); nothing else, and never inline or foreign script.
 */
export const DOCS_CSP = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const withPolicy = (directives: Record<string, string[]>): Middleware =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only over TLS (securityHeaders adds it then): a browser that saw HSTS on plain HTTP would ignore it anyway.
    strictTransportSecurity: false,
  }) as Middleware;

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * helmet's headers on every response: X-Content-Type-Options, X-Frame-Options DENY and CSP
 * frame-ancestors 'none', Referrer-Policy no-referrer, a strict CSP (Swagger UI's own on its
 * page), and Strict-Transport-Security when the request came over TLS. Behind a TLS-terminating
 * proxy that is known only with TRUST_PROXY set (then X-Forwarded-Proto says so).
 */
export const securityHeaders = (): Middleware => {
  const api = withPolicy(API_CSP);
  const docs = withPolicy(DOCS_CSP);
  return (request, response, next) => {
    const { path, secure } = request as IncomingMessage & { path?: string; secure?: boolean };
    if (secure === true) response.setHeader('Strict-Transport-Security', HSTS);
    (DOCS_PATH.test(path ?? request.url ?? '') ? docs : api)(request, response, next);
  };
};
