import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { TimestampsSubscriber } from '../common/versioned-row.js';
import { DataGenerationsSubscriber } from './data-generations.js';
import { MeetingReadGenerationSubscriber } from './meeting-read-generation.js';
import { SearchGenerationSubscriber } from '../meetings/meeting-search-generation.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, type DatabaseConfig } from '../config/config.js';
import { entities } from './entities.js';
import { makeDirectories } from './make-directories.js';
import { migrations } from './migrations/index.js';
import { serialiseTransactions } from './serialised-transactions.js';

/**
 * Creates the SQLite file's folder if it is missing (nothing for PostgreSQL or `:memory:`); a
 * folder that cannot be made is a DirectoryError naming it.
 */
export const ensureDatabaseFolder = (database: DatabaseConfig): void => {
  if (database.kind === 'sqlite' && database.path !== ':memory:')
    makeDirectories(dirname(database.path));
};

/** TypeORM options for either database. Never `synchronize`: the schema comes from migrations only. */
export const dataSourceOptions = (database: DatabaseConfig): DataSourceOptions => {
  const common = {
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
  } as const;
  const subscribers = [
    TimestampsSubscriber,
    DataGenerationsSubscriber,
    SearchGenerationSubscriber,
    MeetingReadGenerationSubscriber,
  ];
  if (database.kind === 'postgres') {
    return {
      ...common,
      subscribers,
      type: 'postgres',
      url: database.url,
      poolSize: 10,
      // An unreachable server (a firewall that drops packets, a host that never answers) fails
      // after this long instead of hanging the CLI or the start.
      connectTimeoutMS: database.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    };
  }
  ensureDatabaseFolder(database);
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
