/**
 * What an operator watches (issue 11 item 7): readiness apart from liveness, failing when the
 * database or Redis does not answer and recovering when it does; and the Prometheus metrics,
 * refused to anonymous callers, counting requests by route template.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ReadinessChecks } from '../src/health/readiness.js';
import { pingRedis } from '../src/health/redis-ping.js';
import { MetricsModule } from '../src/metrics/metrics.module.js';
import { RENDERER, type Renderer } from '../src/rendering/renderer.js';
import { violationOf } from './fuzz/fuzz.js';
import { SAMPLE } from './support/documents.js';
import { fetchPdf } from './support/pdf.js';
import { parsePrometheusText, sampleValue } from './support/prometheus-text.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

type Check = {
  name: string;
  status: string;
  detail: string | null;
  durationMs: number;
  fatal: boolean;
};

/** A stand-in Redis whose answer to PING the test sets; `close()` makes it unreachable. */
const fakeRedis = async (): Promise<{
  url: string;
  answer: (reply: string | null) => void;
  close: () => Promise<void>;
}> => {
  let reply: string | null = '+PONG\r\n';
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', () => {
      if (reply !== null) socket.write(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    answer: (next) => {
      reply = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

const checksOf = (body: unknown): Check[] =>
  ((body as { checks?: Check[]; data?: { checks?: Check[] } }).checks ??
    (body as { data: { checks: Check[] } }).data.checks) as Check[];

describe('pingRedis', () => {
  it('rejects, naming the address, when nothing listens', async () => {
    await expect(pingRedis('redis://127.0.0.1:1', 1000)).rejects.toThrow(
      /unreachable at 127\.0\.0\.1:1: ECONNREFUSED/,
    );
  });

  const real = process.env.TEST_REDIS_URL;
  (real ? it : it.skip)(
    `answers PONG from a real Redis${real ? '' : ' SKIPPED: set TEST_REDIS_URL=redis://…'}`,
    async () => {
      await expect(pingRedis(real as string, 1000)).resolves.toBeUndefined();
    },
  );
});

describeEachDatabase('readiness and metrics', (kind) => {
  describe('with the defaults (no Redis, metrics for admins)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => {
      await t?.close();
    });

    const metrics = async (): Promise<ReturnType<typeof parsePrometheusText>> => {
      const response = await t.http().get('/api/metrics').set(bearer(t.tokens.admin)).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      // The fuzzer's rules (no stack, no SQL text) hold for this text/plain success too.
      expect(
        violationOf(200, response.headers['content-type'] as string, response.text),
      ).toBeNull();
      return parsePrometheusText(response.text);
    };

    it('is ready: 200 listing the database and render-thread checks, and no Redis check without REDIS_URL', async () => {
      const response = await t.http().get('/api/health/ready').expect(200);
      expect(response.body).toMatchObject({ status: 'ready' });
      expect(
        checksOf(response.body)
          .map((c) => [c.name, c.status, c.detail, c.fatal])
          .sort(),
      ).toEqual([
        ['database', 'up', null, true],
        ['render-threads', 'up', null, true],
      ]);
    });

    it('refuses metrics to anonymous callers (401) and to other roles (403), as problems', async () => {
      const anonymous = await t.http().get('/api/metrics').expect(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(anonymous.body.code).toBe('AUTH.UNAUTHENTICATED');
      expect(anonymous.text).not.toMatch(/http_requests_total/);
      expect(
        violationOf(401, anonymous.headers['content-type'] as string, anonymous.text),
      ).toBeNull();
      const clerk = await t.http().get('/api/metrics').set(bearer(t.tokens.clerk)).expect(403);
      expect(clerk.body.code).toBe('AUTH.FORBIDDEN');
    });

    it('counts a request by its route template and status, never by its raw URL', async () => {
      const route = '/api/v1/meetings/:id';
      const labels = { method: 'GET', route, status: '200' };
      const before = await metrics();
      await t.http().get(`/api/v1/meetings/${SAMPLE.stockportJune2021}`).expect(200);
      await t.http().get('/api/v1/no-such-route/abc123').expect(404);
      const after = await metrics();
      expect(sampleValue(after, 'http_requests_total', labels)).toBe(
        sampleValue(before, 'http_requests_total', labels) + 1,
      );
      expect(sampleValue(after, 'http_request_duration_seconds_count', labels)).toBe(
        sampleValue(before, 'http_request_duration_seconds_count', labels) + 1,
      );
      const unmatched = { route: 'unmatched', status: '404' };
      expect(sampleValue(after, 'http_requests_total', unmatched)).toBe(
        sampleValue(before, 'http_requests_total', unmatched) + 1,
      );
      const routes = new Set(after.map((s) => s.labels['route']).filter(Boolean));
      expect(
        [...routes].some((r) => r?.includes(SAMPLE.stockportJune2021) || r?.includes('abc123')),
      ).toBe(false);
    });

    it('reports process metrics, the PostgreSQL pool where there is one, and results-cache hits', async () => {
      await t.http().get('/api/v1/results?limit=5').expect(200);
      await t.http().get('/api/v1/results?limit=5').expect(200);
      const samples = await metrics();
      expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
      expect(
        sampleValue(samples, 'scrutineer_cache_lookups_total', {
          cache: 'results',
          outcome: 'hit',
        }),
      ).toBeGreaterThanOrEqual(1);
      if (kind === 'postgres') {
        expect(sampleValue(samples, 'scrutineer_db_pool_max')).toBe(10);
        expect(
          sampleValue(samples, 'scrutineer_db_pool_connections', { state: 'total' }),
        ).toBeGreaterThan(0);
      } else {
        expect(samples.some((s) => s.name.startsWith('scrutineer_db_pool'))).toBe(false);
      }
    });

    it('is not ready (503 HEALTH.NOT_READY naming the database) while the database is gone, and ready again after', async () => {
      const restore = await stopDatabase(t);
      try {
        const response = await t.http().get('/api/health/ready').expect(503);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ code: 'HEALTH.NOT_READY', status: 503 });
        expect(response.body.detail).toMatch(/database/);
        const [database] = checksOf(response.body);
        expect(database).toMatchObject({ name: 'database', status: 'down' });
        expect(database?.detail).toEqual(expect.any(String));
      } finally {
        await restore();
      }
      await t.http().get('/api/health/ready').expect(200);
    });

    it('is not ready (503 naming render-threads) once the render pool cannot draw, and the pool’s renders were counted', async () => {
      const before = await metrics();
      await fetchPdf(t, `/api/v1/meetings/${SAMPLE.stockportJune2021}/agenda-pack.pdf`).expect(200);
      await fetchPdf(t, `/api/v1/meetings/${SAMPLE.stockportJune2021}/agenda-pack.pdf`).expect(200);
      const after = await metrics();
      const labels = { kind: 'agenda-pack', edition: 'public' };
      const delta = (name: string, extra: Record<string, string> = {}): number =>
        sampleValue(after, name, { ...labels, ...extra }) -
        sampleValue(before, name, { ...labels, ...extra });
      expect(delta('scrutineer_render_requests_total', { outcome: 'rendered' })).toBe(1);
      expect(delta('scrutineer_render_requests_total', { outcome: 'cache' })).toBe(1);
      expect(delta('scrutineer_render_duration_seconds_count')).toBe(1);
      expect(sampleValue(after, 'scrutineer_render_jobs', { state: 'waiting' })).toBe(0);
      expect(after.some((s) => s.name === 'scrutineer_render_workers')).toBe(false);
      // Last in this suite: the pool is closed for good.
      await t.app.get<Renderer>(RENDERER).close();
      const response = await t.http().get('/api/health/ready').expect(503);
      expect(response.body.detail).toBe('Not ready: render-threads (the render pool is closed).');
      expect(checksOf(response.body).find((c) => c.name === 'render-threads')).toMatchObject({
        status: 'down',
        fatal: true,
      });
    });
  });

  describe('with REDIS_URL, METRICS=open and METRICS_PORT', () => {
    let t: TestApp;
    let redis: Awaited<ReturnType<typeof fakeRedis>>;
    beforeAll(async () => {
      redis = await fakeRedis();
      t = await createTestApp(kind, {
        config: { redisUrl: redis.url, metrics: 'open', metricsPort: 0 },
      });
      t.app.get(ReadinessChecks).setTimeout(500);
    });
    afterAll(async () => {
      await t?.close();
      await redis?.close();
    });

    it('is ready when Redis answers PONG, listing its check as non-fatal', async () => {
      redis.answer('+PONG\r\n');
      const response = await t.http().get('/api/health/ready').expect(200);
      expect(response.body.status).toBe('ready');
      expect(
        checksOf(response.body)
          .map((c) => [c.name, c.status, c.fatal])
          .sort(),
      ).toEqual([
        ['database', 'up', true],
        ['redis', 'up', false],
        ['render-threads', 'up', true],
      ]);
    });

    // The rate limiter fails open (requests are served without limits while Redis is away), so
    // its Redis is reported but does not take the process out of rotation.
    it('is degraded, not unready, when the rate limiter’s Redis refuses or does not answer in time', async () => {
      redis.answer('-NOAUTH Authentication required.\r\n');
      const refused = await t.http().get('/api/health/ready').expect(200);
      expect(refused.body.status).toBe('degraded');
      expect(checksOf(refused.body).find((c) => c.name === 'redis')).toMatchObject({
        status: 'down',
        fatal: false,
        detail: expect.stringMatching(/NOAUTH/),
      });
      redis.answer(null);
      const silent = await t.http().get('/api/health/ready').expect(200);
      expect(silent.body.status).toBe('degraded');
      expect(checksOf(silent.body).find((c) => c.name === 'redis')?.detail).toMatch(
        /did not answer within 500 ms/,
      );
      redis.answer('+PONG\r\n');
      expect((await t.http().get('/api/health/ready').expect(200)).body.status).toBe('ready');
    });

    it("leaves /api/metrics out of the OpenAPI document (the integrators' contract is /api/v1 and /api/health)", async () => {
      const document = await t.http().get('/api/docs-json').expect(200);
      expect(Object.keys(document.body.paths)).toContain('/api/health/ready');
      expect(Object.keys(document.body.paths)).not.toContain('/api/metrics');
    });

    it('serves metrics to anonymous callers with METRICS=open, and on 127.0.0.1:METRICS_PORT', async () => {
      const open = await t.http().get('/api/metrics').expect(200);
      expect(parsePrometheusText(open.text).some((s) => s.name === 'http_requests_total')).toBe(
        true,
      );
      const port = t.app.get(MetricsModule).listeningPort();
      expect(port).toEqual(expect.any(Number));
      const side = await fetch(`http://127.0.0.1:${String(port)}/metrics`);
      expect(side.status).toBe(200);
      expect(
        parsePrometheusText(await side.text()).some((s) => s.name === 'process_cpu_seconds_total'),
      ).toBe(true);
      expect((await fetch(`http://127.0.0.1:${String(port)}/api/v1/meetings`)).status).toBe(404);
    });

    it('takes checks other modules register, and names the fatal one that fails', async () => {
      t.app.get(ReadinessChecks).register('planted-check', async () => {
        throw new Error('planted fault');
      });
      const response = await t.http().get('/api/health/ready').expect(503);
      expect(response.body.detail).toBe('Not ready: planted-check (planted fault).');
      expect(
        checksOf(response.body)
          .map((c) => [c.name, c.status])
          .sort(),
      ).toEqual([
        ['database', 'up'],
        ['planted-check', 'down'],
        ['redis', 'up'],
        ['render-threads', 'up'],
      ]);
    });

    // Last: Redis stops for good (and the planted check above keeps the answer 503).
    it('names redis down when it is unreachable, without counting it in the 503; liveness stays 200', async () => {
      await redis.close();
      const response = await t.http().get('/api/health/ready').expect(503);
      expect(response.body.code).toBe('HEALTH.NOT_READY');
      expect(response.body.detail).toBe('Not ready: planted-check (planted fault).');
      const checks = checksOf(response.body);
      expect(checks.find((c) => c.name === 'database')?.status).toBe('up');
      expect(checks.find((c) => c.name === 'redis')).toMatchObject({
        status: 'down',
        fatal: false,
        detail: expect.stringMatching(/unreachable at 127\.0\.0\.1:\d+: ECONNREFUSED/),
      });
      await t.http().get('/api/health').expect(200);
    });
  });
});

/**
 * Takes the app's database away and returns how to bring it back: on PostgreSQL the database
 * stops taking connections and the app's are ended (as a restarted server would); on SQLite the
 * app's connection is closed.
 */
const stopDatabase = async (t: TestApp): Promise<() => Promise<void>> => {
  if (t.database === 'sqlite') {
    await t.dataSource.destroy();
    return async () => {
      await t.dataSource.initialize();
    };
  }
  const name = new URL(t.databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
  await admin.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  );
  return async () => {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await admin.end();
  };
};

describe('METRICS=off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { config: { metrics: 'off' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers /api/metrics with a 404 problem, even to an admin', async () => {
    const response = await t.http().get('/api/metrics').set(bearer(t.tokens.admin)).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('ROUTE.NOT_FOUND');
    expect(response.text).not.toMatch(/http_requests_total/);
  });
});
