// `npm start`, after the build: writes the sample council's documents to ./out, then
// serves the API (SQLite at ./data/scrutineer.sqlite unless DATABASE_URL says otherwise;
// a new database is migrated and loaded with the sample council) and the public site beside it
// (apps/web on WEB_PORT, default 3001, reading that API), and prints their URLs.
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiNodeFlags } from '../apps/api/bin/node-flags.mjs';

const port = process.env.PORT ?? '3000';
// The API listens on HOST (default 127.0.0.1); on every interface, loopback reaches it too.
const host = (process.env.HOST ?? '').trim() || '127.0.0.1';
const reach = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
const base = `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;

const sample = spawnSync(
  process.execPath,
  ['apps/reporter/bin/scrutineer-pack.js', 'sample', '--out-dir', 'out'],
  { stdio: 'inherit' },
);
if (sample.status !== 0) {
  console.error('Writing the sample documents failed (see above); starting the API anyway.');
}

// With the API's V8 flags (apps/api/bin/node-flags.mjs: a capped heap, what the soak measured).
const api = spawn(process.execPath, [...apiNodeFlags(), 'apps/api/dist/main.js'], {
  stdio: 'inherit',
  // Request logs at info would bury the URLs below; operators set LOG_LEVEL as they need.
  env: { ...process.env, PORT: port, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
});
// The public site reads the API over HTTP like any anonymous client (API_URL to point it elsewhere).
const webPort = process.env.WEB_PORT ?? '3001';
const site = `http://${reach.includes(':') ? `[${reach}]` : reach}:${webPort}/`;
const web = spawn(process.execPath, ['apps/web/dist/main.js'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WEB_PORT: webPort, API_URL: process.env.API_URL ?? base },
});
// With REDIS_URL the API queues its PDFs for `scrutineer-api worker` processes (docs/adr/adr015):
// start one here, so `npm start` draws packs either way. Operators run as many as they need.
const worker = process.env.REDIS_URL
  ? spawn(process.execPath, ['apps/api/bin/scrutineer-api.js', 'worker'], {
      stdio: 'inherit',
      env: process.env,
    })
  : undefined;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    api.kill(signal);
    web.kill(signal);
    worker?.kill(signal);
  });
}
api.on('exit', (code) => {
  worker?.kill('SIGTERM');
  web.kill('SIGTERM');
  process.exit(code ?? 1);
});
web.on('exit', (code, signal) => {
  if (signal === null && code !== 0)
    console.error(`The public site stopped (exit ${code}); the API goes on at ${base}/api/v1.`);
});
worker?.on('exit', (code, signal) => {
  if (signal === null && code !== 0)
    console.error(`The render worker stopped (exit ${code}); PDFs will answer 503 until one runs.`);
});

for (let attempt = 0; attempt < 120; attempt += 1) {
  try {
    const response = await fetch(`${base}/api/health`);
    if (response.ok) {
      console.log(`\nPublic site:    ${site}`);
      console.log(`Scrutineer API: ${base}/api/v1  (for example ${base}/api/v1/meetings)`);
      console.log(`API docs:       ${base}/api/docs  (OpenAPI document: ${base}/api/docs-json)`);
      console.log('Sample documents: ./out/   Stop with Ctrl+C.\n');
      break;
    }
  } catch {
    // not listening yet
  }
  await sleep(500);
}
