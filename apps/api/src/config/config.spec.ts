import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe(loadConfig.name, () => {
  it('defaults to port 3000, info logs and SQLite under ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      logLevel: 'info',
      metrics: 'admin',
      database: { kind: 'sqlite', path: resolve('./data/scrutineer.sqlite') },
    });
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
    expect(problems.join('\n')).toMatch(/METRICS_PORT[\s\S]*METRICS must[\s\S]*REDIS_URL/);
  });
});
