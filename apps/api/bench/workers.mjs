// npm run bench:workers -w @scrutineer/api   (after `npx turbo run build`)
//
// Packs per second and latency of the agenda-pack route with 1, 2 and 4 render workers
// (issue 11 item 5). For each worker count: one API process (dist/main.js) on PostgreSQL with
// REDIS_URL set and RENDER_CACHE=off, so every request is a real render on the BullMQ queue, and N
// `scrutineer-api worker` processes; then BENCH_CONNECTIONS clients (default 8) request the
// sample's public Stockport pack back to back for BENCH_DURATION seconds (default 20). Loopback
// only; every process is stopped at the end. Needs PostgreSQL (BENCH_POSTGRES_URL, default the
// machine's) and Redis (BENCH_REDIS_URL, default 127.0.0.1:6379).
/* global fetch */
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URL } from 'node:url';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const api = join(here, '..');
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const DURATION_MS = Number(process.env.BENCH_DURATION ?? 20) * 1000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const MEETING = process.env.BENCH_MEETING ?? 'stockport-cfsc-2022-03-09';
const route = `/api/v1/meetings/${MEETING}/agenda-pack.pdf?edition=public`;

const database = `bench_workers_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
})();

const cli = (args, env) => {
  const result = spawnSync(process.execPath, [join(api, 'bin/scrutineer-api.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scrutineer-api ${args.join(' ')}: ${result.stderr}`);
};

const start = (args, env) =>
  spawn(process.execPath, args, { cwd: api, env: { ...process.env, ...env }, stdio: 'ignore' });

const waitForReady = async (base) => {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the API did not become ready within 60 s');
};

const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

const drive = async (base) => {
  const latencies = [];
  let failures = 0;
  const until = performance.now() + DURATION_MS;
  const client = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const response = await fetch(`${base}${route}`);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status === 200 && body.subarray(0, 5).toString() === '%PDF-')
        latencies.push(performance.now() - sent);
      else failures += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    packsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    packs: latencies.length,
    failures,
  };
};

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const rows = [];
try {
  cli(['migrate'], { DATABASE_URL: databaseUrl });
  cli(['seed'], { DATABASE_URL: databaseUrl });
  for (const workers of WORKERS) {
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      RENDER_CACHE: 'off',
      RENDER_QUEUE_PREFIX: `bench-workers-${process.pid}-${workers}`,
      RATE_LIMIT_ANONYMOUS: '0',
      PORT: String(PORT),
    };
    const processes = [start(['dist/main.js'], env)];
    for (let i = 0; i < workers; i += 1)
      processes.push(start(['bin/scrutineer-api.js', 'worker'], env));
    try {
      const base = `http://127.0.0.1:${PORT}`;
      await waitForReady(base);
      // Warm: every worker has loaded the fonts and drawn once before anything is timed.
      await Promise.all(
        Array.from({ length: workers * 2 }, () =>
          fetch(`${base}${route}`).then((r) => r.arrayBuffer()),
        ),
      );
      const load = loadavg()[0];
      rows.push({ workers, load, ...(await drive(base)) });
    } finally {
      for (const child of processes) child.kill('SIGTERM');
      await sleep(1000);
    }
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}

const ms = (value) => `${Math.round(value)} ms`;
process.stdout.write(
  `${cpus().length} cores; ${CONNECTIONS} clients for ${DURATION_MS / 1000} s each; ${route}; RENDER_CACHE=off\n\n` +
    '| workers | packs/s | p50 | p95 | p99 | packs | failures | load before |\n|---|---|---|---|---|---|---|---|\n' +
    rows
      .map(
        (row) =>
          `| ${row.workers} | ${row.packsPerSecond.toFixed(1)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${row.packs} | ${row.failures} | ${row.load.toFixed(1)} |`,
      )
      .join('\n') +
    '\n',
);
