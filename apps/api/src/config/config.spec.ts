import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, defaultRenderThreads, loadConfig } from './config.js';

describe(loadConfig.name, () => {
  it('defaults to port 3000, info logs and SQLite under ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      logLevel: 'info',
      database: { kind: 'sqlite', path: resolve('./data/scrutineer.sqlite') },
      render: { threads: defaultRenderThreads(), cache: true, waitMs: 60_000, attempts: 3 },
    });
  });

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
      }).render,
    ).toEqual({
      threads: 0,
      cache: false,
      waitMs: 2500,
      attempts: 2,
      queue: { redisUrl: 'redis://127.0.0.1:6379', prefix: 'test-1' },
    });
  });

  it('names every wrong render setting', () => {
    let sut: unknown;
    try {
      loadConfig({
        REDIS_URL: 'http://x',
        RENDER_QUEUE_PREFIX: 'a b',
        RENDER_THREADS: '-1',
        RENDER_WAIT_MS: 'soon',
        RENDER_ATTEMPTS: '0',
        RENDER_CACHE: 'maybe',
      });
    } catch (error) {
      sut = error;
    }
    expect(sut).toBeInstanceOf(ConfigError);
    expect((sut as ConfigError).problems.join('\n')).toMatch(
      /RENDER_CACHE[\s\S]*REDIS_URL[\s\S]*RENDER_QUEUE_PREFIX[\s\S]*RENDER_THREADS[\s\S]*RENDER_WAIT_MS[\s\S]*RENDER_ATTEMPTS/,
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
    });
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
});
