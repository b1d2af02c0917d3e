import { type RenderJob, RenderPool, renderJob } from '@scrutineer/reporter/jobs';

/** Where a job is drawn: a thread of this process, the event loop itself, or the queue's workers. */
export interface Renderer {
  readonly mode: 'threads' | 'in-process' | 'queue';
  render(job: RenderJob, key: string): Promise<Buffer>;
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
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** RENDER_THREADS=0: draws on the event loop, as before the pool (blocks other requests meanwhile). */
export class InProcessRenderer implements Renderer {
  readonly mode = 'in-process';
  render(job: RenderJob): Promise<Buffer> {
    return renderJob(job);
  }
  async close(): Promise<void> {}
}
