import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';
import { isProblem } from './support/problem.js';

// Low limits and short windows, so the suite sees 429 and the window ending within seconds.
const ANONYMOUS = 5;
const TOKEN_FAILURES = 3;
const WINDOW_SECONDS = 2;

const retryAfter = (response: { headers: Record<string, string> }): number => {
  const value = response.headers['retry-after'];
  expect(value).toMatch(/^\d+$/);
  return Number(value);
};

describeEachDatabase('rate limits (issue 11)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {
      config: {
        rateLimits: {
          anonymous: { limit: ANONYMOUS, windowSeconds: WINDOW_SECONDS },
          tokenFailures: { limit: TOKEN_FAILURES, windowSeconds: WINDOW_SECONDS },
        },
      },
    });
  });
  afterAll(async () => t.close());

  it('answers the anonymous request past the limit with 429, Retry-After and a problem; the window then resets', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ANONYMOUS; i += 1)
      statuses.push((await t.http().get('/api/v1/committees')).status);
    expect(statuses).toEqual(Array<number>(ANONYMOUS).fill(200));

    const refused = await t.http().get('/api/v1/committees');
    expect(refused.status).toBe(429);
    isProblem(refused);
    const seconds = retryAfter(refused);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.body).toMatchObject({
      status: 429,
      code: 'REQUEST.RATE_LIMITED',
      instance: '/api/v1/committees',
      data: { retryAfterSeconds: seconds, limit: ANONYMOUS },
    });
    expect(refused.body.requestId).toEqual(refused.headers['x-request-id']);

    // A caller with a valid token is not counted against, nor stopped by, the anonymous limit.
    for (let i = 0; i < ANONYMOUS * 2; i += 1) {
      const member = await t.http().get('/api/v1/committees').set(bearer(t.tokens.member));
      expect(member.status).toBe(200);
    }
    // Writes without a token are anonymous requests too.
    expect((await t.http().post('/api/v1/committees').send({})).status).toBe(429);

    await sleep(seconds * 1000 + 100);
    expect((await t.http().get('/api/v1/committees')).status).toBe(200);
  });

  it('refuses bearer tokens with 429 once an address has sent too many bad ones, until the window ends', async () => {
    for (let i = 0; i < TOKEN_FAILURES; i += 1) {
      const bad = await t
        .http()
        .get('/api/v1/committees')
        .set(bearer(`guess-${i}`));
      expect(bad.status).toBe(401);
    }
    const refused = await t.http().get('/api/v1/committees').set(bearer('guess-next'));
    expect(refused.status).toBe(429);
    isProblem(refused);
    expect(refused.body).toMatchObject({ code: 'REQUEST.RATE_LIMITED', status: 429 });
    const seconds = retryAfter(refused);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(WINDOW_SECONDS);
    // While it lasts, even a right token from that address is refused: guessing cannot go on.
    expect((await t.http().get('/api/v1/committees').set(bearer(t.tokens.clerk))).status).toBe(429);

    await sleep(seconds * 1000 + 100);
    expect((await t.http().get('/api/v1/committees').set(bearer(t.tokens.clerk))).status).toBe(200);
    expect((await t.http().get('/api/v1/committees').set(bearer('guess-again'))).status).toBe(401);
  });

  it('counts a valid token never as a failure', async () => {
    for (let i = 0; i < TOKEN_FAILURES * 3; i += 1) {
      const clerk = await t.http().get('/api/v1/committees').set(bearer(t.tokens.clerk));
      expect(clerk.status).toBe(200);
    }
  });
});
