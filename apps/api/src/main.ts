import { ConfigError, loadConfig } from './config/config.js';
import { createApp, listen } from './app.factory.js';

const main = async (): Promise<void> => {
  const config = loadConfig();
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

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exit(1);
});
