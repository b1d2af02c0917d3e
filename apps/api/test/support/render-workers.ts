import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/scrutineer-api.js', import.meta.url));

/** The Redis the queue suites use: TEST_REDIS_URL (.ci/run sets it), else they are skipped by name. */
export const testRedisUrl = (): string | undefined => process.env.TEST_REDIS_URL || undefined;

/** A queue prefix no other suite or run shares. */
export const freshQueuePrefix = (): string =>
  `test-${Date.now()}-${randomBytes(3).toString('hex')}`;

export type WorkerProcess = {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Every line the worker logged. */
  readonly lines: string[];
  /** Resolves with the first line matching `pattern` (already logged or still to come). */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  readonly stop: () => Promise<void>;
};

/** Starts `scrutineer-api worker` (the built CLI) as a child process and waits until it is ready. */
export const startWorkerProcess = async (
  redisUrl: string,
  prefix: string,
  env: Record<string, string> = {},
): Promise<WorkerProcess> => {
  const child = spawn(process.execPath, [CLI, 'worker'], {
    env: { ...process.env, REDIS_URL: redisUrl, RENDER_QUEUE_PREFIX: prefix, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const waitFor = (pattern: RegExp, timeoutMs = 20_000): Promise<string> => {
    const seen = lines.find((line) => pattern.test(line));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `worker ${child.pid} logged no ${pattern} in ${timeoutMs} ms:\n${lines.join('\n')}`,
            ),
          ),
        timeoutMs,
      );
      waiters.push({
        pattern,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(/render worker ready/);
  return {
    child,
    pid: child.pid as number,
    lines,
    waitFor,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};
