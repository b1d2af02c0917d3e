import './no-native-msgpackr.js';
import { type RenderJob, RenderPool, serializeRenderError } from '@scrutineer/reporter/jobs';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Server } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { serveMetrics } from '../metrics/metrics-server.js';
import { WorkerRenderMetrics } from '../metrics/render-metrics.js';
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
  /** METRICS_PORT: serve this worker's metrics on 127.0.0.1:<port>/metrics (0: any free port). */
  readonly metricsPort?: number | null;
};

/**
 * `scrutineer-api worker`: takes render jobs off the queue one at a time and draws each in a
 * render thread (so the lock on the job is renewed while the pack is drawn). The renderer's own
 * refusals (an unknown meeting) fail the job at once; anything else is retried up to the job's
 * attempts, and a job whose worker died is taken by another once its lock runs out.
 */
export const startRenderWorker = async (
  options: RenderWorkerOptions,
): Promise<{ close: () => Promise<void>; metricsPort: number | undefined }> => {
  const pool = new RenderPool({ threads: 1 });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = new WorkerRenderMetrics(registry);
  const worker = new Worker<RenderJob, RenderResult>(
    RENDER_QUEUE_NAME,
    async (job) => {
      options.log(
        `render ${job.id} ${job.data.kind} attempt ${job.attemptsMade + 1} pid ${process.pid}`,
      );
      // attemptsStarted counts this start too, and starts that failed or whose worker died.
      metrics.started(job.data, job.attemptsStarted);
      const started = performance.now();
      const seconds = (): number => (performance.now() - started) / 1000;
      try {
        const bytes = await pool.render(job.data);
        metrics.finished(job.data, 'rendered', seconds());
        options.log(`rendered ${job.id} ${bytes.byteLength} bytes pid ${process.pid}`);
        return { pdf: bytes.toString('base64') };
      } catch (error) {
        metrics.finished(job.data, 'failed', seconds());
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
  let server: Server | undefined;
  if (options.metricsPort !== undefined && options.metricsPort !== null) {
    server = await serveMetrics(registry, options.metricsPort);
  }
  const address = server?.address();
  const metricsPort = typeof address === 'object' && address !== null ? address.port : undefined;
  if (metricsPort !== undefined) options.log(`metrics on 127.0.0.1:${metricsPort}/metrics`);
  options.log(
    `render worker ready pid ${process.pid} queue ${options.queue.prefix}:${RENDER_QUEUE_NAME}`,
  );
  return {
    metricsPort,
    close: async () => {
      await worker.close();
      await pool.close();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
  };
};
