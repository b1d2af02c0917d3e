import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { TimestampsSubscriber } from '../common/versioned-row.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, type DatabaseConfig } from '../config/config.js';
import { entities } from './entities.js';
import { makeDirectories } from './make-directories.js';
import { migrations } from './migrations/index.js';

/** TypeORM options for either database. Never `synchronize`: the schema comes from migrations only. */
export const dataSourceOptions = (database: DatabaseConfig): DataSourceOptions => {
  const common = {
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
  } as const;
  const subscribers = [TimestampsSubscriber];
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
  if (database.path !== ':memory:') makeDirectories(dirname(database.path));
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

export const openDataSource = async (database: DatabaseConfig): Promise<DataSource> =>
  new DataSource(dataSourceOptions(database)).initialize();
