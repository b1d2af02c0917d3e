import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The installed `scrutineer-api` command: it runs the built CLI (dist/cli/main.js). */
export const ADMIN_BIN = join(packageRoot, 'bin', 'scrutineer-api.js');
/** The built server, as `npm start` runs it. */
export const SERVER_MAIN = join(packageRoot, 'dist', 'main.js');
/** turbo builds the package before its tests; run `npm run build -w @scrutineer/api` when calling jest by hand. */
export const adminCliIsBuilt = (): boolean =>
  existsSync(join(packageRoot, 'dist', 'cli', 'main.js'));

export type AdminRun = {
  /** The exit code; null when the process was killed (e.g. because it ran past `timeoutMs`). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
};

/**
 * Runs `scrutineer-api ARGS…` (or another built `script`) in a child process with `env` over this one's (DATABASE_URL
 * included, or removed with `undefined`). A run that takes longer than `timeoutMs` is killed
 * and reported as `timedOut`, so a CLI that hangs fails the test instead of hanging the suite.
 */
export const runAdminCli = (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs = 60_000,
  script = ADMIN_BIN,
): Promise<AdminRun> =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
    const child = spawn(process.execPath, [script, ...args], { env: childEnv });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr, elapsedMs: Date.now() - started });
    });
  });
