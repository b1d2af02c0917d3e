import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApiFailure, createApi, must, NotFound } from './api-client.js';

/** A stand-in API: one member with ETag "7", answering If-None-Match with 304, slowly. */
describe('the API client', () => {
  let server: Server;
  let base: string;
  let seen: IncomingHttpHeaders[];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      setTimeout(() => {
        if (request.url !== '/api/v1/members/m1') {
          response.writeHead(404, { 'Content-Type': 'application/problem+json' });
          response.end('{"status":404}');
        } else if (request.headers['if-none-match'] === '"7"') {
          response.writeHead(304, { ETag: '"7"' });
          response.end();
        } else {
          response.writeHead(200, { 'Content-Type': 'application/json', ETag: '"7"' });
          response.end(JSON.stringify({ id: 'm1', name: 'Councillor A', party: null, ward: null }));
        }
      }, 50);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const member = (api: ReturnType<typeof createApi>, headers: Record<string, string> = {}) =>
    api.client.GET('/api/v1/members/{id}', { params: { path: { id: 'm1' } }, headers });

  it('revalidates a kept answer with If-None-Match and answers a 304 from the copy', async () => {
    const api = createApi(base);
    expect(must(await member(api)).name).toBe('Councillor A');
    expect(must(await member(api)).name).toBe('Councillor A');
    expect(seen.map((h) => h['if-none-match'])).toEqual([undefined, '"7"']);
    expect(seen[1]!['cache-control']).toBe('max-age=0');
    expect(api.stats).toEqual({ misses: 1, revalidated: 1, shared: 0 });
  });

  it('sends one request for identical reads in flight at once', async () => {
    const api = createApi(base);
    const answers = await Promise.all([member(api), member(api), member(api)]);
    expect(answers.map((a) => must(a).id)).toEqual(['m1', 'm1', 'm1']);
    expect(seen).toHaveLength(1);
    expect(api.stats.shared).toBe(2);
  });

  it('never sends a token, whatever a caller adds', async () => {
    const api = createApi(base);
    must(await member(api, { Authorization: 'Bearer planted' }));
    expect(seen).toHaveLength(1);
    expect(seen[0]!['authorization']).toBeUndefined();
  });

  it('turns a 404 into NotFound and an unreachable API into a 503 ApiFailure', async () => {
    const api = createApi(base);
    await expect(
      api.client.GET('/api/v1/members/{id}', { params: { path: { id: 'nobody' } } }).then(must),
    ).rejects.toBeInstanceOf(NotFound);
    const down = createApi('http://127.0.0.1:9');
    const failure = await member(down).then(must, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).status).toBe(503);
  });
});
