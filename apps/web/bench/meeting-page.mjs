/* global process, console, fetch */
// The site's speed (issue 13, item 6): a meeting page under 10 concurrent clients, warm.
// Starts the built API (apps/api/dist/main.js) on a new SQLite database with the sample council
// and the built site (dist/main.js) in its own process, as production runs them; warms the page,
// then drives it with autocannon for BENCH_DURATION seconds (default 10) at BENCH_CONNECTIONS
// (default 10), no pipelining. The API's anonymous rate limit is off: the site is one client
// making several requests a page, and the limit is not what is measured.
// `npm run bench -w @scrutineer/web` (after `npm run build`); figures go in docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const apiMain = join(dirname(require.resolve('@scrutineer/api/package.json')), 'dist', 'main.js');
const siteMain = join(here, '..', 'dist', 'main.js');
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const paths = (process.env.BENCH_PATHS ?? '/meetings/stockport-cfsc-2021-11-24').split(',');

const listening = (child, pattern) =>
  new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${out}`)));
  });

const dir = mkdtempSync(join(tmpdir(), 'scrutineer-web-bench-'));
const { REDIS_URL: _redis, ...env } = process.env;
const api = spawn(process.execPath, [apiMain], {
  env: {
    ...env,
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ANONYMOUS: '0',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let site;
try {
  const apiUrl = await listening(api, /Scrutineer API on (http:\/\/[^/\s]+)\/api\/v1/);
  site = spawn(process.execPath, [siteMain], {
    env: { ...env, WEB_PORT: '0', API_URL: apiUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const siteUrl = (await listening(site, /public site on (http:\/\/\S+?)\/? /)).replace(/\/$/, '');
  for (const path of paths) {
    // Warm: the PDFs' sizes (each a render in the API the first time), the caches, the JIT.
    for (let i = 0; i < 20; i += 1) await (await fetch(`${siteUrl}${path}`)).text();
    const result = await autocannon({
      url: `${siteUrl}${path}`,
      connections,
      duration,
      pipelining: 1,
    });
    const { latency, requests, non2xx, errors } = result;
    console.log(
      `${path}: ${requests.average.toFixed(0)} req/s, latency p50 ${latency.p50} ms, p90 ${latency.p90} ms, p97.5 ${latency.p97_5} ms, p99 ${latency.p99} ms, max ${latency.max} ms (${connections} connections, ${duration} s, ${result.requests.total} requests, ${non2xx} non-2xx, ${errors} errors)`,
    );
  }
} finally {
  site?.kill('SIGTERM');
  api.kill('SIGTERM');
  await new Promise((resolve) => (api.exitCode === null ? api.once('exit', resolve) : resolve()));
  rmSync(dir, { recursive: true, force: true });
}
