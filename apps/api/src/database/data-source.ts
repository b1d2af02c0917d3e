import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { TimestampsSubscriber } from '../common/versioned-row.js';
import { ResultsCacheSubscriber } from '../performance/results-cache.js';
import type { DatabaseConfig } from '../config/config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { serialiseTransactions } from './serialised-transactions.js';

/** TypeORM options for either database. Never `synchronize`: the schema comes from migrations only. */
export const dataSourceOptions = (database: DatabaseConfig): DataSourceOptions => {
  const common = {
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
  } as const;
  const subscribers = [TimestampsSubscriber, ResultsCacheSubscriber];
  if (database.kind === 'postgres') {
    return { ...common, subscribers, type: 'postgres', url: database.url, poolSize: 10 };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    subscribers,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
};

/** Opens a data source; on SQLite its transactions run one at a time (serialised-transactions.ts). */
export const initializeDataSource = async (options: DataSourceOptions): Promise<DataSource> =>
  serialiseTransactions(await new DataSource(options).initialize());

export const openDataSource = (database: DatabaseConfig): Promise<DataSource> =>
  initializeDataSource(dataSourceOptions(database));
