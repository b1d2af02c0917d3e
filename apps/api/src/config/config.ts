import { resolve } from 'node:path';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** How long opening a connection may take before it fails (default {@link DEFAULT_CONNECT_TIMEOUT_MS}). */
      readonly connectTimeoutMs?: number;
    };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type AppConfig = {
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
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

/** How long a PostgreSQL connection may take to open before it fails, unless DATABASE_CONNECT_TIMEOUT_MS says otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

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

/** Reads and validates the environment: PORT, DATABASE_URL, DATABASE_CONNECT_TIMEOUT_MS, LOG_LEVEL. */
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
  let connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  const timeout = env.DATABASE_CONNECT_TIMEOUT_MS;
  if (timeout !== undefined && timeout !== '') {
    const parsed = Number(timeout);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 600_000) {
      problems.push(
        `DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000; got ${JSON.stringify(timeout)}`,
      );
    } else {
      connectTimeoutMs = parsed;
    }
  }
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    problems.push(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}`,
    );
  }
  if (problems.length > 0 || typeof database === 'string') throw new ConfigError(problems);
  return {
    port,
    database: database.kind === 'postgres' ? { ...database, connectTimeoutMs } : database,
    logLevel: level as LogLevel,
  };
};
