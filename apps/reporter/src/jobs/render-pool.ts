import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ReporterError } from '../errors.js';
import { deserializeRenderError, type RenderJob } from './render-job.js';
import type { RenderReply, RenderRequest } from './render-thread.js';

/**
 * The thread's script, built. From src/jobs (under jest) and from dist/jobs this is the same file:
 * a thread cannot run the TypeScript source, so the pool always uses the build output.
 */
export const RENDER_THREAD_URL = new URL('../../dist/jobs/render-thread.js', import.meta.url);

export type RenderPoolOptions = {
  /** Threads drawing at once (default: cores − 1, at least 1). */
  readonly threads?: number;
  /**
   * A thread is replaced after this many renders (default: no count, only its heap). A count
   * replaced a healthy thread every 50 renders and the new one rebuilt its heap: the API's RSS
   * swung by ±100 MiB under a soak (docs/benchmarks.md, issue 11 item 6).
   */
  readonly maxRendersPerThread?: number;
  /**
   * A thread is replaced once its heap passes this after a render (default 256 MiB): what bounds
   * a slow leak in a thread. Its replacement is started at once, warm before the next job.
   */
  readonly recycleHeapBytes?: number;
  /** V8's old-generation limit per thread; a render beyond it fails, not the process (default 1024 MiB). */
  readonly maxOldGenerationSizeMb?: number;
  /** The thread script (tests only). */
  readonly threadUrl?: URL;
};

type Task = {
  readonly job: RenderJob;
  readonly resolve: (bytes: Buffer) => void;
  readonly reject: (error: Error) => void;
};

type Slot = {
  readonly worker: Worker;
  renders: number;
  task: (Task & { readonly id: number }) | undefined;
  retiring: boolean;
};

/** Threads in a row lost before answering anything, after which {@link RenderPool.fault} reports the pool broken. */
export const DEAD_ON_ARRIVAL_LIMIT = 3;

export type RenderPoolStats = {
  readonly threads: number;
  readonly busy: number;
  readonly queued: number;
  /** Threads started so far (recycled and crashed ones included). */
  readonly started: number;
};

/**
 * Draws documents on worker threads, off the caller's event loop: one job per thread at a time,
 * the rest wait in order. A thread that crashes or runs out of memory fails its job with
 * REPORTER.RENDER_FAILED and is replaced; a thread is also replaced when its heap has grown past
 * a limit (or after N renders, when asked). Errors the renderer itself raises (an unknown meeting) come back
 * as the same ReporterError as in process.
 */
/**
 * V8's old-generation limit of a render thread unless the pool is given another (MiB). The
 * benchmarks run their renders under the same limit (`--max-old-space-size`).
 */
export const RENDER_THREAD_MAX_OLD_GENERATION_MB = 1024;

export class RenderPool {
  private readonly threads: number;
  private readonly maxRenders: number;
  private readonly recycleHeapBytes: number;
  private readonly maxOldGenerationSizeMb: number;
  private readonly threadUrl: URL;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private started = 0;
  private closed = false;
  /** Threads in a row that went before answering any job (reset by any answer). */
  private deadOnArrival = 0;
  private lastLoss = '';

  constructor(options: RenderPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? Math.max(1, availableParallelism() - 1));
    this.maxRenders = options.maxRendersPerThread ?? Number.POSITIVE_INFINITY;
    this.recycleHeapBytes = options.recycleHeapBytes ?? 256 * 1024 * 1024;
    this.maxOldGenerationSizeMb =
      options.maxOldGenerationSizeMb ?? RENDER_THREAD_MAX_OLD_GENERATION_MB;
    this.threadUrl = options.threadUrl ?? RENDER_THREAD_URL;
  }

  /** The whole PDF of `job`. */
  render(job: RenderJob): Promise<Buffer> {
    if (this.closed)
      return Promise.reject(
        new ReporterError('REPORTER.RENDER_FAILED', 'The render pool is closed.'),
      );
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  stats(): RenderPoolStats {
    const busy = [...this.slots].filter((slot) => slot.task !== undefined).length;
    return { threads: this.slots.size, busy, queued: this.queue.length, started: this.started };
  }

  /**
   * Why the pool cannot draw, or null when it can: closed, or its last
   * {@link DEAD_ON_ARRIVAL_LIMIT} threads all went before answering a job (the thread script is
   * missing or broken, or every render runs out of memory). Busy threads are not a fault.
   */
  fault(): string | null {
    if (this.closed) return 'the render pool is closed';
    if (this.deadOnArrival >= DEAD_ON_ARRIVAL_LIMIT)
      return `the last ${this.deadOnArrival} render threads went before drawing anything: ${this.lastLoss}`;
    return null;
  }

  /** Stops every thread; jobs not yet finished fail with REPORTER.RENDER_FAILED. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      task.reject(new ReporterError('REPORTER.RENDER_FAILED', 'The render pool was closed.'));
    }
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((candidate) => !candidate.task && !candidate.retiring);
      if (!slot && this.slots.size < this.threads) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift() as Task;
      const id = this.nextId++;
      slot.task = { ...task, id };
      slot.worker.ref();
      const request: RenderRequest = { id, job: task.job };
      slot.worker.postMessage(request);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.threadUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxOldGenerationSizeMb },
    });
    this.started += 1;
    const slot: Slot = { worker, renders: 0, task: undefined, retiring: false };
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.onReply(slot, reply));
    worker.on('error', (error: Error) => this.onGone(slot, error));
    worker.on('exit', (code) =>
      this.onGone(slot, new Error(`the render thread exited with code ${code}`)),
    );
    return slot;
  }

  private onReply(slot: Slot, reply: RenderReply): void {
    const task = slot.task;
    if (!task || task.id !== reply.id) return;
    this.deadOnArrival = 0;
    slot.task = undefined;
    slot.renders += 1;
    slot.worker.unref();
    if (reply.ok) {
      task.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    } else {
      task.reject(deserializeRenderError(reply.error));
    }
    if (slot.renders >= this.maxRenders || reply.heapUsed > this.recycleHeapBytes) {
      void this.retire(slot);
      // The replacement starts now (loading the renderer and its fonts), not on the next job.
      if (!this.closed && this.slots.size < this.threads) this.spawn();
    }
    this.dispatch();
  }

  /** A thread that crashed, ran out of memory or exited: its job fails, a new one takes its place. */
  private onGone(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    if (slot.renders === 0 && !slot.retiring) {
      this.deadOnArrival += 1;
      this.lastLoss = error.message.split('\n')[0] ?? error.name;
    }
    const task = slot.task;
    slot.task = undefined;
    if (task) {
      task.reject(
        new ReporterError(
          'REPORTER.RENDER_FAILED',
          `The document could not be drawn: ${error.message}`,
          {
            cause: (error as NodeJS.ErrnoException).code ?? error.name,
          },
        ),
      );
    }
    if (!slot.retiring) void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  private async retire(slot: Slot): Promise<void> {
    slot.retiring = true;
    this.slots.delete(slot);
    const task = slot.task;
    slot.task = undefined;
    task?.reject(new ReporterError('REPORTER.RENDER_FAILED', 'The render pool was closed.'));
    await slot.worker.terminate();
  }
}
