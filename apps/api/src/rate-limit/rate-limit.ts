import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import type { RateLimits } from '../config/config.js';
import { ApiError, toProblem } from '../common/problem.js';
import { clientKey, MemoryRateLimitStore, RateLimiter, type Verdict } from './rate-limiter.js';
import { RedisRateLimitStore } from './redis-store.js';

/** Nest's injection token for the process's RateLimiter. */
export const RATE_LIMITER = Symbol('RateLimiter');

/** At most one warning about Redis in this many milliseconds (an outage would flood the log). */
const WARN_EVERY_MS = 60_000;

/**
 * The limiter for the configured limits: counted in Redis when REDIS_URL is set (shared by every
 * API process), else in this process's memory (ADR014).
 */
export const createRateLimiter = (limits: RateLimits, redisUrl: string | null): RateLimiter => {
  const off = limits.anonymous.limit === 0 && limits.tokenFailures.limit === 0;
  if (redisUrl === null || off) return new RateLimiter(limits, new MemoryRateLimitStore());
  const logger = new Logger('RateLimit');
  let warnedAt = -Infinity;
  const store = new RedisRateLimitStore(redisUrl, (error) => {
    if (Date.now() - warnedAt < WARN_EVERY_MS) return;
    warnedAt = Date.now();
    logger.warn(`Redis did not answer; requests are served without rate limits: ${error.message}`);
  });
  return new RateLimiter(limits, store);
};

/** The 429 problem for a refused request, with `Retry-After` in seconds. */
export const rateLimited = (
  verdict: Extract<Verdict, { allowed: false }>,
  what: 'anonymous' | 'tokenFailures',
): ApiError =>
  new ApiError(
    'REQUEST.RATE_LIMITED',
    what === 'anonymous'
      ? `More than ${verdict.limit} requests without a token from your address in this window; try again in ${verdict.retryAfterSeconds} s, or send a bearer token.`
      : `${verdict.limit} requests with a bad or revoked bearer token came from your address in this window; try again in ${verdict.retryAfterSeconds} s.`,
    [],
    { retryAfterSeconds: verdict.retryAfterSeconds, limit: verdict.limit },
    { 'Retry-After': String(verdict.retryAfterSeconds) },
  );

/** Swagger UI's page and assets, and the OpenAPI document. */
const DOCS_ROUTES = /^\/api\/docs(-json|-yaml)?(\/|\?|$)/;

type DocsRequest = IncomingMessage & { id?: unknown; ip?: string; originalUrl?: string };

/**
 * The anonymous limit for the routes Nest's guards never see: Swagger UI and the OpenAPI
 * document (/api/docs, /api/docs-json, served by SwaggerModule straight from Express). A request
 * with an Authorization header is let through (the document holds nothing a token would hide).
 */
export const limitDocs =
  (limiter: RateLimiter) =>
  (request: DocsRequest, response: ServerResponse, next: (error?: unknown) => void): void => {
    if (!DOCS_ROUTES.test(request.url ?? '') || request.headers.authorization !== undefined)
      return next();
    limiter.anonymousRequest(clientKey(request.ip)).then((verdict) => {
      if (verdict.allowed) return next();
      const { status, body } = toProblem(rateLimited(verdict, 'anonymous'), {
        instance: request.originalUrl ?? request.url ?? '',
        requestId: request.id === undefined ? null : String(request.id),
      });
      response.statusCode = status;
      response.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      response.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
      response.end(JSON.stringify(body));
    }, next);
  };
