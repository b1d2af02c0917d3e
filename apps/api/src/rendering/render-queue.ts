import './no-native-msgpackr.js';
import type { RenderJob } from '@scrutineer/reporter/jobs';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiError } from '../common/problem.js';
import type { RenderConfig } from '../config/config.js';
import type { Renderer } from './renderer.js';
import { deserializeRenderError, type SerializedReporterError } from '@scrutineer/reporter/jobs';

/** The BullMQ queue every API process adds to and every `scrutineer-api worker` takes from. */
export const RENDER_QUEUE_NAME = 'render';

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
 * REDIS_URL set: jobs go on BullMQ, keyed by their render key, so the same job asked for by
 * several API processes at once is one job; the request waits up to RENDER_WAIT_MS for it.
 * A worker's failure (after RENDER_ATTEMPTS tries, a dead worker counting as one) is
 * 503 RENDER.FAILED; no answer in time is 503 RENDER.TIMEOUT. Never a hang.
 */
export class QueueRenderer implements Renderer {
  readonly mode = 'queue';
  private readonly connection: Redis;
  private readonly eventsConnection: Redis;
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
    this.eventsConnection = redisConnection(config.queue.redisUrl, true);
    this.events = new QueueEvents(RENDER_QUEUE_NAME, {
      connection: this.eventsConnection,
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

  async close(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    // bullmq leaves connections it was given open.
    this.connection.disconnect();
    this.eventsConnection.disconnect();
  }
}
