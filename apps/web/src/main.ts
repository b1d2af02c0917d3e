import type { AddressInfo } from 'node:net';
import { loadWebConfig, WebConfigError } from './config.js';
import { createWebServer } from './server.js';

try {
  const config = loadWebConfig();
  const { server } = createWebServer(config.apiUrl);
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const reach = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
    const url = `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}/`;
    process.stdout.write(
      `Scrutineer public site on ${url} (reading the API at ${config.apiUrl})\n`,
    );
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => server.close(() => process.exit(0)));
} catch (error) {
  process.stderr.write(
    `${error instanceof WebConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
}
