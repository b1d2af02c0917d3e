import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { openDataSource } from '../database/data-source.js';
import { describeDatabaseError, isDatabaseUnavailable } from '../database/database-errors.js';
import { CliError, EXIT_CODES } from './cli-error.js';

/**
 * Opens the configured database (DATABASE_URL), runs the action, and always closes it. A database
 * that cannot be opened, or stops answering, is a {@link CliError} (`databaseUnavailable`) that
 * says why in plain words.
 */
export const withDataSource = async <T>(
  action: (dataSource: DataSource) => Promise<T>,
): Promise<T> => {
  const database = loadConfig().database;
  let dataSource: DataSource;
  try {
    dataSource = await openDataSource(database);
  } catch (error) {
    throw new CliError(EXIT_CODES.databaseUnavailable, describeDatabaseError(database, error));
  }
  try {
    return await action(dataSource);
  } catch (error) {
    if (isDatabaseUnavailable(error))
      throw new CliError(EXIT_CODES.databaseUnavailable, describeDatabaseError(database, error));
    throw error;
  } finally {
    await dataSource.destroy().catch(() => undefined);
  }
};
