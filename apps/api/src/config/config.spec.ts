import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, defaultRenderThreads, loadConfig } from './config.js';

describe(loadConfig.name, () => {
  it('defaults to port 3000 on 127.0.0.1, info logs, SQLite under ./data, limits on, no proxy', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      metrics: 'admin',
      database: { kind: 'sqlite', path: resolve('./data/scrutineer.sqlite') },
      trustProxy: false,
      rateLimits: {
        anonymous: { limit: 300, windowSeconds: 60 },
        tokenFailures: { limit: 20, windowSeconds: 300 },
      },
      timeouts: { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 },
      redisUrl: null,
      metricsPort: null,
      attachmentMaxBytes: 50 * 1024 * 1024,
      render: {
        threads: defaultRenderThreads(),
        cache: true,
        cacheMaxAgeDays: 30,
        waitMs: 60_000,
        attempts: 3,
      },
      publicSiteUrl: 'http://127.0.0.1:3001',
      corsOrigins: ['*'],
    });
  });

  it('reads ATTACHMENT_MAX_BYTES and refuses one out of range', () => {
    expect(loadConfig({ ATTACHMENT_MAX_BYTES: '1048576' }).attachmentMaxBytes).toBe(1_048_576);
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: '10' })).toThrow(/ATTACHMENT_MAX_BYTES/);
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: 'lots' })).toThrow(/ATTACHMENT_MAX_BYTES/);
  });

  it('reads PUBLIC_SITE_URL and CORS_ORIGINS, and names what is wrong with them', () => {
    const config = loadConfig({
      PUBLIC_SITE_URL: 'https://democracy.example.gov.uk/',
      CORS_ORIGINS: 'https://a.example, http://127.0.0.1:3001',
    });
    expect(config.publicSiteUrl).toBe('https://democracy.example.gov.uk');
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://127.0.0.1:3001']);
    expect(loadConfig({ CORS_ORIGINS: 'off' }).corsOrigins).toEqual([]);
    let error: unknown;
    try {
      loadConfig({ PUBLIC_SITE_URL: 'ftp://x', CORS_ORIGINS: 'https://a.example/path' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toContain('PUBLIC_SITE_URL');
    expect(String((error as Error).message)).toContain('"https://a.example/path"');
  });

  it('reads HOST, TRUST_PROXY, the rate limits and the timeouts', () => {
    const sut = loadConfig({
      HOST: '0.0.0.0',
      TRUST_PROXY: '1',
      RATE_LIMIT_ANONYMOUS: '0',
      RATE_LIMIT_ANONYMOUS_WINDOW: '10',
      RATE_LIMIT_TOKEN_FAILURES: '5',
      RATE_LIMIT_TOKEN_FAILURES_WINDOW: '900',
      HEADERS_TIMEOUT_MS: '2000',
      REQUEST_TIMEOUT_MS: '4000',
      KEEP_ALIVE_TIMEOUT_MS: '65000',
    });
    expect(sut.host).toBe('0.0.0.0');
    expect(sut.trustProxy).toBe(1);
    expect(sut.rateLimits).toEqual({
      anonymous: { limit: 0, windowSeconds: 10 },
      tokenFailures: { limit: 5, windowSeconds: 900 },
    });
    expect(sut.timeouts).toEqual({ headersMs: 2000, requestMs: 4000, keepAliveMs: 65000 });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe(
      'redis://127.0.0.1:6379/0',
    );
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL must be a redis:\/\//);
  });

  it('refuses TRUST_PROXY=true, bad numbers and a headers timeout above the request timeout', () => {
    let sut: unknown;
    try {
      loadConfig({
        TRUST_PROXY: 'true',
        RATE_LIMIT_ANONYMOUS: '-1',
        RATE_LIMIT_TOKEN_FAILURES_WINDOW: '0',
        KEEP_ALIVE_TIMEOUT_MS: '1.5',
        HEADERS_TIMEOUT_MS: '60000',
        REQUEST_TIMEOUT_MS: '30000',
      });
    } catch (error) {
      sut = error;
    }
    expect(sut).toBeInstanceOf(ConfigError);
    const text = (sut as ConfigError).problems.join('\n');
    expect((sut as ConfigError).problems).toHaveLength(5);
    expect(text).toMatch(
      /TRUST_PROXY[\s\S]*RATE_LIMIT_ANONYMOUS [\s\S]*RATE_LIMIT_TOKEN_FAILURES_WINDOW[\s\S]*KEEP_ALIVE_TIMEOUT_MS[\s\S]*HEADERS_TIMEOUT_MS \(60000\)/,
    );
  });

  it('reads sqlite:<path> and postgres:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({
      kind: 'sqlite',
      path: '/tmp/x.sqlite',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
      connectTimeoutMs: 10_000,
    });
  });

  it('reads the PostgreSQL connect timeout from DATABASE_CONNECT_TIMEOUT_MS', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_CONNECT_TIMEOUT_MS: '2500' })
        .database,
    ).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', connectTimeoutMs: 2500 });
    for (const bad of ['0', '-1', '1.5', 'soon', '600001']) {
      expect(() =>
        loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_CONNECT_TIMEOUT_MS: bad }),
      ).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
    }
  });

  it('names every wrong variable at once', () => {
    let sut: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      sut = error;
    }
    expect(sut).toBeInstanceOf(ConfigError);
    const problems = (sut as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/);
  });

  it('reads REDIS_URL, METRICS and METRICS_PORT', () => {
    expect(
      loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', METRICS: 'Open', METRICS_PORT: '9464' }),
    ).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', metrics: 'open', metricsPort: 9464 });
    let sut: unknown;
    try {
      loadConfig({ REDIS_URL: 'http://x', METRICS: 'public', METRICS_PORT: '-1' });
    } catch (error) {
      sut = error;
    }
    const problems = (sut as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/REDIS_URL[\s\S]*METRICS must[\s\S]*METRICS_PORT/);
  });
});

describe('the render settings', () => {
  it('renders on the queue only when REDIS_URL is set, with the render settings', () => {
    expect(loadConfig({}).render?.queue).toBeUndefined();
    expect(
      loadConfig({
        REDIS_URL: 'redis://127.0.0.1:6379',
        RENDER_QUEUE_PREFIX: 'test-1',
        RENDER_THREADS: '0',
        RENDER_WAIT_MS: '2500',
        RENDER_ATTEMPTS: '2',
        RENDER_CACHE: 'off',
        RENDER_CACHE_MAX_AGE_DAYS: '0',
      }).render,
    ).toEqual({
      threads: 0,
      cache: false,
      cacheMaxAgeDays: 0,
      waitMs: 2500,
      attempts: 2,
      queue: { redisUrl: 'redis://127.0.0.1:6379', prefix: 'test-1' },
    });
  });

  it('keeps rendered PDFs 30 days unless RENDER_CACHE_MAX_AGE_DAYS says otherwise', () => {
    expect(loadConfig({}).render?.cacheMaxAgeDays).toBe(30);
    expect(loadConfig({ RENDER_CACHE_MAX_AGE_DAYS: '7' }).render?.cacheMaxAgeDays).toBe(7);
  });

  it('names every wrong render setting', () => {
    let sut: unknown;
    try {
      loadConfig({
        RENDER_QUEUE_PREFIX: 'a b',
        RENDER_THREADS: '-1',
        RENDER_WAIT_MS: 'soon',
        RENDER_ATTEMPTS: '0',
        RENDER_CACHE: 'maybe',
        RENDER_CACHE_MAX_AGE_DAYS: '-3',
      });
    } catch (error) {
      sut = error;
    }
    expect(sut).toBeInstanceOf(ConfigError);
    const problems = (sut as ConfigError).problems.join('\n');
    for (const name of [
      'RENDER_QUEUE_PREFIX',
      'RENDER_THREADS',
      'RENDER_WAIT_MS',
      'RENDER_ATTEMPTS',
      'RENDER_CACHE',
      'RENDER_CACHE_MAX_AGE_DAYS',
    ]) {
      expect(problems).toContain(name);
    }
  });
});
