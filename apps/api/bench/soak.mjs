// npm run soak -w @scrutineer/api   (after `npx turbo run build`)
//
// Does the API's memory stay flat under a mixed load (issue 11 item 6)? Starts dist/main.js on a
// fresh embedded SQLite database with the sample council (the default deployment: PDFs drawn in
// the embedded render threads, RENDER_CACHE=off so each PDF request draws), then SOAK_CONNECTIONS
// clients (default 10) loop for SOAK_MINUTES (default 30) over: meeting lists and meetings, the
// results list, a new result (POST, admin token) and a public agenda pack. The API process's RSS
// is read from /proc every SOAK_SAMPLE_SECONDS (default 10). After SOAK_WARMUP_MINUTES (default
// 5) every sample must lie within ±10% of the median of the samples after warm-up. Loopback only.
// Writes soak-results/rss-<time>.csv (git-ignored) and prints a summary; exits 1 when RSS drifts.
//
// Beside RSS each sample reads the API's own /metrics (admin token): V8's heap used and total and
// the external memory (prom-client's nodejs_heap_size_*_bytes, nodejs_external_memory_bytes), so
// a climb can be put in the JS heap, in external buffers or in native memory (RSS − heap total −
// external: SQLite's page cache, malloc arenas, code). Options (each also an env variable):
//   --minutes N (SOAK_MINUTES)  --warmup N (SOAK_WARMUP_MINUTES)  --sample S (SOAK_SAMPLE_SECONDS)
//   --snapshots 3,9 (SOAK_SNAPSHOTS): start the API with --heapsnapshot-signal=SIGUSR2 and send
//   the signal at those minutes; the .heapsnapshot files land in soak-results/ (compare them with
//   bench/heap-diff.mjs).
/* global fetch */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { apiNodeFlags } from '../bin/node-flags.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const api = join(here, '..');
const option = (name, variable, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  if (at !== -1 && process.argv[at + 1] !== undefined) return process.argv[at + 1];
  return process.env[variable] ?? fallback;
};
const MINUTES = Number(option('minutes', 'SOAK_MINUTES', 30));
const WARMUP_MINUTES = Number(option('warmup', 'SOAK_WARMUP_MINUTES', 5));
const SAMPLE_MS = Number(option('sample', 'SOAK_SAMPLE_SECONDS', 10)) * 1000;
const SNAPSHOTS = String(option('snapshots', 'SOAK_SNAPSHOTS', ''))
  .split(',')
  .filter((minute) => minute.trim() !== '')
  .map(Number);
for (const [name, value] of Object.entries({ MINUTES, WARMUP_MINUTES, SAMPLE_MS })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`soak: ${name} must be > 0`);
}
if (SNAPSHOTS.some((minute) => !Number.isFinite(minute) || minute <= 0 || minute >= MINUTES)) {
  throw new Error('soak: --snapshots takes minutes between 0 and --minutes, comma-separated');
}
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 10);
const PORT = Number(process.env.SOAK_PORT ?? 3191);
const base = `http://127.0.0.1:${PORT}`;

const folder = mkdtempSync(join(tmpdir(), 'scrutineer-soak-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(folder, 'soak.sqlite')}`,
  PORT: String(PORT),
  RENDER_CACHE: 'off',
  RATE_LIMIT_ANONYMOUS: '0',
  REDIS_URL: '',
};
delete env.REDIS_URL;

const cli = (args) => {
  const result = spawnSync(process.execPath, [join(api, 'bin/scrutineer-api.js'), ...args], {
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scrutineer-api ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
};

const rssMiB = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kib / 1024;
};

// The API's process metrics (bytes), from prom-client's default metrics on /metrics.
const PROCESS_METRICS = {
  heapUsed: 'nodejs_heap_size_used_bytes',
  heapTotal: 'nodejs_heap_size_total_bytes',
  external: 'nodejs_external_memory_bytes',
};
const processMetrics = async (token) => {
  const text = await (
    await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })
  ).text();
  const read = (metric) =>
    Number(new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1]) / 1024 / 1024;
  if (!/^nodejs_heap_size_used_bytes/m.test(text)) throw new Error(text.slice(0, 200));
  return Object.fromEntries(
    Object.entries(PROCESS_METRICS).map(([name, metric]) => [name, read(metric)]),
  );
};

const out = join(api, 'soak-results');
mkdirSync(out, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
cli(['migrate']);
cli(['seed']);
const admin = cli(['create-token', '--role', 'admin', '--name', 'soak']);
// Started as deployed (bin/node-flags.mjs; NODE_OPTIONS=--max-old-space-size=N overrides the cap).
const nodeFlags = [
  ...apiNodeFlags(),
  ...(SNAPSHOTS.length > 0 ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${out}`] : []),
];
const server = spawn(process.execPath, [...nodeFlags, 'dist/main.js'], {
  cwd: api,
  env,
  stdio: 'ignore',
});
const counts = { requests: 0, ok: 0, clientErrors: 0, serverErrors: 0, failures: 0 };
const samples = [];
let written = 0;
let metricsFailed = false;
try {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not become ready within 60 s');
    await sleep(250);
  }
  const meetings = (await (await fetch(`${base}/api/v1/meetings`)).json()).items.map((m) => m.id);
  const measures = (await (await fetch(`${base}/api/v1/measures?limit=100`)).json()).items.map(
    (m) => m.code,
  );
  const newResult = () => {
    const i = written++;
    const round = Math.floor(i / measures.length);
    const start = 2030 + Math.floor(round / 4);
    return {
      measureCode: measures[i % measures.length],
      period: {
        kind: 'quarter',
        year: `${start}/${String((start + 1) % 100).padStart(2, '0')}`,
        quarter: (round % 4) + 1,
      },
      value: 50 + (i % 40),
      status: 'actual',
      comparators: [],
      commentary: null,
    };
  };
  // One turn of a client: 6 reads, 1 write, 1 PDF.
  const turn = [
    () => fetch(`${base}/api/v1/meetings`),
    (n) => fetch(`${base}/api/v1/meetings/${meetings[n % meetings.length]}`),
    () => fetch(`${base}/api/v1/results?portfolio=CFSE&limit=50`),
    (n) => fetch(`${base}/api/v1/meetings/${meetings[(n + 1) % meetings.length]}`),
    () => fetch(`${base}/api/v1/measures?limit=50`),
    () => fetch(`${base}/api/v1/committees`),
    () =>
      fetch(`${base}/api/v1/results`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(newResult()),
      }),
    (n) =>
      fetch(
        `${base}/api/v1/meetings/${meetings[n % meetings.length]}/agenda-pack.pdf?edition=public`,
      ),
  ];
  const started = performance.now();
  const until = started + MINUTES * 60_000;
  const client = async (id) => {
    for (let n = id; performance.now() < until; n += 1) {
      for (const request of turn) {
        counts.requests += 1;
        try {
          const response = await request(n);
          await response.arrayBuffer();
          if (response.status < 400) counts.ok += 1;
          else if (response.status < 500) counts.clientErrors += 1;
          else counts.serverErrors += 1;
        } catch (error) {
          if (counts.failures === 0)
            process.stderr.write(`first failure: ${error.cause ?? error}\n`);
          counts.failures += 1;
        }
      }
    }
  };
  const sampler = (async () => {
    while (performance.now() < until) {
      const seconds = Math.round((performance.now() - started) / 1000);
      const rss = rssMiB(server.pid);
      const memory = await processMetrics(admin).catch((error) => {
        if (!metricsFailed) process.stderr.write(`/api/metrics: ${error.cause ?? error}\n`);
        metricsFailed = true;
        return { heapUsed: NaN, heapTotal: NaN, external: NaN };
      });
      samples.push({ seconds, rss, ...memory, load: loadavg()[0] });
      await sleep(SAMPLE_MS);
    }
  })();
  const snapshots = (async () => {
    for (const minute of SNAPSHOTS) {
      const wait = started + minute * 60_000 - performance.now();
      if (wait > 0) await sleep(wait);
      process.stdout.write(`heap snapshot at ${minute} min (SIGUSR2 to ${server.pid})\n`);
      server.kill('SIGUSR2');
    }
  })();
  await Promise.all([
    ...Array.from({ length: CONNECTIONS }, (_, id) => client(id)),
    sampler,
    snapshots,
  ]);
} finally {
  server.kill('SIGTERM');
  await sleep(500);
  rmSync(folder, { recursive: true, force: true });
}

const after = samples.filter((sample) => sample.seconds >= WARMUP_MINUTES * 60);
const sorted = after.map((sample) => sample.rss).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const low = sorted[0];
const high = sorted[sorted.length - 1];
const flat = after.length > 0 && low >= median * 0.9 && high <= median * 1.1;
const file = join(out, `rss-${stamp}.csv`);
const columns = (s) =>
  [s.rss, s.heapUsed, s.heapTotal, s.external, s.rss - s.heapTotal - s.external].map((value) =>
    value.toFixed(1),
  );
writeFileSync(
  file,
  `seconds,rss_mib,heap_used_mib,heap_total_mib,external_mib,native_mib,load\n${samples.map((s) => [s.seconds, ...columns(s), s.load.toFixed(2)].join(',')).join('\n')}\n`,
);
const fmt = (value) => `${value.toFixed(1)} MiB`;
// Slope of a column after warm-up (least squares, MiB a minute).
const slope = (pick) => {
  const points = after.map((s) => [s.seconds / 60, pick(s)]).filter(([, y]) => Number.isFinite(y));
  if (points.length < 2) return NaN;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxy / sxx;
};
const slopes = {
  rss: slope((s) => s.rss),
  'heap used': slope((s) => s.heapUsed),
  'heap total': slope((s) => s.heapTotal),
  external: slope((s) => s.external),
  native: slope((s) => s.rss - s.heapTotal - s.external),
};
const loads = samples.map((s) => s.load);
process.stdout.write(
  `${MINUTES} min, ${CONNECTIONS} clients: ${counts.requests} requests (${counts.ok} ok, ${counts.clientErrors} 4xx, ${counts.serverErrors} 5xx, ${counts.failures} failed), ${written} results written\n` +
    `RSS: first ${fmt(samples[0]?.rss ?? NaN)}; after ${WARMUP_MINUTES} min warm-up, ${after.length} samples: median ${fmt(median)}, min ${fmt(low)} (${((low / median - 1) * 100).toFixed(1)}%), max ${fmt(high)} (+${((high / median - 1) * 100).toFixed(1)}%): ${flat ? 'within ±10%' : 'NOT within ±10%'}\n` +
    `slope after warm-up (MiB/min): ${Object.entries(slopes)
      .map(([name, value]) => `${name} ${value >= 0 ? '+' : ''}${value.toFixed(2)}`)
      .join(', ')}\n` +
    `load average: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}\n` +
    `samples: ${file}\n`,
);
process.exitCode = flat && counts.serverErrors === 0 ? 0 : 1;
