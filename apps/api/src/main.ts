import { ConfigError, loadConfig } from './config/config.js';
import { createApp } from './app.factory.js';

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

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exit(1);
});
