import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { openDataSource } from '../database/data-source.js';

/** Opens the configured database (DATABASE_URL), runs the action, and always closes it. */
export const withDataSource = async <T>(
  action: (dataSource: DataSource) => Promise<T>,
): Promise<T> => {
  const dataSource = await openDataSource(loadConfig().database);
  try {
    return await action(dataSource);
  } finally {
    await dataSource.destroy();
  }
};
