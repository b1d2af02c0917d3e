import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe(loadConfig.name, () => {
  it('defaults to port 3000, info logs and SQLite under ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      logLevel: 'info',
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
});
