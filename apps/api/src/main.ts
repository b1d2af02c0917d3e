import { ConfigError, loadConfig } from './config/config.js';
import { createApp, listen } from './app.factory.js';
import { ensureDatabaseFolder } from './database/data-source.js';
import { describeDatabaseError, isDatabaseUnavailable } from './database/database-errors.js';

const main = async (): Promise<void> => {
  const config = loadConfig();
  // Before Nest, whose module factory would report a folder it cannot make with a stack trace.
  ensureDatabaseFolder(config.database);
  const app = await createApp(config);
  const url = await listen(app, config);
  const where =
    config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  process.stdout.write(
    `Scrutineer API on ${url}/api/v1 (docs ${url}/api/docs), database ${where}` +
      (config.host === '127.0.0.1'
        ? ' (loopback only: set HOST=0.0.0.0 to listen on every interface)'
        : '') +
      '\n',
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
