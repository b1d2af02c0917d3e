// npm run bench:workers -w @scrutineer/api   (after `npx turbo run build`)
//
// Packs per second and latency of the render queue with 1, 2 and 4 `scrutineer-api worker`
// processes (issue 11 item 5). The bench process is the API's side of the queue: it sends jobs
// through the API's own QueueRenderer (dist/rendering/render-queue.js), each under a key of its
// own, so every job is a real render (the queue shares a finished job with requests for the same
// key for 60 s, and the PDF route would coalesce identical requests, so requests through HTTP
// for the same pack measure that sharing, not the workers). BENCH_CONNECTIONS callers (default 8)
// each wait for their job before sending the next, for BENCH_DURATION seconds (default 20), for
// two packs: the sample's Stockport March 2022 public pack (9 pages) and a synthetic ~300-page
// pack (AGENDA_PACK_PRESET). Needs Redis (BENCH_REDIS_URL, default 127.0.0.1:6379); loopback
// only; every worker is stopped at the end.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { AGENDA_PACK_PRESET, buildSyntheticCouncil } from '@scrutineer/sample-council/synthetic';

const here = dirname(fileURLToPath(import.meta.url));
const api = join(here, '..');
const { QueueRenderer } = await import(join(api, 'dist/rendering/render-queue.js'));

const WORKERS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const DURATION_MS = Number(process.env.BENCH_DURATION ?? 20) * 1000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const synthetic = buildSyntheticCouncil(AGENDA_PACK_PRESET);
const packs = [
  {
    name: 'sample pack (9 pages)',
    job: {
      kind: 'agenda-pack',
      meetingId: sampleIds.stockportMarch2022,
      edition: 'public',
      dataset: loadSampleCouncil(),
    },
  },
  {
    name: 'synthetic pack (~300 pages)',
    job: {
      kind: 'agenda-pack',
      meetingId: synthetic.meetingId,
      edition: 'public',
      dataset: synthetic.dataset,
    },
  },
];

const startWorker = (prefix) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(api, 'bin/scrutineer-api.js'), 'worker'], {
      env: { ...process.env, REDIS_URL, RENDER_QUEUE_PREFIX: prefix },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (chunk) => {
      log += chunk;
      if (/render worker ready/.test(log)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited ${code}: ${log}`)));
  });

const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

const rows = [];
let sequence = 0;
for (const pack of packs) {
  for (const workers of WORKERS) {
    const prefix = `bench-workers-${process.pid}-${sequence++}`;
    const children = await Promise.all(Array.from({ length: workers }, () => startWorker(prefix)));
    const renderer = new QueueRenderer({
      threads: 0,
      cache: false,
      waitMs: 300_000,
      attempts: 1,
      queue: { redisUrl: REDIS_URL, prefix },
    });
    try {
      const key = () => `${prefix}-${sequence++}`;
      // Warm: every worker has loaded the fonts and drawn this pack once before anything is timed.
      await Promise.all(
        Array.from({ length: workers * 2 }, () => renderer.render(pack.job, key())),
      );
      const load = loadavg()[0];
      const latencies = [];
      let failures = 0;
      const until = performance.now() + DURATION_MS;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() < until) {
            const sent = performance.now();
            try {
              const bytes = await renderer.render(pack.job, key());
              if (bytes.subarray(0, 5).toString() === '%PDF-')
                latencies.push(performance.now() - sent);
              else failures += 1;
            } catch {
              failures += 1;
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      rows.push({
        pack: pack.name,
        workers,
        load,
        packsPerSecond: latencies.length / seconds,
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        packs: latencies.length,
        failures,
      });
    } finally {
      await renderer.close();
      for (const child of children) child.kill('SIGTERM');
      await sleep(500);
    }
  }
}

const ms = (value) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
process.stdout.write(
  `${cpus().length} cores; ${CONNECTIONS} callers for ${DURATION_MS / 1000} s per row; every job a real render\n\n` +
    '| pack | workers | packs/s | p50 | p95 | packs | failures | load before |\n|---|---|---|---|---|---|---|---|\n' +
    rows
      .map(
        (row) =>
          `| ${row.pack} | ${row.workers} | ${row.packsPerSecond.toFixed(2)} | ${ms(row.p50)} | ${ms(row.p95)} | ${row.packs} | ${row.failures} | ${row.load.toFixed(1)} |`,
      )
      .join('\n') +
    '\n',
);
process.exit(0);
