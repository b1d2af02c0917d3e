// REDIS_URL set: the API enqueues render jobs on BullMQ and `scrutineer-api worker` processes
// draw them. One API and one worker on each database; then a worker killed (SIGKILL) mid-job,
// whose job another worker takes and finishes; then no worker at all (503 after the wait).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { CouncilDataset } from '@scrutineer/domain';
import { packAttachedFiles } from '@scrutineer/reporter';
import { renderJob } from '@scrutineer/reporter/jobs';
import { makeDocxReport } from '@scrutineer/reporter/testing';
import { anonymousCaller } from '../src/auth/caller.js';
import { DatabaseFileStore } from '../src/files/database-file-store.js';
import { MeetingDocumentsService } from '../src/meeting-documents/meeting-documents.service.js';
import { DocumentRenderingService } from '../src/rendering/document-rendering.service.js';
import { SAMPLE } from './support/documents.js';
import { makePdf, uploadDocument } from './support/attachments.js';
import { fetchPdf, parsePdf } from './support/pdf.js';
import { publishSupplement } from './support/meetings.js';
import { parsePrometheusText, type Sample, sampleValue } from './support/prometheus-text.js';
import {
  freshQueuePrefix,
  startWorkerProcess,
  testRedisUrl,
  type WorkerProcess,
} from './support/render-workers.js';
import {
  bearer,
  createTestApp,
  testDatabases,
  type TestApp,
  type TestDatabaseKind,
} from './support/test-app.js';

const redisUrl = testRedisUrl();
const agendaPath = (id: string): string => `/api/v1/meetings/${id}/agenda-pack.pdf`;

type Check = { name: string; status: string; fatal: boolean; detail: string | null };
const checksOf = (body: { checks?: Check[]; data?: { checks: Check[] } }): Check[] =>
  (body.checks ?? body.data?.checks ?? []) as Check[];

/** The API's metrics (the suites open them with METRICS=open). */
const apiMetrics = async (t: TestApp): Promise<Sample[]> =>
  parsePrometheusText((await t.http().get('/api/metrics').expect(200)).text);

/** A worker's metrics, from the METRICS_PORT it logged. */
const workerMetrics = async (worker: WorkerProcess): Promise<Sample[]> => {
  const line = await worker.waitFor(/^metrics on 127\.0\.0\.1:\d+\/metrics$/);
  const response = await fetch(`http://${line.slice('metrics on '.length)}`);
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
};

const PUBLIC_PACK = { kind: 'agenda-pack', edition: 'public' };

/**
 * Every file the public pack of `meetingId` prints (the seed attaches the sample's papers), as
 * bytes: the embedded renderer converts the Word documents itself.
 */
const attachedBytes = async (
  t: TestApp,
  dataset: CouncilDataset,
  meetingId: string,
): Promise<Record<string, string>> => {
  const { pdfs, docx } = packAttachedFiles(dataset, meetingId, 'public');
  const store = new DatabaseFileStore();
  const files: Record<string, string> = {};
  for (const sha of [...pdfs, ...docx])
    files[sha] = (await store.get(t.dataSource.manager, sha))!.toString('base64');
  return files;
};

/**
 * What the embedded renderer draws for the public pack, converting its Word documents from
 * their bytes: what every queued render (handed their stored conversions) must match.
 */
const expectedPack = async (t: TestApp, meetingId: string): Promise<Buffer> => {
  const dataset = await t.app
    .get(MeetingDocumentsService)
    .meetingDataset(meetingId, 'public', anonymousCaller(null));
  const attachedFiles = await attachedBytes(t, dataset, meetingId);
  return renderJob({
    kind: 'agenda-pack',
    meetingId,
    edition: 'public',
    dataset,
    ...(Object.keys(attachedFiles).length === 0 ? {} : { attachedFiles }),
  });
};

const queueSuite = (title: string, body: (redis: string, kind: TestDatabaseKind) => void): void => {
  if (!redisUrl) {
    // Skipped because no Redis was given (TEST_REDIS_URL unset, as on a laptop without one): the
    // suite's name says so in every report, and .ci/run sets TEST_REDIS_URL, so CI never skips it.
    describe.skip(`${title} SKIPPED: set TEST_REDIS_URL=redis://… to run the queue suites`, () => {
      it('runs on Redis', () => undefined);
    });
    return;
  }
  for (const kind of testDatabases()) describe(`${title} [${kind}]`, () => body(redisUrl, kind));
};

queueSuite('agenda packs through the render queue, one API and one worker', (redis, kind) => {
  let t: TestApp;
  let worker: WorkerProcess;
  beforeAll(async () => {
    const prefix = freshQueuePrefix();
    worker = await startWorkerProcess(redis, prefix, { METRICS_PORT: '0' });
    t = await createTestApp(kind, {
      config: { metrics: 'open' },
      render: { queue: { redisUrl: redis, prefix }, waitMs: 30_000 },
    });
  });
  afterAll(async () => {
    await t?.close();
    await worker?.stop();
  });

  it('draws the pack on the worker: the same bytes as the embedded renderer, then from the cache', async () => {
    const rendering = t.app.get(DocumentRenderingService);
    expect(rendering.mode).toBe('queue');
    const first = await fetchPdf(t, agendaPath(SAMPLE.stockportMarch2022)).expect(200);
    expect((first.body as Buffer).equals(await expectedPack(t, SAMPLE.stockportMarch2022))).toBe(
      true,
    );
    await worker.waitFor(/^rendered [0-9a-f]{64} /);
    const again = await fetchPdf(t, agendaPath(SAMPLE.stockportMarch2022)).expect(200);
    expect((again.body as Buffer).equals(first.body as Buffer)).toBe(true);
    expect(rendering.stats()).toMatchObject({ rendered: 1, cacheHits: 1 });
    expect(worker.lines.filter((line) => /^render [0-9a-f]{64} /.test(line))).toHaveLength(1);
  });

  it('answers the renderer’s refusal from the worker as the same error, without retrying it', async () => {
    const dataset = await t.app
      .get(MeetingDocumentsService)
      .meetingDataset(SAMPLE.stockportMarch2022, 'public', anonymousCaller(null));
    const job = {
      kind: 'agenda-pack',
      meetingId: 'no-such-meeting',
      edition: 'public',
      dataset,
    } as const;
    const rendering = t.app.get(DocumentRenderingService);
    const failure = await rendering.render(job).then(
      () => undefined,
      (error: unknown) => ({ ...(error as object), message: (error as Error).message }),
    );
    expect(failure).toMatchObject({ code: 'REPORTER.MEETING_NOT_FOUND' });
    const key = rendering.keyOf(job);
    // The answer comes back through Redis and can beat the worker's log line through its stderr
    // pipe: wait for the worker to log the failure before counting its attempts.
    await worker.waitFor(new RegExp(`^failed ${key} REPORTER\\.MEETING_NOT_FOUND `));
    expect(worker.lines.filter((line) => line.startsWith(`render ${key} `))).toHaveLength(1);
  });

  it('is ready: the queue’s Redis answers (fatal) and a worker is connected (non-fatal)', async () => {
    const response = await t.http().get('/api/health/ready').expect(200);
    expect(response.body.status).toBe('ready');
    const checks = checksOf(response.body);
    expect(checks.find((c) => c.name === 'render-queue')).toMatchObject({
      status: 'up',
      fatal: true,
    });
    expect(checks.find((c) => c.name === 'render-workers')).toMatchObject({
      status: 'up',
      fatal: false,
    });
    expect(checks.some((c) => c.name === 'render-threads')).toBe(false);
  });

  it('counts, in the API, the render, the cache hit, the refusal and the queue’s jobs; in the worker, what it drew', async () => {
    const api = await apiMetrics(t);
    expect(
      sampleValue(api, 'scrutineer_render_requests_total', { ...PUBLIC_PACK, outcome: 'rendered' }),
    ).toBe(1);
    expect(
      sampleValue(api, 'scrutineer_render_requests_total', { ...PUBLIC_PACK, outcome: 'cache' }),
    ).toBe(1);
    expect(sampleValue(api, 'scrutineer_render_duration_seconds_count', PUBLIC_PACK)).toBe(1);
    expect(sampleValue(api, 'scrutineer_render_duration_seconds_sum', PUBLIC_PACK)).toBeGreaterThan(
      0,
    );
    expect(
      sampleValue(api, 'scrutineer_render_failures_total', {
        kind: 'agenda-pack',
        code: 'REPORTER.MEETING_NOT_FOUND',
      }),
    ).toBe(1);
    // From BullMQ's counts on scrape: the refused job is kept (failed) for a minute, nothing waits.
    const jobs = Object.fromEntries(
      api
        .filter((s) => s.name === 'scrutineer_render_jobs')
        .map((s) => [s.labels['state'], s.value]),
    );
    expect(jobs).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1 });
    expect(sampleValue(api, 'scrutineer_render_workers', { queue: 'render' })).toBe(1);
    const drawn = await workerMetrics(worker);
    expect(
      sampleValue(drawn, 'scrutineer_worker_render_jobs_total', {
        ...PUBLIC_PACK,
        outcome: 'rendered',
      }),
    ).toBe(1);
    expect(
      sampleValue(drawn, 'scrutineer_worker_render_jobs_total', {
        ...PUBLIC_PACK,
        outcome: 'failed',
      }),
    ).toBe(1);
    expect(sampleValue(drawn, 'scrutineer_worker_render_duration_seconds_count', PUBLIC_PACK)).toBe(
      1,
    );
    expect(sampleValue(drawn, 'scrutineer_worker_render_retries_total')).toBe(0);
    expect(sampleValue(drawn, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('carries the attached files in the queued job: the worker merges the PDF and draws the Word report', async () => {
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    const item = (agenda.body.items as { id: string; kind: string; exemption: unknown }[]).find(
      (candidate) => candidate.exemption === null && candidate.kind === 'report',
    )!;
    const pdf = await makePdf('QUEUED ATTACHED PDF', 2);
    const docx = Buffer.from(await makeDocxReport({ clean: true }));
    for (const [bytes, name, title] of [
      [pdf, 'queued.pdf', 'Appendix Q: Queued PDF'],
      [docx, 'queued.docx', 'Appendix W: Queued Word report'],
    ] as const)
      await uploadDocument(t, item.id, {
        file: bytes,
        filename: name,
        fields: {
          title,
          role: 'appendix',
          urgencyReason: 'Received after the agenda was published',
        },
      }).expect(201);
    // Late papers: the public pack prints them once a supplement has published them.
    await publishSupplement(t, SAMPLE.stockportMarch2022);
    const rendered = () => worker.lines.filter((line) => /^rendered [0-9a-f]{64} /.test(line));
    // The supplement's two editions were drawn by the worker as it was published.
    const before = rendered().length;
    const response = await fetchPdf(t, agendaPath(SAMPLE.stockportMarch2022)).expect(200);
    const dataset = await t.app
      .get(MeetingDocumentsService)
      .meetingDataset(SAMPLE.stockportMarch2022, 'public', anonymousCaller(null));
    const embedded = await renderJob({
      kind: 'agenda-pack',
      meetingId: SAMPLE.stockportMarch2022,
      edition: 'public',
      dataset,
      attachedFiles: await attachedBytes(t, dataset, SAMPLE.stockportMarch2022),
    });
    // The uploaded files are among them, and the embedded renderer converted the Word report.
    const attached = Object.keys(await attachedBytes(t, dataset, SAMPLE.stockportMarch2022));
    for (const bytes of [pdf, docx])
      expect(attached).toContain(createHash('sha256').update(bytes).digest('hex'));
    expect((response.body as Buffer).equals(embedded)).toBe(true);
    const text = (await parsePdf(response.body as Buffer)).pages.join('\n');
    expect(text).toContain('QUEUED ATTACHED PDF (page 2)');
    expect(text).toContain('Adult Social Care: Quarter 2 Update');
    // The pack itself: one more render, by the worker.
    expect(rendered()).toHaveLength(before + 1);
  }, 60_000);
});

queueSuite('a render worker killed mid-job', (redis, kind) => {
  let t: TestApp;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    const prefix = freshQueuePrefix();
    // A short lock, so the dead worker's job is taken again within seconds.
    for (let index = 0; index < 2; index += 1) {
      workers.push(
        await startWorkerProcess(redis, prefix, { RENDER_LOCK_MS: '1500', METRICS_PORT: '0' }),
      );
    }
    t = await createTestApp(kind, {
      render: { queue: { redisUrl: redis, prefix }, waitMs: 45_000, attempts: 3 },
    });
  });
  afterAll(async () => {
    await t?.close();
    for (const worker of workers) await worker.stop();
  });

  it('is retried by another worker, and the pack arrives whole and correct', async () => {
    // supertest sends on then(): start the request now, and kill while it waits.
    const request = fetchPdf(t, agendaPath(SAMPLE.stockportNovember2021)).then(
      (response) => response,
    );
    const started = await Promise.race(
      workers.map((worker) => worker.waitFor(/^render [0-9a-f]{64} /).then(() => worker)),
    );
    started.child.kill('SIGKILL');
    const response = await request;
    expect(response.status).toBe(200);
    const survivor = workers.find((worker) => worker !== started) as WorkerProcess;
    // The pack comes back through Redis and can beat the survivor's log line through its pipe.
    await survivor.waitFor(/^rendered /);
    expect(started.lines.some((line) => line.startsWith('rendered '))).toBe(false);
    expect(
      (response.body as Buffer).equals(await expectedPack(t, SAMPLE.stockportNovember2021)),
    ).toBe(true);
    // The survivor counts the job it took from the dead worker as a retry.
    const survived = await workerMetrics(survivor);
    expect(
      sampleValue(survived, 'scrutineer_worker_render_retries_total', { kind: 'agenda-pack' }),
    ).toBe(1);
    expect(
      sampleValue(survived, 'scrutineer_worker_render_jobs_total', { outcome: 'rendered' }),
    ).toBe(1);
  });
});

queueSuite('the render queue with no worker running', (redis, kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {
      config: { metrics: 'open' },
      render: { queue: { redisUrl: redis, prefix: freshQueuePrefix() }, waitMs: 1500 },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 RENDER.TIMEOUT after RENDER_WAIT_MS instead of hanging', async () => {
    const started = Date.now();
    const response = await t.http().get(agendaPath(SAMPLE.stockportJune2021));
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 503, code: 'RENDER.TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('counts the timeout, and the job still waiting for a worker', async () => {
    const api = await apiMetrics(t);
    expect(
      sampleValue(api, 'scrutineer_render_failures_total', {
        kind: 'agenda-pack',
        code: 'RENDER.TIMEOUT',
      }),
    ).toBe(1);
    expect(sampleValue(api, 'scrutineer_render_jobs', { state: 'waiting' })).toBe(1);
    expect(sampleValue(api, 'scrutineer_render_workers', { queue: 'render' })).toBe(0);
  });

  it('is degraded, not unready, naming render-workers: workers are every process’s, and the queue answers', async () => {
    const response = await t.http().get('/api/health/ready').expect(200);
    expect(response.body.status).toBe('degraded');
    const checks = checksOf(response.body);
    expect(checks.find((c) => c.name === 'render-queue')).toMatchObject({ status: 'up' });
    expect(checks.find((c) => c.name === 'render-workers')).toMatchObject({
      status: 'down',
      fatal: false,
      detail: expect.stringMatching(/^no render worker is connected to the queue/),
    });
  });
});

describe('the render queue when its Redis does not answer [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 1: the queue's connection is refused, whatever Redis the suites have.
    t = await createTestApp('sqlite', {
      config: { metrics: 'open' },
      render: {
        queue: { redisUrl: 'redis://127.0.0.1:1', prefix: freshQueuePrefix() },
        waitMs: 1500,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is not ready (503 naming render-queue), and a scrape still answers, without the queue’s gauges', async () => {
    const response = await t.http().get('/api/health/ready').expect(503);
    expect(response.body.code).toBe('HEALTH.NOT_READY');
    expect(response.body.detail).toMatch(/render-queue \(/);
    expect(checksOf(response.body).find((c) => c.name === 'render-queue')).toMatchObject({
      status: 'down',
      fatal: true,
    });
    const api = await apiMetrics(t);
    expect(api.some((s) => s.name === 'scrutineer_render_jobs')).toBe(false);
    expect(api.some((s) => s.name === 'scrutineer_render_workers')).toBe(false);
  });
});
