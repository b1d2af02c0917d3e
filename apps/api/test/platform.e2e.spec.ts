import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('platform', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports health with the database it checked', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: kind === 'sqlite' ? 'better-sqlite3' : 'postgres',
    });
  });

  it('serves an OpenAPI 3 document with bearer auth and only /api/v1 and /api/health paths', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(response.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const paths = Object.keys(response.body.paths);
    expect(paths.length).toBeGreaterThan(1);
    // The integrators' contract (shared/checks/api-contract.js): /api/v1 and /api/health only;
    // /api/metrics is served (operations.e2e.spec.ts) but unlisted.
    for (const path of paths)
      expect(path.startsWith('/api/v1/') || path.startsWith('/api/health')).toBe(true);
    expect(paths).toContain('/api/health/ready');
    expect(paths).not.toContain('/api/metrics');
    await t.http().get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('answers an unknown route with a problem carrying the request id', async () => {
    const response = await t
      .http()
      .get('/api/v1/nothing-here')
      .set('X-Request-Id', 'req-123')
      .expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 404,
      code: 'ROUTE.NOT_FOUND',
      requestId: 'req-123',
    });
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('keeps the audit trail for admins only: 401 anonymous, 403 clerk, 200 admin', async () => {
    await t.http().get('/api/v1/audit-events').expect(401);
    const forbidden = await t
      .http()
      .get('/api/v1/audit-events')
      .set(bearer(t.tokens.clerk))
      .expect(403);
    expect(forbidden.body.code).toBe('AUTH.FORBIDDEN');
    const page = await t
      .http()
      .get('/api/v1/audit-events?limit=5')
      .set(bearer(t.tokens.admin))
      .expect(200);
    expect(page.body).toMatchObject({ limit: 5, offset: 0 });
    expect(Array.isArray(page.body.items)).toBe(true);
  });

  it('rejects a token that does not exist with 401, even on a read', async () => {
    const response = await t.http().get('/api/health').set(bearer('sct_not-a-token')).expect(401);
    expect(response.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('rejects unknown query fields and out-of-range limits with field paths', async () => {
    const response = await t
      .http()
      .get('/api/v1/audit-events?limit=101&colour=red')
      .set(bearer(t.tokens.admin))
      .expect(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'query:colour',
          message: 'Unknown query parameter colour',
        }),
        expect.objectContaining({ path: 'query:limit', message: 'must be <= 100' }),
      ]),
    );
  });

  it('refuses malformed JSON and oversized bodies as problems', async () => {
    const malformed = await t
      .http()
      .post('/api/v1/audit-events')
      .set(bearer(t.tokens.admin))
      .set('Content-Type', 'application/json')
      .send('{bad')
      .expect(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.body.requestId).toEqual(expect.any(String));
    const large = await t
      .http()
      .post('/api/v1/audit-events')
      .set(bearer(t.tokens.admin))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }))
      .expect(413);
    expect(large.body.code).toBe('REQUEST.TOO_LARGE');
  });
});
