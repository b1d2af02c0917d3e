import { Logger } from '@nestjs/common';
import type { RateLimits } from '../config/config.js';
import { ApiError } from '../common/problem.js';
import { MemoryRateLimitStore, RateLimiter, type Verdict } from './rate-limiter.js';
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
