import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { RateLimitStore, WindowCount } from './rate-limiter.js';

/**
 * Counts one request and opens the window on the first (atomically, in Redis): the count and the
 * milliseconds the window has left. A key that lost its expiry somehow gets it back.
 */
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

const COMMAND_TIMEOUT_MS = 500;

type RedisWithHit = Redis & {
  rateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
};

/**
 * Fixed windows in Redis (REDIS_URL), shared by every API process that uses the same Redis, so
 * a client cannot multiply its limit by spreading requests over replicas. When Redis does not
 * answer (within 500 ms), the request is served and `onError` is told: the limits are a guard
 * against abuse, and an outage of Redis must not become an outage of the API.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: RedisWithHit;

  constructor(
    url: string,
    private readonly onError: (error: Error) => void,
    private readonly prefix = 'scrutineer:rate:',
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // Reconnect in the background, every 100–500 ms. ioredis 5 can leave a reconnect timer
      // pending after disconnect() of a client that is reconnecting; a short delay keeps it from
      // holding the process long at exit.
      retryStrategy: (times) => Math.min(times * 100, 500),
    }) as RedisWithHit;
    this.redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
    this.redis.on('error', (error: Error) => this.onError(error));
  }

  /**
   * Commands are not queued while Redis is away (they would wait without bound), so one sent
   * while the first connection or a reconnection is under way waits for it, up to the timeout.
   */
  private async connected(): Promise<void> {
    if (this.redis.status === 'ready') return;
    const waiting = new AbortController();
    await Promise.race([
      once(this.redis, 'ready', { signal: waiting.signal }).catch(() => undefined),
      sleep(COMMAND_TIMEOUT_MS, undefined, { signal: waiting.signal }).catch(() => undefined),
    ]);
    waiting.abort();
  }

  async hit(key: string, windowMs: number, now: number): Promise<WindowCount> {
    try {
      await this.connected();
      const [count, ttl] = await this.redis.rateLimitHit(this.prefix + key, windowMs);
      return { count, resetAt: now + ttl };
    } catch (error) {
      this.onError(error as Error);
      return { count: 0, resetAt: now };
    }
  }

  async peek(key: string, now: number): Promise<WindowCount> {
    try {
      await this.connected();
      const results = await this.redis
        .multi()
        .get(this.prefix + key)
        .pttl(this.prefix + key)
        .exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      const ttl = Number(results?.[1]?.[1] ?? -2);
      return ttl > 0 && count > 0 ? { count, resetAt: now + ttl } : { count: 0, resetAt: now };
    } catch (error) {
      this.onError(error as Error);
      return { count: 0, resetAt: now };
    }
  }

  async close(): Promise<void> {
    // QUIT lets the connection close once Redis has answered; without a connection, drop it.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    this.redis.disconnect();
  }
}
