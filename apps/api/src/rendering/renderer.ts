import { type RenderJob, RenderPool, renderJob } from '@scrutineer/reporter/jobs';

/** A readiness check of the render path (registered by RenderingModule). */
export type RendererCheck = {
  readonly name: string;
  /** Resolves when usable; rejects with a one-line reason. */
  readonly probe: () => Promise<unknown>;
  readonly fatal: boolean;
};

/** Render jobs by state: `waiting`, `active` (and on the queue `delayed`, `failed`). */
export type RenderJobCounts = Readonly<Record<string, number>>;

/** Where a job is drawn: a thread of this process, the event loop itself, or the queue's workers. */
export interface Renderer {
  readonly mode: 'threads' | 'in-process' | 'queue';
  render(job: RenderJob, key: string): Promise<Buffer>;
  /** What readiness asks of this renderer (docs/operations.md, "Liveness and readiness"). */
  checks(): RendererCheck[];
  /** The jobs waiting and being drawn, read when metrics are scraped. */
  jobCounts(): Promise<RenderJobCounts>;
  /** Workers connected to the queue (queue mode only). */
  workerCount?(): Promise<number>;
  close(): Promise<void>;
}

export const RENDERER = Symbol('RENDERER');

/** The embedded default: worker threads, so the event loop keeps answering while a pack is drawn. */
export class ThreadRenderer implements Renderer {
  readonly mode = 'threads';
  private readonly pool: RenderPool;
  constructor(threads: number) {
    this.pool = new RenderPool({ threads });
  }
  render(job: RenderJob): Promise<Buffer> {
    return this.pool.render(job);
  }
  checks(): RendererCheck[] {
    return [
      {
        name: 'render-threads',
        fatal: true,
        probe: async () => {
          const fault = this.pool.fault();
          if (fault !== null) throw new Error(fault);
        },
      },
    ];
  }
  async jobCounts(): Promise<RenderJobCounts> {
    const { busy, queued } = this.pool.stats();
    return { waiting: queued, active: busy };
  }
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** RENDER_THREADS=0: draws on the event loop, as before the pool (blocks other requests meanwhile). */
export class InProcessRenderer implements Renderer {
  readonly mode = 'in-process';
  private drawing = 0;
  async render(job: RenderJob): Promise<Buffer> {
    this.drawing += 1;
    try {
      return await renderJob(job);
    } finally {
      this.drawing -= 1;
    }
  }
  /** Nothing to ask: a process that answers its probe can draw on its own loop. */
  checks(): RendererCheck[] {
    return [];
  }
  async jobCounts(): Promise<RenderJobCounts> {
    return { waiting: 0, active: this.drawing };
  }
  async close(): Promise<void> {}
}
