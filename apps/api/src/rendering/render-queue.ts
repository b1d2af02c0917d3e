import './no-native-msgpackr.js';
import type { RenderJob } from '@scrutineer/reporter/jobs';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiError } from '../common/problem.js';
import type { RenderConfig } from '../config/config.js';
import type { RendererCheck, Renderer, RenderJobCounts } from './renderer.js';
import { deserializeRenderError, type SerializedReporterError } from '@scrutineer/reporter/jobs';

/** The BullMQ queue every API process adds to and every `scrutineer-api worker` takes from. */
export const RENDER_QUEUE_NAME = 'render';

/** How long the queue's Redis has to answer a readiness check or a scrape's count. */
export const QUEUE_PING_TIMEOUT_MS = 1000;

/** How long closing may wait for bullmq before the connections are dropped. */
const CLOSE_TIMEOUT_MS = 2000;

/** `promise`, or a rejection with `reason` after `ms`. */
const withDeadline = async <T>(promise: Promise<T>, ms: number, reason: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(reason)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/** What a worker answers: the PDF as base64 (BullMQ keeps return values as JSON). */
export type RenderResult = { readonly pdf: string };

/** A failure the worker reports: the ReporterError as JSON in the job's failed reason. */
export const encodeFailure = (error: SerializedReporterError): string => JSON.stringify(error);
const decodeFailure = (reason: string): SerializedReporterError | undefined => {
  try {
    const parsed = JSON.parse(reason) as Partial<SerializedReporterError>;
    return typeof parsed.code === 'string' && typeof parsed.message === 'string'
      ? { code: parsed.code, message: parsed.message, data: parsed.data ?? {} }
      : undefined;
  } catch {
    return undefined;
  }
};

export const redisConnection = (url: string, blocking: boolean): Redis =>
  new Redis(url, {
    // Workers and QueueEvents block on Redis and must wait for it; the API's adds fail fast
    // (and the request answers 503) rather than queue up while Redis is away.
    maxRetriesPerRequest: blocking ? null : 1,
    enableOfflineQueue: blocking,
    lazyConnect: false,
  });

/**
 * A connection whose copies are kept: bullmq's QueueEvents (and Worker) duplicate the connection
 * they are given for their blocking reads, and their close waits for that copy to be ready. With
 * Redis away it never is, so its reconnect timers would hold the process open: `close()` ends
 * the copies itself.
 */
export const trackedRedisConnection = (
  url: string,
  blocking: boolean,
): { connection: Redis; disconnectAll: () => void } => {
  const connection = redisConnection(url, blocking);
  const copies: Redis[] = [];
  const duplicate = connection.duplicate.bind(connection);
  connection.duplicate = (...args: Parameters<Redis['duplicate']>): Redis => {
    const copy = duplicate(...args);
    copies.push(copy);
    return copy;
  };
  return {
    connection,
    disconnectAll: () => {
      for (const copy of copies) copy.disconnect();
      connection.disconnect();
    },
  };
};

/**
 * REDIS_URL set: jobs go on BullMQ, keyed by their render key, so the same job asked for by
 * several API processes at once is one job; the request waits up to RENDER_WAIT_MS for it.
 * A worker's failure (after RENDER_ATTEMPTS tries, a dead worker counting as one) is
 * 503 RENDER.FAILED; no answer in time is 503 RENDER.TIMEOUT. Never a hang.
 */
export class QueueRenderer implements Renderer {
  readonly mode = 'queue';
  private readonly connection: Redis;
  private readonly eventsConnection: { connection: Redis; disconnectAll: () => void };
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly ready: Promise<unknown>;

  constructor(
    private readonly config: RenderConfig & { queue: NonNullable<RenderConfig['queue']> },
  ) {
    this.connection = redisConnection(config.queue.redisUrl, false);
    this.queue = new Queue(RENDER_QUEUE_NAME, {
      connection: this.connection,
      prefix: config.queue.prefix,
    });
    this.eventsConnection = trackedRedisConnection(config.queue.redisUrl, true);
    this.events = new QueueEvents(RENDER_QUEUE_NAME, {
      connection: this.eventsConnection.connection,
      prefix: config.queue.prefix,
    });
    // Errors are the requests' to report; without a listener an 'error' event would throw.
    this.queue.on('error', () => undefined);
    this.events.on('error', () => undefined);
    this.ready = this.events.waitUntilReady().catch(() => undefined);
  }

  async render(job: RenderJob, key: string): Promise<Buffer> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ApiError(
              'RENDER.TIMEOUT',
              `The document was not drawn within ${this.config.waitMs} ms (no render worker free or running); try again.`,
            ),
          ),
        this.config.waitMs,
      );
    });
    try {
      return await Promise.race([this.enqueueAndWait(job, key), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async enqueueAndWait(job: RenderJob, key: string): Promise<Buffer> {
    await this.ready;
    let added;
    try {
      // A failed job stays a minute (so its waiters all read why); a new request tries afresh.
      const earlier = await this.queue.getJob(key);
      if (earlier && (await earlier.isFailed())) await earlier.remove().catch(() => undefined);
      added = await this.queue.add(RENDER_QUEUE_NAME, job, {
        jobId: key,
        attempts: this.config.attempts,
        backoff: { type: 'fixed', delay: 250 },
        // A finished job stays a little, so callers arriving together share it.
        removeOnComplete: { age: 60 },
        removeOnFail: { age: 60 },
      });
    } catch (error) {
      throw new ApiError(
        'RENDER.FAILED',
        `The render queue is unavailable: ${(error as Error).message}`,
      );
    }
    let result: unknown;
    try {
      result = await added.waitUntilFinished(this.events, this.config.waitMs);
    } catch (error) {
      const reason = (error as Error).message;
      if (/timed out/.test(reason)) {
        throw new ApiError('RENDER.TIMEOUT', `The document was not drawn in time; try again.`);
      }
      const failure = decodeFailure(reason);
      if (failure) throw deserializeRenderError(failure);
      throw new ApiError('RENDER.FAILED', `The document could not be drawn: ${reason}`);
    }
    const value = (typeof result === 'string' ? JSON.parse(result) : result) as RenderResult;
    return Buffer.from(value.pdf, 'base64');
  }

  /**
   * `render-queue` (fatal): the queue's own Redis connection answers PING within
   * {@link QUEUE_PING_TIMEOUT_MS}; without it this process cannot add a job. `render-workers`
   * (non-fatal): at least one worker is connected to the queue (BullMQ's `getWorkersCount`,
   * from Redis's CLIENT LIST). Workers are shared by every API process, so a missing one is
   * reported (`degraded`) rather than taking every process out of rotation at once.
   */
  checks(): RendererCheck[] {
    return [
      {
        name: 'render-queue',
        fatal: true,
        probe: () =>
          withDeadline(
            this.connection.ping(),
            QUEUE_PING_TIMEOUT_MS,
            `the render queue's Redis did not answer PING within ${QUEUE_PING_TIMEOUT_MS} ms`,
          ),
      },
      {
        name: 'render-workers',
        fatal: false,
        probe: async () => {
          const workers = await withDeadline(
            this.queue.getWorkersCount(),
            QUEUE_PING_TIMEOUT_MS,
            `the render queue's Redis did not list its workers within ${QUEUE_PING_TIMEOUT_MS} ms`,
          );
          if (workers < 1)
            throw new Error(
              'no render worker is connected to the queue: PDFs answer 503 RENDER.TIMEOUT until one starts (scrutineer-api worker)',
            );
        },
      },
    ];
  }

  /** Every worker connected to the queue (CLIENT LIST). */
  workerCount(): Promise<number> {
    return withDeadline(this.queue.getWorkersCount(), QUEUE_PING_TIMEOUT_MS, 'no answer');
  }

  async jobCounts(): Promise<RenderJobCounts> {
    return withDeadline(
      this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
      QUEUE_PING_TIMEOUT_MS,
      'the render queue did not give its job counts in time',
    );
  }

  async close(): Promise<void> {
    // bullmq's close waits for its connection to be ready: with Redis away it would wait for
    // ever (and hold the process's shutdown), so it gets a bounded time.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([this.events.close(), this.queue.close()]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    // bullmq leaves connections it was given open, and its own copies when Redis is away.
    this.connection.disconnect();
    this.eventsConnection.disconnectAll();
  }
}
