import { ConfigError, loadConfig } from './config/config.js';
import { createApp } from './app.factory.js';
import { describeDatabaseError, isDatabaseUnavailable } from './database/database-errors.js';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  const url = `http://127.0.0.1:${config.port}`;
  const where =
    config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  process.stdout.write(
    `Scrutineer API on ${url}/api/v1 (docs ${url}/api/docs), database ${where}\n`,
  );
};

const describeFailure = (error: unknown): string => {
  if (error instanceof ConfigError) return error.message;
  // The configuration was read before the database was opened, so it reads again here.
  if (isDatabaseUnavailable(error)) return describeDatabaseError(loadConfig().database, error);
  return (error as Error).stack ?? String(error);
};

main().catch((error: unknown) => {
  process.stderr.write(`${describeFailure(error)}\n`);
  process.exit(1);
});
