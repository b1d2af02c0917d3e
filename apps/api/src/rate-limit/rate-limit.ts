import type { RateLimits } from '../config/config.js';
import { ApiError } from '../common/problem.js';
import { MemoryRateLimitStore, RateLimiter, type Verdict } from './rate-limiter.js';

/** Nest's injection token for the process's RateLimiter. */
export const RATE_LIMITER = Symbol('RateLimiter');

/** The limiter for the configured limits (in-memory: one process; see ADR014). */
export const createRateLimiter = (limits: RateLimits): RateLimiter =>
  new RateLimiter(limits, new MemoryRateLimitStore());

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
