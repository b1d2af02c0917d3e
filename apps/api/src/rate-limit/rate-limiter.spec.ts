import { afterEach, describe, expect, it } from '@jest/globals';
import { clientKey, MemoryRateLimitStore, RateLimiter } from './rate-limiter.js';

describe(RateLimiter.name, () => {
  let now = 1_000_000;
  const stores: MemoryRateLimitStore[] = [];
  const limiter = (anonymous: number, tokenFailures: number, windowSeconds = 10) => {
    const store = new MemoryRateLimitStore();
    stores.push(store);
    return new RateLimiter(
      {
        anonymous: { limit: anonymous, windowSeconds },
        tokenFailures: { limit: tokenFailures, windowSeconds },
      },
      store,
      () => now,
    );
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  it('allows the limit of anonymous requests per window, refuses the next with the seconds left', async () => {
    const sut = limiter(3, 1);
    for (let i = 0; i < 3; i += 1)
      expect(await sut.anonymousRequest('a')).toEqual({ allowed: true });
    now += 2_500;
    expect(await sut.anonymousRequest('a')).toEqual({
      allowed: false,
      retryAfterSeconds: 8,
      limit: 3,
    });
    // Another client has its own window.
    expect(await sut.anonymousRequest('b')).toEqual({ allowed: true });
    // The window ends: a fresh one.
    now += 7_500;
    expect(await sut.anonymousRequest('a')).toEqual({ allowed: true });
  });

  it('refuses token attempts once the failures are used up, until the window ends', async () => {
    const sut = limiter(0, 2);
    expect(await sut.tokenAttempt('a')).toEqual({ allowed: true });
    await sut.tokenFailed('a');
    expect(await sut.tokenAttempt('a')).toEqual({ allowed: true });
    await sut.tokenFailed('a');
    expect(await sut.tokenAttempt('a')).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    expect(await sut.tokenAttempt('b')).toEqual({ allowed: true });
    now += 10_000;
    expect(await sut.tokenAttempt('a')).toEqual({ allowed: true });
  });

  it('limit 0 turns a limit off', async () => {
    const sut = limiter(0, 0);
    for (let i = 0; i < 1000; i += 1) {
      expect(await sut.anonymousRequest('a')).toEqual({ allowed: true });
      await sut.tokenFailed('a');
    }
    expect(await sut.tokenAttempt('a')).toEqual({ allowed: true });
  });
});

describe(MemoryRateLimitStore.name, () => {
  it('stays bounded under a flood of distinct clients', async () => {
    const sut = new MemoryRateLimitStore(100);
    for (let i = 0; i < 1000; i += 1) await sut.hit(`client-${i}`, 60_000, 0);
    expect(sut.size).toBeLessThanOrEqual(100);
    await sut.close();
  });
});

describe(clientKey.name, () => {
  it('unwraps IPv4-mapped IPv6 and keys IPv6 by its /64', () => {
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:a:b:1:2:3:4')).toBe('2001:db8:a:b::/64');
    expect(clientKey('2001:0db8:000a:000b::99')).toBe('2001:db8:a:b::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});
