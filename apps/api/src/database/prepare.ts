import type { CouncilDataset } from '@scrutineer/domain';
import type { DataSource } from 'typeorm';
import { ensureFileConversions } from '../files/file-text-backfill.js';
import { ensureSearchIndex, rebuildSearchIndex } from '../search/search-index.js';
import { seeders } from './seeders.js';

const SAMPLE_COUNCIL_PACKAGE = '@scrutineer/sample-council';

/** The sample council shipped with the product (packages/sample-council). */
export const loadSampleCouncil = async (): Promise<CouncilDataset> => {
  const module = (await import(SAMPLE_COUNCIL_PACKAGE)) as {
    loadSampleCouncil: () => CouncilDataset;
  };
  return module.loadSampleCouncil();
};

/**
 * A database is new when it holds no authority yet, whether or not it has been migrated:
 * `scrutineer-api migrate` or `create-token` on a fresh file must not stop the first
 * start from loading the sample council.
 */
const holdsNoData = async (dataSource: DataSource): Promise<boolean> => {
  const rows: { count: number | string }[] = await dataSource.query(
    'SELECT COUNT(*) AS count FROM authorities',
  );
  return Number(rows[0]?.count ?? 0) === 0;
};

/** Runs every seeder in one transaction: the data set lands whole or not at all. */
export const seedDatabase = async (
  dataSource: DataSource,
  dataset: CouncilDataset,
): Promise<void> => {
  if (seeders.length === 0) return;
  await dataSource.transaction(async (manager) => {
    for (const seed of seeders) await seed(manager, dataset);
    // Derived from every meeting and report just written, in the same transaction.
    await rebuildSearchIndex(manager);
  });
};

export type PrepareResult = { readonly isNew: boolean; readonly migrationsRun: readonly string[] };

/**
 * Brings a database up to date. A database that holds no data yet is new: it is migrated
 * and then loaded with the given data set (by default the sample council).
 */
export const prepareDatabase = async (
  dataSource: DataSource,
  options: { readonly seedIfNew: boolean; readonly dataset?: () => Promise<CouncilDataset> } = {
    seedIfNew: true,
  },
): Promise<PrepareResult> => {
  const run = await dataSource.runMigrations({ transaction: 'all' });
  const isNew = await holdsNoData(dataSource);
  if (isNew && options.seedIfNew) {
    if (seeders.length > 0)
      await seedDatabase(dataSource, await (options.dataset ?? loadSampleCouncil)());
  }
  // Word documents stored before conversions were, or converted by an older converter, are
  // converted (files/file-text-backfill.ts).
  await ensureFileConversions(dataSource);
  // A database migrated by older code, or whose index was built by an older rule, is reindexed.
  await ensureSearchIndex(dataSource);
  return { isNew, migrationsRun: run.map((m) => m.name) };
};
