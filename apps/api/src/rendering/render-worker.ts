import './no-native-msgpackr.js';
import { type RenderJob, RenderPool, serializeRenderError } from '@scrutineer/reporter/jobs';
import { UnrecoverableError, Worker } from 'bullmq';
import type { RenderConfig } from '../config/config.js';
import {
  encodeFailure,
  redisConnection,
  RENDER_QUEUE_NAME,
  type RenderResult,
} from './render-queue.js';

export type RenderWorkerOptions = {
  readonly queue: NonNullable<RenderConfig['queue']>;
  readonly attempts: number;
  /** How long a job stays locked to a worker that stopped answering (a killed one) before another takes it. */
  readonly lockMs: number;
  readonly log: (line: string) => void;
};

/**
 * `scrutineer-api worker`: takes render jobs off the queue one at a time and draws each in a
 * render thread (so the lock on the job is renewed while the pack is drawn). The renderer's own
 * refusals (an unknown meeting) fail the job at once; anything else is retried up to the job's
 * attempts, and a job whose worker died is taken by another once its lock runs out.
 */
export const startRenderWorker = async (
  options: RenderWorkerOptions,
): Promise<{ close: () => Promise<void> }> => {
  const pool = new RenderPool({ threads: 1 });
  const worker = new Worker<RenderJob, RenderResult>(
    RENDER_QUEUE_NAME,
    async (job) => {
      options.log(
        `render ${job.id} ${job.data.kind} attempt ${job.attemptsMade + 1} pid ${process.pid}`,
      );
      try {
        const bytes = await pool.render(job.data);
        options.log(`rendered ${job.id} ${bytes.byteLength} bytes pid ${process.pid}`);
        return { pdf: bytes.toString('base64') };
      } catch (error) {
        const failure = serializeRenderError(error);
        options.log(`failed ${job.id} ${failure.code} pid ${process.pid}`);
        if (failure.code === 'REPORTER.RENDER_FAILED') throw new Error(encodeFailure(failure));
        throw new UnrecoverableError(encodeFailure(failure));
      }
    },
    {
      connection: redisConnection(options.queue.redisUrl, true),
      prefix: options.queue.prefix,
      concurrency: 1,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      maxStalledCount: Math.max(1, options.attempts - 1),
    },
  );
  worker.on('error', (error) => options.log(`worker error: ${error.message}`));
  await worker.waitUntilReady();
  options.log(
    `render worker ready pid ${process.pid} queue ${options.queue.prefix}:${RENDER_QUEUE_NAME}`,
  );
  return {
    close: async () => {
      await worker.close();
      await pool.close();
    },
  };
};
