import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Where PDFs are drawn (docs/adr, "Rendering off the event loop"). */
export type RenderConfig = {
  /** Render threads in this process (embedded mode); 0 draws on the event loop as before. */
  readonly threads: number;
  /** Keep rendered PDFs in `rendered_documents`, keyed by the SHA-256 of what they are drawn from. */
  readonly cache: boolean;
  /** How long a request waits for a queued render before answering 503 RENDER.TIMEOUT. */
  readonly waitMs: number;
  /** Tries a queued job gets (a failure or a dead worker counts as one) before RENDER.FAILED. */
  readonly attempts: number;
  /** When set (REDIS_URL), renders go to BullMQ and `scrutineer-api worker` processes draw them. */
  readonly queue?: { readonly redisUrl: string; readonly prefix: string };
};

export type AppConfig = {
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  /** Absent: the embedded default (render threads, cache on, no queue), whatever the environment says. */
  readonly render?: RenderConfig;
};

/** One render thread per core the API does not need for itself, at least one. */
export const defaultRenderThreads = (): number => Math.max(1, availableParallelism() - 1);

export const EMBEDDED_RENDERING = (): RenderConfig => ({
  threads: defaultRenderThreads(),
  cache: true,
  waitMs: 60_000,
  attempts: 3,
});

const integerFrom = (
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return parsed;
};

/** REDIS_URL, RENDER_QUEUE_PREFIX, RENDER_THREADS, RENDER_WAIT_MS, RENDER_ATTEMPTS, RENDER_CACHE. */
export const loadRenderConfig = (env: NodeJS.ProcessEnv, problems: string[]): RenderConfig => {
  const embedded = EMBEDDED_RENDERING();
  const cacheSetting = (env.RENDER_CACHE ?? 'on').trim().toLowerCase();
  if (!['on', 'off', ''].includes(cacheSetting)) {
    problems.push(`RENDER_CACHE must be on or off; got ${JSON.stringify(env.RENDER_CACHE)}`);
  }
  const redisUrl = env.REDIS_URL?.trim() ?? '';
  if (redisUrl !== '' && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push(
      `REDIS_URL must be redis://… or rediss://…; got ${JSON.stringify(env.REDIS_URL)}`,
    );
  }
  const prefix = env.RENDER_QUEUE_PREFIX?.trim() || 'scrutineer';
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(prefix)) {
    problems.push(
      `RENDER_QUEUE_PREFIX must be 1 to 50 letters, digits, - or _; got ${JSON.stringify(env.RENDER_QUEUE_PREFIX)}`,
    );
  }
  return {
    threads: integerFrom(env, 'RENDER_THREADS', embedded.threads, 0, 64, problems),
    cache: cacheSetting !== 'off',
    waitMs: integerFrom(env, 'RENDER_WAIT_MS', embedded.waitMs, 100, 3_600_000, problems),
    attempts: integerFrom(env, 'RENDER_ATTEMPTS', embedded.attempts, 1, 20, problems),
    ...(redisUrl === '' ? {} : { queue: { redisUrl, prefix } }),
  };
};

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** Thrown at start when the environment is wrong; the message names every wrong variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Where the default database lives when DATABASE_URL is unset, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './data/scrutineer.sqlite';

export const parseDatabaseUrl = (value: string | undefined): DatabaseConfig | string => {
  if (value === undefined || value.trim() === '') {
    return { kind: 'sqlite', path: resolve(DEFAULT_SQLITE_PATH) };
  }
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      return 'DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/council.sqlite';
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      return `DATABASE_URL is not a valid postgres:// URL: ${JSON.stringify(value)}`;
    }
    return { kind: 'postgres', url: value };
  }
  return `DATABASE_URL must be unset (SQLite at ${DEFAULT_SQLITE_PATH}), sqlite:<path> or postgres://…; got ${JSON.stringify(value)}`;
};

/** Reads and validates the environment: PORT, DATABASE_URL, LOG_LEVEL and the render settings. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const problems: string[] = [];
  let port = 3000;
  if (env.PORT !== undefined && env.PORT !== '') {
    const parsed = Number(env.PORT);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
      problems.push(`PORT must be an integer from 0 to 65535; got ${JSON.stringify(env.PORT)}`);
    } else {
      port = parsed;
    }
  }
  const database = parseDatabaseUrl(env.DATABASE_URL);
  if (typeof database === 'string') problems.push(database);
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    problems.push(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}`,
    );
  }
  const render = loadRenderConfig(env, problems);
  if (problems.length > 0 || typeof database === 'string') throw new ConfigError(problems);
  return { port, database, logLevel: level as LogLevel, render };
};
