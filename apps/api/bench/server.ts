import { API_BENCH_PRESET, buildSyntheticCouncil } from '@scrutineer/sample-council/synthetic';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import {
  configWith,
  type DatabaseConfig,
  type LogLevel,
  NO_RATE_LIMITS,
} from '../src/config/config.js';
import { featureModules } from '../src/feature-modules.js';
import { createToken } from '../src/tokens/tokens.js';
import { BareModule } from './bare.module.js';

/*
 * The API under test, in its own process so autocannon (in the parent) does not share its event
 * loop. Builds the app with the bare route added, migrates and loads the generated council,
 * listens on loopback and tells the parent its port, an officer token and a meeting id.
 */

export type ServerReady = {
  readonly kind: 'ready';
  readonly port: number;
  readonly officerToken: string;
  readonly seedSeconds: number;
  readonly counts: Readonly<Record<string, number>>;
};

const database = (): DatabaseConfig => {
  const url = process.env.BENCH_DATABASE_URL ?? '';
  if (url.startsWith('postgres')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: url.slice('sqlite:'.length) };
  throw new Error(
    `BENCH_DATABASE_URL must be sqlite:<path> or postgres://…; got ${JSON.stringify(url)}`,
  );
};

const main = async (): Promise<void> => {
  const { dataset } = buildSyntheticCouncil(API_BENCH_PRESET);
  featureModules.push(BareModule);
  const started = process.hrtime.bigint();
  const app = await createApp(
    configWith({
      database: database(),
      logLevel: (process.env.BENCH_LOG_LEVEL ?? 'info') as LogLevel,
      // The benchmark's load comes from one address; it measures throughput, not the limits.
      rateLimits: NO_RATE_LIMITS,
    }),
    { dataset: async () => dataset },
  );
  const seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Planner statistics for the tables just loaded, as autovacuum gathers them within a minute or
  // so of a bulk load: without them PostgreSQL guesses, and the search was read by a wrong index.
  const dataSource = app.get(DataSource);
  if (dataSource.options.type === 'postgres') await dataSource.query('ANALYZE');
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const { token } = await createToken(app.get(DataSource).manager, {
    role: 'officer',
    name: 'bench officer',
    portfolioCodes: dataset.portfolios.map((p) => p.code),
  });
  const ready: ServerReady = {
    kind: 'ready',
    port: address.port,
    officerToken: token,
    seedSeconds,
    counts: {
      portfolios: dataset.portfolios.length,
      measures: dataset.measures.length,
      agreements: dataset.agreements.length,
      results: dataset.results.length,
      performanceReports: dataset.performanceReports.length,
      meetings: dataset.meetings.length,
      agendaItems: dataset.meetings.reduce((n, m) => n + m.agendaItems.length, 0),
    },
  };
  process.send?.(ready);
  // An orderly exit on SIGTERM, so --cpu-prof (BENCH_SERVER_NODE_ARGS) writes its profile.
  process.once('SIGTERM', () => process.exit(0));
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
