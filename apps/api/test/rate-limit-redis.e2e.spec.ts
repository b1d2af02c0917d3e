import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimiter } from '../src/rate-limit/rate-limiter.js';
import { RedisRateLimitStore } from '../src/rate-limit/redis-store.js';
import { hasRedisServer, type RedisServer, startRedis } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Needs Debian's redis-server (the suite starts its own); the name says so when it is skipped.
const describeWithRedis = hasRedisServer() ? describe : describe.skip;

describeWithRedis(
  `rate limits counted in Redis (REDIS_URL)${hasRedisServer() ? '' : ' SKIPPED: no /usr/bin/redis-server'}`,
  () => {
    let redis: RedisServer;
    const errors: Error[] = [];
    const stores: RedisRateLimitStore[] = [];
    const store = (prefix: string) => {
      const created = new RedisRateLimitStore(redis.url, (error) => errors.push(error), prefix);
      stores.push(created);
      return created;
    };
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      for (const created of stores) await created.close();
      await redis?.stop();
    });

    it('counts in one window per key, which Redis expires', async () => {
      const sut = store('t1:');
      const now = Date.now();
      expect(await sut.peek('a', now)).toEqual({ count: 0, resetAt: now });
      const first = await sut.hit('a', 400, now);
      expect(first.count).toBe(1);
      expect(first.resetAt - now).toBeGreaterThan(300);
      expect(first.resetAt - now).toBeLessThanOrEqual(400);
      expect((await sut.hit('a', 400, now)).count).toBe(2);
      expect((await sut.peek('a', now)).count).toBe(2);
      expect((await sut.hit('b', 400, now)).count).toBe(1);
      await sleep(500);
      expect((await sut.peek('a', Date.now())).count).toBe(0);
      expect((await sut.hit('a', 400, Date.now())).count).toBe(1);
      expect(errors).toEqual([]);
    });

    it('shares the counts between two limiters on one Redis, as two API processes would', async () => {
      const rules = {
        anonymous: { limit: 4, windowSeconds: 5 },
        tokenFailures: { limit: 2, windowSeconds: 5 },
      };
      const one = new RateLimiter(rules, store('t2:'));
      const two = new RateLimiter(rules, store('t2:'));
      const verdicts = [];
      for (let i = 0; i < 5; i += 1)
        verdicts.push((await (i % 2 === 0 ? one : two).anonymousRequest('c')).allowed);
      expect(verdicts).toEqual([true, true, true, true, false]);
      await one.tokenFailed('c');
      await two.tokenFailed('c');
      expect(await one.tokenAttempt('c')).toMatchObject({ allowed: false, retryAfterSeconds: 5 });
    });

    it('serves when Redis does not answer, and says so', async () => {
      const sut = new RedisRateLimitStore('redis://127.0.0.1:1', (error) => errors.push(error));
      stores.push(sut);
      const before = errors.length;
      const now = Date.now();
      expect(await sut.hit('a', 1000, now)).toEqual({ count: 0, resetAt: now });
      expect(await sut.peek('a', now)).toEqual({ count: 0, resetAt: now });
      expect(errors.length).toBeGreaterThan(before);
    });

    describe('two API processes on one Redis', () => {
      let apps: TestApp[] = [];
      beforeAll(async () => {
        const config = {
          redisUrl: redis.url,
          rateLimits: {
            anonymous: { limit: 3, windowSeconds: 30 },
            tokenFailures: { limit: 0, windowSeconds: 30 },
          },
        };
        apps = [
          await createTestApp('sqlite', { config }),
          await createTestApp('sqlite', { config }),
        ];
      });
      afterAll(async () => {
        for (const app of apps) await app.close();
      });

      it('refuses a client that spreads its anonymous requests over both once the shared limit is met', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i += 1)
          statuses.push((await apps[i % 2]!.http().get('/api/v1/committees')).status);
        expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      });
    });
  },
);
