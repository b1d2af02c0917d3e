/**
 * Each class of 500 that issue 11's fuzzer found, as the request that reproduced it by hand: each
 * is now a 4xx problem document naming the field at fault (or the limit), on both databases.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from '../support/test-app.js';

type Problem = { code: string; status: number; errors?: { path: string; message: string }[] };

const expectProblem = (response: Response, status: number, code: string, path?: string): void => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.text) as Problem;
  expect(body.code).toBe(code);
  if (path !== undefined) expect(body.errors?.map((e) => e.path)).toContain(path);
};

describeEachDatabase('issue 11: each input that reached a 500 is a 4xx problem', (kind) => {
  let t: TestApp;
  const json = (method: 'post', url: string, body: string) =>
    t
      .http()
      [method](url)
      .set(bearer(t.tokens.admin))
      .set('content-type', 'application/json')
      .send(body);
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an offset or integer filter past what the database holds (was datatype mismatch / bigint out of range)', async () => {
    for (const url of [
      '/api/v1/meetings?offset=99999999999999999999',
      '/api/v1/agenda-items?offset=2147483648',
      '/api/v1/measures?priority=99999999999999999999',
    ]) {
      const path = `query:${url.includes('priority') ? 'priority' : 'offset'}`;
      expectProblem(await t.http().get(url), 400, 'REQUEST.INVALID', path);
    }
    expect((await t.http().get('/api/v1/meetings?offset=2147483647')).status).toBe(200);
  });

  it('a NUL in a path parameter or a body field (was invalid byte sequence on PostgreSQL)', async () => {
    expectProblem(await t.http().get('/api/v1/members/%00'), 400, 'REQUEST.INVALID', 'path:id');
    expectProblem(
      await t.http().get('/api/v1/meetings/%00/agenda-pack.pdf'),
      400,
      'REQUEST.INVALID',
      'path:id',
    );
    const body = '{"id":"cfsc-2031-05-06","committeeId":"a\\u0000b","date":"2031-05-06"}';
    expectProblem(
      await json('post', '/api/v1/meetings', body),
      400,
      'REQUEST.INVALID',
      '$.committeeId',
    );
  });

  it('a lone surrogate in a body field or a query parameter (was URIError: URI malformed)', async () => {
    const body = '{"name":"A Person","email":"\\ud800","portfolioCode":"CFSE"}';
    expectProblem(
      await json('post', '/api/v1/officer-contacts', body),
      400,
      'REQUEST.INVALID',
      '$.email',
    );
    expectProblem(await t.http().get('/api/v1/members/%ED%A0%80'), 400, 'REQUEST.INVALID');
  });

  it('a body nested 20,000 deep (was RangeError: Maximum call stack size exceeded)', async () => {
    for (const url of ['/api/v1/members', '/api/v1/meetings', '/api/v1/performance-reports']) {
      expectProblem(
        await json('post', url, `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
        400,
        'REQUEST.TOO_DEEP',
      );
      expectProblem(
        await json('post', url, `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`),
        400,
        'REQUEST.TOO_DEEP',
      );
    }
  });

  it('a missing or wrong-shaped required field (was TypeError reading name / revenue)', async () => {
    expectProblem(
      await json('post', '/api/v1/portfolios', '{"code":"ZZZ","name":"Z"}'),
      400,
      'REQUEST.INVALID',
      '$.cabinetMember',
    );
    expectProblem(
      await json('post', '/api/v1/performance-reports', '{"partTwo":[]}'),
      400,
      'REQUEST.INVALID',
      '$.partTwo',
    );
  });

  it('request headers over 16 KB: a 431 problem document, not a bare status line', async () => {
    const response = await t.http().get('/api/v1/meetings').set('x-long', 'x'.repeat(20_000));
    expectProblem(response, 431, 'REQUEST.HEADERS_TOO_LARGE');
  });
});
