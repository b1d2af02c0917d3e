import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { CouncilDataset } from '@scrutineer/domain';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import type { Role } from '../../src/auth/caller.js';
import {
  type AppConfig,
  configWith,
  type DatabaseConfig,
  EMBEDDED_RENDERING,
  NO_RATE_LIMITS,
  type RenderConfig,
} from '../../src/config/config.js';
import { createToken } from '../../src/tokens/tokens.js';

export type TestDatabaseKind = 'sqlite' | 'postgres';

export type TestApp = {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  /** A supertest agent bound to the app's real HTTP server. */
  readonly http: () => ReturnType<typeof request>;
  /** One token per role; the officer's is scoped to `officerPortfolios`. */
  readonly tokens: Readonly<Record<Role, string>>;
  readonly database: TestDatabaseKind;
  /** DATABASE_URL of the test database, for running the CLI against it. */
  readonly databaseUrl: string;
  readonly close: () => Promise<void>;
};

export type TestAppOptions = {
  /** Portfolios the officer token may write to (default CFSE). */
  readonly officerPortfolios?: readonly string[];
  /** Seed this data set instead of the sample council. */
  readonly dataset?: () => Promise<CouncilDataset>;
  /**
   * Configuration beyond the database. By default the rate limits are off (suites that are not
   * about them send thousands of requests from one address); the rate-limit suite sets low ones.
   */
  readonly config?: Partial<Omit<AppConfig, 'database'>>;
  /**
   * Where PDFs are drawn. Default: the embedded render threads, whatever REDIS_URL says, so only
   * the queue suites (which pass a `queue`) ever need a worker.
   */
  readonly render?: Partial<RenderConfig>;
};

const withDatabaseName = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** A fresh, empty database: a SQLite file in a temp dir, or a uniquely named PostgreSQL database. */
export const freshDatabase = async (
  kind: TestDatabaseKind,
): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> => {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-api-test-'));
    return {
      config: { kind: 'sqlite', path: join(dir, 'test.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (baseUrl === undefined || baseUrl === '') throw new Error('TEST_DATABASE_URL is not set');
  const name = `scrutineer_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    config: { kind: 'postgres', url: withDatabaseName(baseUrl, name) },
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
};

/**
 * Builds the whole app against a fresh database, migrated and seeded (the sample council
 * unless a data set is given), with a token per role. Call `close()` in afterAll.
 */
export const createTestApp = async (
  kind: TestDatabaseKind,
  options: TestAppOptions = {},
): Promise<TestApp> => {
  // Every JSON response is checked against its route's schema (contract/response-check.interceptor.ts).
  process.env.SCRUTINEER_CHECK_RESPONSES ??= '1';
  const database = await freshDatabase(kind);
  let app: INestApplication | undefined;
  try {
    app = await createApp(
      configWith({
        database: database.config,
        logLevel: (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent',
        rateLimits: NO_RATE_LIMITS,
        ...options.config,
        // One thread: the machine is shared, and one is enough to take renders off the loop.
        render: { ...EMBEDDED_RENDERING(), threads: 1, ...options.render },
      }),
      options.dataset ? { dataset: options.dataset } : {},
    );
    await app.init();
    const dataSource = app.get(DataSource);
    const tokens = {} as Record<Role, string>;
    for (const role of ['admin', 'clerk', 'member', 'officer'] as const) {
      const { token } = await createToken(dataSource.manager, {
        role,
        name: `test ${role}`,
        portfolioCodes: role === 'officer' ? (options.officerPortfolios ?? ['CFSE']) : [],
      });
      tokens[role] = token;
    }
    const server = app.getHttpServer();
    const running = app;
    return {
      app,
      dataSource,
      http: () => request(server),
      tokens,
      database: kind,
      databaseUrl:
        database.config.kind === 'sqlite' ? `sqlite:${database.config.path}` : database.config.url,
      close: async () => {
        await running.close();
        await database.drop();
      },
    };
  } catch (error) {
    await app?.close();
    await database.drop();
    throw error;
  }
};

/** The databases the e2e suites run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDatabases = (): TestDatabaseKind[] =>
  process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * Declares the suite once per database. Without TEST_DATABASE_URL the PostgreSQL run is a
 * skipped suite whose name says why, so the skip is visible in every report.
 */
export const describeEachDatabase = (
  title: string,
  body: (kind: TestDatabaseKind) => void,
): void => {
  for (const kind of testDatabases()) describe(`${title} [${kind}]`, () => body(kind));
  if (!process.env.TEST_DATABASE_URL) {
    // The suite's name says so in every report, and CI sets TEST_DATABASE_URL, so the PostgreSQL
    // run is never skipped there. Skipped because no PostgreSQL server was given (TEST_DATABASE_URL unset).
    describe.skip(`${title} [postgres] SKIPPED: set TEST_DATABASE_URL=postgres://… to run it on PostgreSQL`, () => {
      it('runs on PostgreSQL', () => undefined);
    });
  }
};

/** The `Authorization` header for a token. */
export const bearer = (token: string): { Authorization: string } => ({
  Authorization: `Bearer ${token}`,
});
