import { createHash } from 'node:crypto';
import { passagesOf, type CouncilDataset } from '@scrutineer/domain';
import { API_BENCH_PRESET, buildSyntheticCouncil } from '@scrutineer/sample-council/synthetic';
import { DataSource } from 'typeorm';
import { documentToPersistence } from '../src/agenda-items/agenda-item.mapper.js';
import { ItemDocumentEntity } from '../src/agenda-items/item-document.entity.js';
import { DatabaseFileStore } from '../src/files/database-file-store.js';
import { boundedText } from '../src/files/file-texts.js';
import { rebuildSearchIndex } from '../src/search/search-index.js';
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

/** Attached files' text each file holds (BENCH_ATTACHED_FILES), in characters. */
const ATTACHED_TEXT_CHARS = 20_000;

/**
 * BENCH_ATTACHED_FILES=n: an attached PDF on each of the first n agenda items, published (not
 * late), each with ~20,000 characters of the council's own report words as its extracted text,
 * stored as an upload stores them (stored_files + file_texts) and the index rebuilt, so search
 * ranks files' text too. The bytes are a stand-in: the bench never reads a file, and reading
 * text at upload is not what it measures.
 */
const attachFiles = async (dataSource: DataSource, dataset: CouncilDataset, count: number) => {
  if (count <= 0) return;
  const words = passagesOf(dataset.performanceReports.slice(0, 40)).join('\n');
  const items = (await dataSource.query(
    `SELECT "id" FROM "agenda_items" ORDER BY "id" LIMIT ${Math.floor(count)}`,
  )) as { id: string }[];
  const store = new DatabaseFileStore();
  await dataSource.transaction(async (manager) => {
    for (const [index, { id }] of items.entries()) {
      const start = (index * 7_919) % Math.max(1, words.length - ATTACHED_TEXT_CHARS);
      const text = `Appendix ${index + 1}\n${words.slice(start, start + ATTACHED_TEXT_CHARS)}`;
      const bytes = Buffer.from(`%PDF-1.7 bench stand-in ${index}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await store.put(manager, {
        sha256,
        mediaType: 'application/pdf',
        byteLength: bytes.length,
        pageCount: 1,
        checks: null,
        bytes,
        text: boundedText(text),
      });
      await manager.insert(
        ItemDocumentEntity,
        documentToPersistence(
          {
            title: `Appendix ${index + 1}`,
            role: 'appendix',
            exemption: null,
            content: {
              kind: 'file',
              file: {
                sha256,
                mediaType: 'application/pdf',
                byteLength: bytes.length,
                fileName: `appendix-${index + 1}.pdf`,
                pageCount: 1,
              },
            },
          },
          id,
          1_000,
        ),
      );
    }
    await rebuildSearchIndex(manager);
  });
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
  const attachedFiles = Number(process.env.BENCH_ATTACHED_FILES ?? 0);
  await attachFiles(app.get(DataSource), dataset, attachedFiles);
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
      attachedFiles,
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
