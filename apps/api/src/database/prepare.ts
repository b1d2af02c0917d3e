import type { CouncilDataset } from '@scrutineer/domain';
import type { DataSource } from 'typeorm';
import { seeders } from './seeders.js';

const SAMPLE_COUNCIL_PACKAGE = '@scrutineer/sample-council';

/** The sample council shipped with the product (packages/sample-council). */
export const loadSampleCouncil = async (): Promise<CouncilDataset> => {
  const module = (await import(SAMPLE_COUNCIL_PACKAGE)) as {
    loadSampleCouncil: () => CouncilDataset;
  };
  return module.loadSampleCouncil();
};

const hasRunMigrations = async (dataSource: DataSource): Promise<boolean> => {
  const queryRunner = dataSource.createQueryRunner();
  try {
    if (!(await queryRunner.hasTable('migrations'))) return false;
    const rows: unknown[] = await queryRunner.query('SELECT 1 FROM migrations');
    return rows.length > 0;
  } finally {
    await queryRunner.release();
  }
};

/** Runs every seeder in one transaction: the data set lands whole or not at all. */
export const seedDatabase = async (
  dataSource: DataSource,
  dataset: CouncilDataset,
): Promise<void> => {
  if (seeders.length === 0) return;
  await dataSource.transaction(async (manager) => {
    for (const seed of seeders) await seed(manager, dataset);
  });
};

export type PrepareResult = { readonly isNew: boolean; readonly migrationsRun: readonly string[] };

/**
 * Brings a database up to date. A database that has never been migrated is new: it is
 * migrated and then loaded with the given data set (by default the sample council).
 */
export const prepareDatabase = async (
  dataSource: DataSource,
  options: { readonly seedIfNew: boolean; readonly dataset?: () => Promise<CouncilDataset> } = {
    seedIfNew: true,
  },
): Promise<PrepareResult> => {
  const isNew = !(await hasRunMigrations(dataSource));
  const run = await dataSource.runMigrations({ transaction: 'all' });
  if (isNew && options.seedIfNew) {
    if (seeders.length > 0)
      await seedDatabase(dataSource, await (options.dataset ?? loadSampleCouncil)());
  }
  return { isNew, migrationsRun: run.map((m) => m.name) };
};
