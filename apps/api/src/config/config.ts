import { resolve } from 'node:path';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Who may read `/api/metrics`: admin tokens only (the default), anyone, or nobody (404). */
export type MetricsMode = 'admin' | 'open' | 'off';
export const METRICS_MODES: readonly MetricsMode[] = ['admin', 'open', 'off'];

export type AppConfig = {
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  /** REDIS_URL: when set, readiness checks that Redis answers. */
  readonly redisUrl?: string;
  /** METRICS (default `admin`). */
  readonly metrics?: MetricsMode;
  /** METRICS_PORT: also serve the metrics, to anyone who reaches it, on 127.0.0.1 at this port. */
  readonly metricsPort?: number;
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

const parsePort = (
  name: string,
  value: string | undefined,
  problems: string[],
): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    problems.push(`${name} must be an integer from 0 to 65535; got ${JSON.stringify(value)}`);
    return undefined;
  }
  return parsed;
};

/**
 * Reads and validates the environment: PORT, DATABASE_URL, LOG_LEVEL, REDIS_URL, METRICS,
 * METRICS_PORT.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const problems: string[] = [];
  const port = parsePort('PORT', env.PORT, problems) ?? 3000;
  const metricsPort = parsePort('METRICS_PORT', env.METRICS_PORT, problems);
  const metrics = (env.METRICS === undefined || env.METRICS === '' ? 'admin' : env.METRICS)
    .trim()
    .toLowerCase();
  if (!METRICS_MODES.includes(metrics as MetricsMode)) {
    problems.push(
      `METRICS must be one of ${METRICS_MODES.join(', ')}; got ${JSON.stringify(env.METRICS)}`,
    );
  }
  const redisUrl =
    env.REDIS_URL === undefined || env.REDIS_URL.trim() === '' ? undefined : env.REDIS_URL;
  if (redisUrl !== undefined) {
    let valid = false;
    try {
      valid = /^rediss?:$/.test(new URL(redisUrl).protocol);
    } catch {
      valid = false;
    }
    if (!valid)
      problems.push(
        `REDIS_URL must be a redis:// or rediss:// URL; got ${JSON.stringify(redisUrl)}`,
      );
  }
  const database = parseDatabaseUrl(env.DATABASE_URL);
  if (typeof database === 'string') problems.push(database);
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    problems.push(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}`,
    );
  }
  if (problems.length > 0 || typeof database === 'string') throw new ConfigError(problems);
  return {
    port,
    database,
    logLevel: level as LogLevel,
    metrics: metrics as MetricsMode,
    ...(redisUrl !== undefined ? { redisUrl } : {}),
    ...(metricsPort !== undefined ? { metricsPort } : {}),
  };
};
