/**
 * The fuzz suite is a guard only if it fails when something breaks: here it is run against a
 * real app with a planted crash, and against a small server that breaks each other rule once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MembersService } from '../../src/members/members.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { fuzz, violationOf } from './fuzz.js';

const problem = (status: number): string =>
  JSON.stringify({ type: 'https://x/p', title: 'T', status, detail: 'd', code: 'C' });

describe('violationOf: the rules one answer is held to', () => {
  it('passes a success and a problem document', () => {
    expect(violationOf(200, 'application/json', '{"items":[]}')).toBeNull();
    expect(violationOf(404, 'application/problem+json; charset=utf-8', problem(404))).toBeNull();
  });
  it('fails a 5xx, a non-problem error, a wrong status, a stack trace and SQL text', () => {
    expect(violationOf(500, 'application/problem+json', problem(500))).toBe('status 500');
    expect(violationOf(400, 'text/html', 'Bad')).toBe('error as text/html');
    expect(violationOf(400, 'application/problem+json', '{"title":"x","status":400}')).toBe(
      'problem without type/title',
    );
    expect(violationOf(409, 'application/problem+json', problem(400))).toBe(
      'problem status 400 ≠ 409',
    );
    expect(
      violationOf(
        200,
        'application/json',
        '{"e":"TypeError: x\\n    at get (/app/dist/members.js:3:9)"}',
      ),
    ).toBe('a stack trace in the body');
    expect(
      violationOf(
        400,
        'application/problem+json',
        problem(400).replace('"d"', '"SELECT id FROM member WHERE x"'),
      ),
    ).toBe('SQL text in the body');
    expect(
      violationOf(
        409,
        'application/problem+json',
        problem(409).replace('"d"', '"duplicate key value violates unique constraint"'),
      ),
    ).toBe('SQL text in the body');
  });
});

describe('the fuzz run fails on a planted 500 in the real app [sqlite]', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    // The planted fault: reading one member crashes as a missing field did (`reading 'name'`).
    t.app.get(MembersService).get = async () => {
      const missing = undefined as unknown as { name: string };
      return { name: missing.name } as never;
    };
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports the members routes answering 500 (reads, and writes that answer with a read)', async () => {
    const report = await fuzz({ baseUrl, tokens: [t.tokens.admin], requests: 600, seed: 7 });
    const planted = report.violations.filter(
      (v) => v.why === 'status 500' && /^\/api\/v1\/members(\/|$)/.test(v.request.path),
    );
    expect(planted.some((v) => v.request.method === 'GET')).toBe(true);
    // Only the planted route breaks: every other violation would be a real defect.
    expect(report.violations.filter((v) => !planted.includes(v))).toEqual([]);
  }, 120_000);
});

describe('the fuzz run fails on each other broken rule', () => {
  let server: Server;
  let baseUrl: string;
  const document = {
    openapi: '3.1.0',
    paths: Object.fromEntries(
      ['plain-error', 'stack', 'sql', 'wrong-status'].map((name) => [
        `/api/v1/${name}`,
        { get: { responses: {} } },
      ]),
    ),
  };
  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      const send = (status: number, type: string, body: string): void => {
        response.writeHead(status, { 'content-type': type }).end(body);
      };
      if (path === '/api/docs-json') send(200, 'application/json', JSON.stringify(document));
      else if (path === '/api/v1/plain-error') send(400, 'text/plain', 'Bad Request');
      else if (path === '/api/v1/stack') {
        send(200, 'application/json', JSON.stringify({ error: new Error('boom').stack }));
      } else if (path === '/api/v1/sql') {
        send(
          409,
          'application/problem+json',
          problem(409).replace('"d"', '"QueryFailedError: SQLITE_CONSTRAINT"'),
        );
      } else if (path === '/api/v1/wrong-status')
        send(404, 'application/problem+json', problem(400));
      else send(200, 'application/json', '{"items":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('names every planted violation', async () => {
    const report = await fuzz({ baseUrl, tokens: ['t'], requests: 80, seed: 1 });
    const found = new Set(report.violations.map((v) => `${v.request.path} ${v.why}`));
    expect([...found].sort()).toEqual([
      '/api/v1/plain-error error as text/plain',
      '/api/v1/sql SQL text in the body',
      '/api/v1/stack a stack trace in the body',
      '/api/v1/wrong-status problem status 400 ≠ 404',
    ]);
  });
});
