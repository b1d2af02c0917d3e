import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Metrics, UNMATCHED_ROUTE } from './metrics.service.js';

type RoutedRequest = IncomingMessage & {
  route?: { path?: unknown };
  baseUrl?: string;
};

/**
 * The route a request matched, as its template (`/api/v1/meetings/:id`), so the label's values
 * are bounded by the routes the app has, whatever URLs callers send. A request no route took, or
 * only a catch-all (Nest's `/api*path` 404 handler), is `unmatched`.
 */
export const routeTemplate = (request: RoutedRequest): string => {
  const path = request.route?.path;
  return typeof path === 'string' && !path.includes('*')
    ? `${request.baseUrl ?? ''}${path}`
    : UNMATCHED_ROUTE;
};

/** Express middleware: counts and times every request when its response ends. */
export const recordRequests =
  (metrics: Metrics) =>
  (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.recordRequest(
        request.method ?? 'GET',
        routeTemplate(request),
        response.statusCode,
        seconds,
      );
    });
    next();
  };
