/**
 * The render path's metrics (docs/operations.md, "Metrics"): in an API process what each PDF
 * request got (the cache, a render, a render already under way, a failure), how long renders
 * took, and the jobs waiting and being drawn (read on scrape); in a `scrutineer-api worker`
 * process what it drew, how long each took, and the retries it took on.
 */
import type { RenderJob } from '@scrutineer/reporter/jobs';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { editionOf } from '../rendering/render-key.js';

/** Seconds: a short document draws in tens of ms, a 300-page pack in seconds, a queued one waits. */
export const RENDER_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** What answered a PDF request. */
export type RenderOutcome = 'cache' | 'rendered' | 'coalesced' | 'failed';

/** A failure's problem or reporter code (`RENDER.TIMEOUT`, `REPORTER.MEETING_NOT_FOUND`), else `unknown`. */
export const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]+\.[A-Z_]+$/.test(code) ? code : 'unknown';
};

/** Reads what to report on each scrape; a source that fails or is slow leaves the gauge empty. */
export type RenderSources = {
  readonly jobCounts: () => Promise<Readonly<Record<string, number>>>;
  /** Workers connected to the queue (queue mode only). */
  readonly workers?: () => Promise<number>;
};

export class ApiRenderMetrics {
  private readonly requests: Counter<'kind' | 'edition' | 'outcome'>;
  private readonly duration: Histogram<'kind' | 'edition'>;
  private readonly failures: Counter<'kind' | 'code'>;
  private sources: RenderSources | undefined;

  constructor(private readonly registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({
      name: 'scrutineer_render_requests_total',
      help: 'PDF requests by document kind, edition and outcome: cache (from rendered_documents), rendered (drawn for it), coalesced (joined a render under way in this process), failed.',
      labelNames: ['kind', 'edition', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'scrutineer_render_duration_seconds',
      help: 'Time from asking the renderer for a document to having it, by kind and edition (on the queue: waiting for a worker included). Successful renders only.',
      labelNames: ['kind', 'edition'],
      buckets: RENDER_DURATION_BUCKETS,
      registers,
    });
    this.failures = new Counter({
      name: 'scrutineer_render_failures_total',
      help: 'Renders that answered an error (after every retry), by kind and code (RENDER.TIMEOUT, RENDER.FAILED, REPORTER.*).',
      labelNames: ['kind', 'code'],
      registers,
    });
    const self = (): RenderSources | undefined => this.sources;
    new Gauge({
      name: 'scrutineer_render_jobs',
      help: 'Render jobs by state, read on scrape: on the queue (REDIS_URL) waiting, active, delayed (waiting to retry) and failed (kept 60 s) across every process; else this process threads’ waiting and active.',
      labelNames: ['state'],
      registers,
      async collect(this: Gauge<'state'>) {
        this.reset();
        const counts = await self()
          ?.jobCounts()
          .catch(() => undefined);
        for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
      },
    });
  }

  /** What the gauges read on scrape; `scrutineer_render_workers` exists only with a queue. */
  watch(sources: RenderSources): void {
    const first = this.sources === undefined;
    this.sources = sources;
    if (!first || sources.workers === undefined) return;
    const self = (): RenderSources | undefined => this.sources;
    new Gauge({
      name: 'scrutineer_render_workers',
      help: 'Render workers connected to the queue, read on scrape (REDIS_URL only; no sample when Redis does not answer).',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect(this: Gauge<'queue'>) {
        this.reset();
        const workers = await self()
          ?.workers?.()
          .catch(() => undefined);
        if (workers !== undefined) this.set({ queue: 'render' }, workers);
      },
    });
  }

  record(job: RenderJob, outcome: RenderOutcome, seconds?: number, error?: unknown): void {
    const edition = editionOf(job);
    this.requests.inc({ kind: job.kind, edition, outcome });
    if (outcome === 'rendered' && seconds !== undefined)
      this.duration.observe({ kind: job.kind, edition }, seconds);
    if (outcome === 'failed') this.failures.inc({ kind: job.kind, code: codeOf(error) });
  }
}

/** A worker's own counts: what it drew, how long drawing took, and the retries it took on. */
export class WorkerRenderMetrics {
  private readonly jobs: Counter<'kind' | 'edition' | 'outcome'>;
  private readonly duration: Histogram<'kind' | 'edition'>;
  private readonly retries: Counter<'kind'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.jobs = new Counter({
      name: 'scrutineer_worker_render_jobs_total',
      help: 'Render job attempts this worker finished, by kind, edition and outcome (rendered, failed).',
      labelNames: ['kind', 'edition', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'scrutineer_worker_render_duration_seconds',
      help: 'Time this worker took to draw a job, by kind and edition (successful attempts only).',
      labelNames: ['kind', 'edition'],
      buckets: RENDER_DURATION_BUCKETS,
      registers,
    });
    this.retries = new Counter({
      name: 'scrutineer_worker_render_retries_total',
      help: 'Jobs this worker took on that had been started before: retried after a failure, or taken from a worker that died (stalled).',
      labelNames: ['kind'],
      registers,
    });
  }

  started(job: RenderJob, attemptsStarted: number): void {
    if (attemptsStarted > 1) this.retries.inc({ kind: job.kind });
  }

  finished(job: RenderJob, outcome: 'rendered' | 'failed', seconds: number): void {
    const edition = editionOf(job);
    this.jobs.inc({ kind: job.kind, edition, outcome });
    if (outcome === 'rendered') this.duration.observe({ kind: job.kind, edition }, seconds);
  }
}
