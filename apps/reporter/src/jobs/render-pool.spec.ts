import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { isReporterError } from '../errors.js';
import { readPdf } from '../testing/read-pdf.js';
import { codeFingerprint, rendererFingerprint } from './fingerprint.js';
import { type RenderJob, renderJob } from './render-job.js';
import { DEAD_ON_ARRIVAL_LIMIT, RenderPool } from './render-pool.js';

const dataset: CouncilDataset = loadSampleCouncil();
const pack = (meetingId: string = sampleIds.stockportMarch2022): RenderJob => ({
  kind: 'agenda-pack',
  meetingId,
  edition: 'public',
  dataset,
});

const failure = async (promise: Promise<unknown>): Promise<{ code: string; message: string }> => {
  try {
    await promise;
  } catch (error) {
    if (!isReporterError(error)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error('expected the render to fail');
};

describe('RenderPool (worker threads)', () => {
  const pools: RenderPool[] = [];
  const pool = (options: ConstructorParameters<typeof RenderPool>[0]): RenderPool => {
    const made = new RenderPool(options);
    pools.push(made);
    return made;
  };
  afterAll(async () => {
    await Promise.all(pools.map((made) => made.close()));
  });

  it('draws in a thread the same bytes as in process', async () => {
    const threads = pool({ threads: 1 });
    const [inThread, inProcess] = await Promise.all([threads.render(pack()), renderJob(pack())]);
    expect(inThread.subarray(0, 5).toString()).toBe('%PDF-');
    expect(inThread.equals(inProcess)).toBe(true);
    const pdf = await readPdf(new Uint8Array(inThread), { readFonts: false });
    expect(pdf.pages.length).toBeGreaterThan(1);
  });

  it('draws every kind of job: minutes and a performance report', async () => {
    const threads = pool({ threads: 1 });
    const reportId = dataset.performanceReports[0]?.id as string;
    const minuted = dataset.meetings.find((meeting) => meeting.minutes !== null);
    const [minutes, report] = await Promise.all([
      threads.render({ kind: 'minutes', meetingId: minuted?.meeting.id as string, dataset }),
      threads.render({ kind: 'performance-report', reportId, dataset }),
    ]);
    expect(
      minutes.equals(
        await renderJob({ kind: 'minutes', meetingId: minuted?.meeting.id as string, dataset }),
      ),
    ).toBe(true);
    expect(report.equals(await renderJob({ kind: 'performance-report', reportId, dataset }))).toBe(
      true,
    );
  });

  it('runs up to `threads` jobs at once and queues the rest', async () => {
    const threads = pool({ threads: 2 });
    const renders = Promise.all([1, 2, 3, 4].map(() => threads.render(pack())));
    const during = threads.stats();
    expect(during).toMatchObject({ threads: 2, busy: 2, queued: 2 });
    const bytes = await renders;
    expect(new Set(bytes.map((file) => file.toString('base64'))).size).toBe(1);
    expect(threads.stats()).toMatchObject({ busy: 0, queued: 0, started: 2 });
  });

  it('gives back the renderer’s own errors with their codes', async () => {
    const threads = pool({ threads: 1 });
    expect(await failure(threads.render(pack('no-such-meeting')))).toMatchObject({
      code: 'REPORTER.MEETING_NOT_FOUND',
    });
  });

  it('fails a render that throws with REPORTER.RENDER_FAILED, and carries on', async () => {
    const threads = pool({ threads: 1 });
    const broken = { ...pack(), dataset: { ...dataset, committees: null } } as unknown as RenderJob;
    expect(await failure(threads.render(broken))).toMatchObject({ code: 'REPORTER.RENDER_FAILED' });
    expect((await threads.render(pack())).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('replaces a thread after N renders when asked, starting the replacement at once', async () => {
    const threads = pool({ threads: 1, maxRendersPerThread: 1 });
    for (let render = 0; render < 3; render += 1) await threads.render(pack());
    // Three threads drew one job each; the fourth is already started, warm for the next job.
    expect(threads.stats()).toMatchObject({ started: 4, threads: 1, busy: 0 });
  });

  it('replaces a thread whose heap passed the limit after a render', async () => {
    const threads = pool({ threads: 1, recycleHeapBytes: 1 });
    await threads.render(pack());
    await threads.render(pack());
    expect(threads.stats()).toMatchObject({ started: 3, threads: 1 });
  });

  it('keeps a healthy thread however many renders it draws (no count by default: issue 11 item 6)', async () => {
    const threads = pool({ threads: 1 });
    for (let render = 0; render < 60; render += 1) await threads.render(pack());
    expect(threads.stats().started).toBe(1);
  });

  it('fails the job of a thread that runs out of memory with REPORTER.RENDER_FAILED, and replaces it', async () => {
    const tiny = pool({ threads: 1, maxOldGenerationSizeMb: 4 });
    const first = await failure(tiny.render(pack()));
    expect(first.code).toBe('REPORTER.RENDER_FAILED');
    expect(first.message).toMatch(/memory|exited/i);
    await failure(tiny.render(pack()));
    expect(tiny.stats().started).toBe(2);
  });

  it('reports no fault while it draws, nor while its threads are busy', async () => {
    const threads = pool({ threads: 1 });
    expect(threads.fault()).toBeNull();
    const drawing = threads.render(pack());
    expect(threads.fault()).toBeNull();
    await drawing;
    expect(threads.fault()).toBeNull();
  });

  it('reports a fault once DEAD_ON_ARRIVAL_LIMIT threads in a row went before answering (a broken thread script)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-pool-broken-'));
    const script = join(dir, 'thread.mjs');
    writeFileSync(script, 'process.exit(7);\n');
    try {
      const broken = pool({ threads: 1, threadUrl: new URL(`file://${script}`) });
      for (let attempt = 1; attempt < DEAD_ON_ARRIVAL_LIMIT; attempt += 1) {
        await failure(broken.render(pack()));
        expect(broken.fault()).toBeNull();
      }
      await failure(broken.render(pack()));
      expect(broken.fault()).toMatch(
        new RegExp(
          `^the last ${DEAD_ON_ARRIVAL_LIMIT} render threads went before drawing anything: .*code 7`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails what is still queued when closed, and refuses new jobs', async () => {
    const threads = new RenderPool({ threads: 1 });
    const pending = failure(threads.render(pack()));
    const queued = failure(threads.render(pack()));
    await threads.close();
    expect((await pending).code).toBe('REPORTER.RENDER_FAILED');
    expect((await queued).code).toBe('REPORTER.RENDER_FAILED');
    expect((await failure(threads.render(pack()))).code).toBe('REPORTER.RENDER_FAILED');
    expect(threads.fault()).toBe('the render pool is closed');
  });
});

describe('rendererFingerprint', () => {
  it('names the reporter version and hashes the fonts, the same every time', () => {
    const fingerprint = rendererFingerprint();
    expect(fingerprint).toMatch(/^reporter@\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
    expect(rendererFingerprint()).toBe(fingerprint);
  });

  it('changes when any code file changes, so a changed renderer cannot serve old PDFs', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    try {
      mkdirSync(join(folder, 'draw'));
      writeFileSync(join(folder, 'draw', 'page.js'), 'export const margin = 56;\n');
      writeFileSync(join(folder, 'index.js.map'), '{}');
      const before = codeFingerprint([folder]);
      expect(codeFingerprint([folder])).toBe(before);
      // A map or declaration file does not change what is drawn.
      writeFileSync(join(folder, 'index.js.map'), '{"changed":true}');
      writeFileSync(join(folder, 'index.d.ts'), 'export {};\n');
      expect(codeFingerprint([folder])).toBe(before);
      writeFileSync(join(folder, 'draw', 'page.js'), 'export const margin = 57;\n');
      expect(codeFingerprint([folder])).not.toBe(before);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
