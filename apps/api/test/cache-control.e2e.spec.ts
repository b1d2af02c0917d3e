import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const varies = (response: Response): string[] =>
  String(response.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());

/**
 * Every read says how it may be cached (issue 13): an anonymous answer is the public record, a
 * token's is the caller's alone, and never stored when the caller reads exempt content. Routes
 * with their own rule (the public record) keep it; errors and writes are never marked public.
 */
describeEachDatabase('Cache-Control on every read', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, token?: string) => {
    const request = t.http().get(path);
    return token === undefined ? request : request.set(bearer(token));
  };

  const reads = [
    '/api/v1/committees',
    `/api/v1/committees/${SAMPLE.committee}`,
    '/api/v1/meetings',
    `/api/v1/meetings/${SAMPLE.stockportMarch2022}`,
    '/api/v1/members',
  ];

  it('marks an anonymous read public for five minutes, varying by Authorization', async () => {
    for (const path of reads) {
      const response = await get(path).expect(200);
      expect([path, response.headers['cache-control']]).toEqual([path, 'public, max-age=300']);
      expect(varies(response)).toContain('authorization');
    }
  });

  it('marks a read with a token private: no-store for those who read exempt content, no-cache for officers', async () => {
    for (const path of reads) {
      for (const [token, expected] of [
        [t.tokens.clerk, 'private, no-store'],
        [t.tokens.member, 'private, no-store'],
        [t.tokens.officer, 'private, no-cache'],
      ] as const) {
        const response = await get(path, token).expect(200);
        expect([path, response.headers['cache-control']]).toEqual([path, expected]);
        expect(varies(response)).toContain('authorization');
      }
    }
  });

  it('keeps a route’s own rule, and marks no error or write public', async () => {
    const calendar = await get('/api/v1/calendar.ics', t.tokens.clerk).expect(200);
    expect(calendar.headers['cache-control']).toBe('public, max-age=300');
    const missing = await get('/api/v1/meetings/no-such-meeting').expect(404);
    expect(String(missing.headers['cache-control'] ?? '')).not.toMatch(/public|max-age/);
    const created = await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ id: 'cache-control-new', committeeId: SAMPLE.committee, date: '2031-03-03' })
      .expect(201);
    expect(String(created.headers['cache-control'] ?? '')).not.toMatch(/public|max-age/);
  });
});
