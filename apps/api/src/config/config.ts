import { availableParallelism } from 'node:os';
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

/** Where PDFs are drawn (docs/adr, "Rendering off the event loop"). */
export type RenderConfig = {
  /** Render threads in this process (embedded mode); 0 draws on the event loop as before. */
  readonly threads: number;
  /** Keep rendered PDFs in `rendered_documents`, keyed by the SHA-256 of what they are drawn from. */
  readonly cache: boolean;
  /**
   * RENDER_CACHE_MAX_AGE_DAYS: rows of `rendered_documents` older than this are deleted when a
   * render is stored (0: kept until superseded). Absent: 30.
   */
  readonly cacheMaxAgeDays?: number;
  /** How long a request waits for a queued render before answering 503 RENDER.TIMEOUT. */
  readonly waitMs: number;
  /** Tries a queued job gets (a failure or a dead worker counts as one) before RENDER.FAILED. */
  readonly attempts: number;
  /** When set (REDIS_URL), renders go to BullMQ and `scrutineer-api worker` processes draw them. */
  readonly queue?: { readonly redisUrl: string; readonly prefix: string };
};

/** At most `limit` requests per client address in each window of `windowSeconds`; `limit` 0 turns it off. */
export type RateLimit = { readonly limit: number; readonly windowSeconds: number };

export type RateLimits = {
  /** Requests without an Authorization header (RATE_LIMIT_ANONYMOUS, RATE_LIMIT_ANONYMOUS_WINDOW). */
  readonly anonymous: RateLimit;
  /** Bad, unknown or revoked bearer tokens (RATE_LIMIT_TOKEN_FAILURES, RATE_LIMIT_TOKEN_FAILURES_WINDOW). */
  readonly tokenFailures: RateLimit;
};

/** The HTTP server's timeouts (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS). */
export type ServerTimeouts = {
  /** A client must have sent all its request headers within this (then 408 and the socket closes). */
  readonly headersMs: number;
  /** A client must have sent its whole request, body included, within this. */
  readonly requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveMs: number;
};

/** Who may read `/api/metrics`: admin tokens only (the default), anyone, or nobody (404). */
export type MetricsMode = 'admin' | 'open' | 'off';
export const METRICS_MODES: readonly MetricsMode[] = ['admin', 'open', 'off'];

/** Express's `trust proxy`: false, a number of proxy hops, or the proxies' addresses/subnets. */
export type TrustProxy = false | number | string;

export type AppConfig = {
  readonly port: number;
  /** The address to listen on (HOST; default 127.0.0.1, containers set 0.0.0.0). */
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  readonly trustProxy: TrustProxy;
  readonly rateLimits: RateLimits;
  readonly timeouts: ServerTimeouts;
  /** Redis (REDIS_URL), where the rate limits are counted when set; null: in memory. */
  readonly redisUrl: string | null;
  /** METRICS (default `admin`). */
  readonly metrics: MetricsMode;
  /** METRICS_PORT: also serve the metrics, to anyone who reaches it, on 127.0.0.1 at this port. */
  readonly metricsPort: number | null;
  /** ATTACHMENT_MAX_BYTES: the largest attached file; absent, 50 MB. */
  readonly attachmentMaxBytes?: number;
  /** Absent: the embedded default (render threads, cache on, no queue), whatever the environment says. */
  readonly render?: RenderConfig;
  /** PUBLIC_SITE_URL: the public site the calendars, feeds and open data link to (no trailing slash). */
  readonly publicSiteUrl?: string;
  /** CORS_ORIGINS: origins whose pages may read anonymous GETs; `['*']` any; `[]` none. */
  readonly corsOrigins?: readonly string[];
};

export const DEFAULT_PUBLIC_SITE_URL = 'http://127.0.0.1:3001';
export const DEFAULT_CORS_ORIGINS: readonly string[] = ['*'];

/** PUBLIC_SITE_URL: an http(s) URL without query or fragment; its trailing slash is dropped. */
export const parsePublicSiteUrl = (value: string | undefined, problems: string[]): string => {
  if (!isSet(value)) return DEFAULT_PUBLIC_SITE_URL;
  const text = value.trim();
  try {
    const url = new URL(text);
    if (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.search === '' &&
      url.hash === ''
    )
      return text.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(
    `PUBLIC_SITE_URL must be an http:// or https:// URL without query or fragment; got ${JSON.stringify(value)}`,
  );
  return DEFAULT_PUBLIC_SITE_URL;
};

/** CORS_ORIGINS: `*` (the default), `off`, or origins separated by commas (`https://a.example,https://b.example`). */
export const parseCorsOrigins = (
  value: string | undefined,
  problems: string[],
): readonly string[] => {
  if (!isSet(value)) return DEFAULT_CORS_ORIGINS;
  const text = value.trim();
  if (text === '*') return ['*'];
  if (text.toLowerCase() === 'off') return [];
  const origins = text.split(',').map((origin) => origin.trim());
  const bad = origins.filter((origin) => {
    try {
      const url = new URL(origin);
      return (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin;
    } catch {
      return true;
    }
  });
  if (bad.length > 0) {
    problems.push(
      `CORS_ORIGINS must be *, off, or origins like https://site.example separated by commas; these are not: ${bad.map((origin) => JSON.stringify(origin)).join(', ')}`,
    );
    return [];
  }
  return origins;
};

export const DEFAULT_HOST = '127.0.0.1';

export const DEFAULT_RATE_LIMITS: RateLimits = {
  anonymous: { limit: 300, windowSeconds: 60 },
  tokenFailures: { limit: 20, windowSeconds: 300 },
};

/** No rate limits: for tests and benchmarks that are not about them. */
export const NO_RATE_LIMITS: RateLimits = {
  anonymous: { limit: 0, windowSeconds: 60 },
  tokenFailures: { limit: 0, windowSeconds: 60 },
};

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/** One render thread per core the API does not need for itself, at least one. */
export const defaultRenderThreads = (): number => Math.max(1, availableParallelism() - 1);

/** How long a rendered PDF is kept at most, unless RENDER_CACHE_MAX_AGE_DAYS says otherwise. */
export const DEFAULT_RENDER_CACHE_MAX_AGE_DAYS = 30;

export const EMBEDDED_RENDERING = (): RenderConfig => ({
  threads: defaultRenderThreads(),
  cache: true,
  cacheMaxAgeDays: DEFAULT_RENDER_CACHE_MAX_AGE_DAYS,
  waitMs: 60_000,
  attempts: 3,
});

/** REDIS_URL, RENDER_QUEUE_PREFIX, RENDER_THREADS, RENDER_WAIT_MS, RENDER_ATTEMPTS, RENDER_CACHE, RENDER_CACHE_MAX_AGE_DAYS. */
export const loadRenderConfig = (
  env: NodeJS.ProcessEnv,
  problems: string[],
  /** REDIS_URL as loadConfig validated it (null: unset or invalid). */
  redisUrl: string | null,
): RenderConfig => {
  const embedded = EMBEDDED_RENDERING();
  const cacheSetting = (env.RENDER_CACHE ?? 'on').trim().toLowerCase();
  if (!['on', 'off', ''].includes(cacheSetting)) {
    problems.push(`RENDER_CACHE must be on or off; got ${JSON.stringify(env.RENDER_CACHE)}`);
  }
  const prefix = env.RENDER_QUEUE_PREFIX?.trim() || 'scrutineer';
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(prefix)) {
    problems.push(
      `RENDER_QUEUE_PREFIX must be 1 to 50 letters, digits, - or _; got ${JSON.stringify(env.RENDER_QUEUE_PREFIX)}`,
    );
  }
  return {
    threads: integer(env, 'RENDER_THREADS', embedded.threads, 0, 64, problems),
    cache: cacheSetting !== 'off',
    cacheMaxAgeDays: integer(
      env,
      'RENDER_CACHE_MAX_AGE_DAYS',
      DEFAULT_RENDER_CACHE_MAX_AGE_DAYS,
      0,
      3650,
      problems,
    ),
    waitMs: integer(env, 'RENDER_WAIT_MS', embedded.waitMs, 100, 3_600_000, problems),
    attempts: integer(env, 'RENDER_ATTEMPTS', embedded.attempts, 1, 20, problems),
    ...(redisUrl === null ? {} : { queue: { redisUrl, prefix } }),
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

/**
 * A whole configuration from the defaults and the given fields, for code that builds the app
 * without the environment (tests, benchmarks).
 */
export const configWith = (
  fields: Pick<AppConfig, 'database'> & Partial<AppConfig>,
): AppConfig => ({
  port: 0,
  host: DEFAULT_HOST,
  logLevel: 'info',
  trustProxy: false,
  rateLimits: DEFAULT_RATE_LIMITS,
  timeouts: DEFAULT_TIMEOUTS,
  redisUrl: null,
  metrics: 'admin',
  metricsPort: null,
  ...fields,
});

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

const isSet = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

/** An integer from `min` to `max` read from `env[name]`, else `fallback`; a problem is pushed when it is not one. */
const integer = (
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number => {
  const value = env[name];
  if (!isSet(value)) return fallback;
  const parsed = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(value)}`);
    return fallback;
  }
  return parsed;
};

const parseTrustProxy = (value: string | undefined, problems: string[]): TrustProxy => {
  if (!isSet(value) || /^(false|0|no|off)$/i.test(value.trim())) return false;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // `true` would believe any X-Forwarded-For, so any client could pick its own address and
  // dodge the per-address rate limits: name the hops or the proxies instead.
  if (/^(true|yes|on)$/i.test(text)) {
    problems.push(
      'TRUST_PROXY must be a number of proxy hops (e.g. 1) or the proxies\' addresses (e.g. loopback,10.0.0.0/8), not "true"',
    );
    return false;
  }
  return text;
};

/**
 * Reads and validates the environment: PORT, HOST, DATABASE_URL, DATABASE_CONNECT_TIMEOUT_MS,
 * LOG_LEVEL, TRUST_PROXY, the rate limits (RATE_LIMIT_*, REDIS_URL), the server's timeouts
 * (*_TIMEOUT_MS), who reads the metrics (METRICS, METRICS_PORT) and where PDFs are drawn (RENDER_*,
 * REDIS_URL). README's configuration section
 * lists each with its default.
 */
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
  const connectTimeoutMs = integer(
    env,
    'DATABASE_CONNECT_TIMEOUT_MS',
    DEFAULT_CONNECT_TIMEOUT_MS,
    1,
    600_000,
    problems,
  );
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    problems.push(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}`,
    );
  }
  const host = isSet(env.HOST) ? env.HOST.trim() : DEFAULT_HOST;
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const day = 86_400;
  const rateLimits: RateLimits = {
    anonymous: {
      limit: integer(
        env,
        'RATE_LIMIT_ANONYMOUS',
        DEFAULT_RATE_LIMITS.anonymous.limit,
        0,
        1e9,
        problems,
      ),
      windowSeconds: integer(
        env,
        'RATE_LIMIT_ANONYMOUS_WINDOW',
        DEFAULT_RATE_LIMITS.anonymous.windowSeconds,
        1,
        day,
        problems,
      ),
    },
    tokenFailures: {
      limit: integer(
        env,
        'RATE_LIMIT_TOKEN_FAILURES',
        DEFAULT_RATE_LIMITS.tokenFailures.limit,
        0,
        1e9,
        problems,
      ),
      windowSeconds: integer(
        env,
        'RATE_LIMIT_TOKEN_FAILURES_WINDOW',
        DEFAULT_RATE_LIMITS.tokenFailures.windowSeconds,
        1,
        day,
        problems,
      ),
    },
  };
  const hour = 3_600_000;
  const timeouts: ServerTimeouts = {
    headersMs: integer(env, 'HEADERS_TIMEOUT_MS', DEFAULT_TIMEOUTS.headersMs, 100, hour, problems),
    requestMs: integer(env, 'REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs, 100, hour, problems),
    keepAliveMs: integer(
      env,
      'KEEP_ALIVE_TIMEOUT_MS',
      DEFAULT_TIMEOUTS.keepAliveMs,
      100,
      hour,
      problems,
    ),
  };
  if (timeouts.headersMs > timeouts.requestMs) {
    problems.push(
      `HEADERS_TIMEOUT_MS (${timeouts.headersMs}) must not be more than REQUEST_TIMEOUT_MS (${timeouts.requestMs})`,
    );
  }
  let redisUrl: string | null = null;
  if (isSet(env.REDIS_URL)) {
    const text = env.REDIS_URL.trim();
    let valid = /^rediss?:\/\//.test(text);
    try {
      new URL(text);
    } catch {
      valid = false;
    }
    if (valid) redisUrl = text;
    else
      problems.push(
        `REDIS_URL must be a redis:// or rediss:// URL; got ${JSON.stringify(env.REDIS_URL)}`,
      );
  }
  const metrics = (isSet(env.METRICS) ? env.METRICS : 'admin').trim().toLowerCase();
  if (!METRICS_MODES.includes(metrics as MetricsMode)) {
    problems.push(
      `METRICS must be one of ${METRICS_MODES.join(', ')}; got ${JSON.stringify(env.METRICS)}`,
    );
  }
  const metricsPort = isSet(env.METRICS_PORT)
    ? integer(env, 'METRICS_PORT', 0, 0, 65535, problems)
    : null;
  const render = loadRenderConfig(env, problems, redisUrl);
  const attachmentMaxBytes = integer(
    env,
    'ATTACHMENT_MAX_BYTES',
    50 * 1024 * 1024,
    1024,
    1024 * 1024 * 1024,
    problems,
  );
  const publicSiteUrl = parsePublicSiteUrl(env.PUBLIC_SITE_URL, problems);
  const corsOrigins = parseCorsOrigins(env.CORS_ORIGINS, problems);
  if (problems.length > 0 || typeof database === 'string') throw new ConfigError(problems);
  return {
    port,
    host,
    database: database.kind === 'postgres' ? { ...database, connectTimeoutMs } : database,
    logLevel: level as LogLevel,
    trustProxy,
    rateLimits,
    timeouts,
    redisUrl,
    metrics: metrics as MetricsMode,
    metricsPort,
    attachmentMaxBytes,
    render,
    publicSiteUrl,
    corsOrigins,
  };
};
