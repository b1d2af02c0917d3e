import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BODY_LIMIT_BYTES } from '../src/common/body-limit.js';
import { MAX_JSON_DEPTH } from '../src/common/json-depth.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';
import { isProblem } from './support/problem.js';

// Low limits and short windows, so the suite sees 429 and the window ending within seconds.
const ANONYMOUS = 5;
const TOKEN_FAILURES = 3;
const WINDOW_SECONDS = 2;
// Longer: the right token must still meet the window after the guesses, on a loaded machine too
// (CI at load 16 saw a 2 s window end between the 429 and the next request).
const TOKEN_WINDOW_SECONDS = 6;

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
          tokenFailures: { limit: TOKEN_FAILURES, windowSeconds: TOKEN_WINDOW_SECONDS },
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
    // So are Swagger UI and the OpenAPI document, which Express serves outside Nest's guards.
    for (const path of ['/api/docs', '/api/docs-json', '/api/docs/swagger-ui-bundle.js']) {
      const docs = await t.http().get(path);
      expect([path, docs.status]).toEqual([path, 429]);
      isProblem(docs);
      expect(docs.body).toMatchObject({ code: 'REQUEST.RATE_LIMITED', instance: path });
      retryAfter(docs);
    }
    expect((await t.http().get('/api/docs-json').set(bearer(t.tokens.member))).status).toBe(200);

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
    expect(seconds).toBeLessThanOrEqual(TOKEN_WINDOW_SECONDS);
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

type Operation = {
  requestBody?: { description?: string; content?: Record<string, unknown> };
  responses: Record<string, { $ref?: string }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    responses: Record<string, { headers?: Record<string, { $ref?: string }> }>;
    headers: Record<string, { schema: { type: string } }>;
  };
};

describe('the OpenAPI document states the limits (issue 11)', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    document = (await t.http().get('/api/docs-json')).body as Document;
  });
  afterAll(async () => t?.close());

  const operations = (): [string, Operation][] =>
    Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        operation,
      ]),
    );

  it('declares 429 with Retry-After on every operation', () => {
    expect(operations().length).toBeGreaterThan(50);
    const without = operations()
      .filter(
        ([, operation]) => operation.responses['429']?.$ref !== '#/components/responses/Problem429',
      )
      .map(([name]) => name);
    expect(without).toEqual([]);
    expect(document.components.responses['Problem429']?.headers?.['Retry-After']).toEqual({
      $ref: '#/components/headers/RetryAfter',
    });
    expect(document.components.headers['RetryAfter']?.schema.type).toBe('integer');
  });

  it('states the body size and nesting limits on every request body, as the server enforces them', async () => {
    const bodies = operations().filter(([, operation]) => operation.requestBody !== undefined);
    expect(bodies.length).toBeGreaterThan(20);
    for (const [name, operation] of bodies) {
      // A JSON body states the JSON limits; an upload (multipart) states the file's limit.
      const multipart = operation.requestBody?.content?.['multipart/form-data'] !== undefined;
      expect([name, operation.requestBody?.description]).toEqual([
        name,
        multipart
          ? expect.stringContaining(
              'one file of at most 50 MB unless the server sets ATTACHMENT_MAX_BYTES',
            )
          : expect.stringContaining(`nesting at most ${MAX_JSON_DEPTH} levels`),
      ]);
      if (!multipart) expect(operation.requestBody?.description).toContain('2 MB');
      expect(operation.responses['413']).toBeDefined();
    }
    expect(
      bodies.filter(([, o]) => o.requestBody?.content?.['multipart/form-data']).length,
    ).toBeGreaterThan(0);
    // The stated figures are the enforced ones: one byte over is 413, one level over is 400.
    const post = (body: string) =>
      t
        .http()
        .post('/api/v1/committees')
        .set(bearer(t.tokens.admin))
        .set('Content-Type', 'application/json')
        .send(body);
    const over = `{"x":"${'a'.repeat(BODY_LIMIT_BYTES - 7)}"}`;
    expect(Buffer.byteLength(over)).toBe(BODY_LIMIT_BYTES + 1);
    expect((await post(over)).body.code).toBe('REQUEST.TOO_LARGE');
    const atLimit = `{"x":"${'a'.repeat(BODY_LIMIT_BYTES - 8)}"}`;
    expect(Buffer.byteLength(atLimit)).toBe(BODY_LIMIT_BYTES);
    const read = await post(atLimit);
    expect(read.status).toBe(400);
    expect(read.body.code).not.toBe('REQUEST.TOO_LARGE');
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect((await post(deep(MAX_JSON_DEPTH + 1))).body.code).toBe('REQUEST.TOO_DEEP');
    expect((await post(deep(MAX_JSON_DEPTH))).body.code).not.toBe('REQUEST.TOO_DEEP');
  });
});
