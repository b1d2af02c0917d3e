import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request, type Result } from 'autocannon';
import pg from 'pg';
import { API_BENCH_PRESET, buildSyntheticCouncil } from '@scrutineer/sample-council/synthetic';
import type { ServerReady } from './server.js';

/*
 * npm run bench -w @scrutineer/api
 * For SQLite and PostgreSQL: starts the API (bench/server.ts) on loopback with a generated
 * council (API_BENCH_PRESET of @scrutineer/sample-council/synthetic: 10 years × 20
 * portfolios), then drives four routes with autocannon for BENCH_DURATION seconds each
 * (default 10) at BENCH_CONNECTIONS connections (default 50):
 * the bare route, a meeting with its agenda, a filtered page of 50 results, and creating a result.
 */

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
// BENCH_ROUTES=meeting,results: only the routes whose names contain one of these (the bare
// routes always run, the ratios need them).
const ONLY = (process.env.BENCH_ROUTES ?? '')
  .split(',')
  .map((part) => part.trim())
  .filter((part) => part !== '');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// BENCH_DATABASES=postgres (or sqlite): one database only.
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const here = dirname(fileURLToPath(import.meta.url));

type Row = {
  readonly database: string;
  readonly route: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
};

const startServer = (databaseUrl: string): Promise<{ child: ChildProcess; ready: ServerReady }> =>
  new Promise((resolve, reject) => {
    const child = fork(join(here, 'server.js'), [], {
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
      // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
      execArgv: (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== ''),
      // The server's request log goes nowhere: it is written (a real cost) but not shown.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve({ child, ready: message as ServerReady }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code}`)));
  });

const stop = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const rotating = (paths: readonly string[]): Request[] => {
  let i = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] ?? paths[0] }),
    },
  ];
};

/**
 * The 95th percentile (nearest rank) of every response's time: autocannon's own summary has
 * p90 and p97.5 but no p95, which issue 13's aims are stated in.
 */
const percentile = (times: number[], p: number): number => {
  if (times.length === 0) return Number.NaN;
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const run = async (
  base: string,
  requests: Request[],
  duration = DURATION,
  connections = CONNECTIONS,
): Promise<Result & { p95: number }> => {
  const times: number[] = [];
  const instance = autocannon({ url: base, connections, duration, pipelining: 1, requests });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    times.push(responseTime);
  });
  const result = await instance;
  return { ...result, p95: Math.round(percentile(times, 95)) };
};

const benchDatabase = async (label: string, databaseUrl: string): Promise<Row[]> => {
  process.stdout.write(
    `\n[${label}] generating and loading the council, then starting the API …\n`,
  );
  const { child, ready } = await startServer(databaseUrl);
  try {
    process.stdout.write(
      `[${label}] loaded in ${ready.seedSeconds.toFixed(1)} s: ${Object.entries(ready.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}\n`,
    );
    const base = `http://127.0.0.1:${ready.port}`;
    const meetings = (await (await fetch(`${base}/api/v1/meetings?limit=100`)).json()) as {
      items: { id: string }[];
    };
    const meetingPaths = meetings.items.map((m) => `/api/v1/meetings/${encodeURIComponent(m.id)}`);
    const sample = (await (await fetch(`${base}${meetingPaths[0]}`)).json()) as Record<
      string,
      unknown
    >;
    const agenda = Object.values(sample).find(Array.isArray) as unknown[] | undefined;
    if (meetingPaths.length === 0 || agenda === undefined || agenda.length === 0) {
      throw new Error(`no meeting with an agenda to read: ${JSON.stringify(sample).slice(0, 200)}`);
    }
    // The same council the server loaded (the generator is deterministic).
    const scale = API_BENCH_PRESET;
    const { dataset } = buildSyntheticCouncil(scale);
    const years = [...new Set(dataset.agreements.map((agreement) => agreement.year))];
    const resultPaths = dataset.portfolios.flatMap(({ code }) =>
      years.map(
        (year) => `/api/v1/results?portfolio=${code}&year=${encodeURIComponent(year)}&limit=50`,
      ),
    );
    // The cold path: the same filtered page of 50, at offsets 0…50, so 200 × 51 = 10,200
    // different pages in turn. The cache keeps at most 1,000 and drops the oldest first, so
    // every request misses and pays the whole read, as the first read after a write does.
    const coldPaths = Array.from({ length: 51 }, (_, offset) =>
      resultPaths.map((path) => `${path}&offset=${offset}`),
    ).flat();
    // Full-text search (issue 13): words the council's papers hold often (`performance`: most
    // agenda items), seldom and in phrases, each page ranked with its snippets.
    const searchPaths = [
      'performance',
      'budget',
      'joint report',
      '"performance and resource report"',
      'annual -mid',
      'revenue or capital',
      'third quarter update',
      'measures',
    ].map((q) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=20`);
    // Cold: the same eight queries at offsets 0…150, 8 × 151 = 1,208 different pages in turn,
    // more than the search cache's 1,000, so every request ranks again, as the first search after
    // a write does.
    const coldSearchPaths = Array.from({ length: 151 }, (_, offset) =>
      searchPaths.map((path) => `${path}&offset=${offset}`),
    ).flat();
    const measures = dataset.measures.map((measure) => measure.code);
    let created = 0;
    // Each create a new measure and period (after the generated years), so none is refused.
    const createBody = (): string => {
      const i = created++;
      const measure = measures[i % measures.length];
      const round = Math.floor(i / measures.length);
      const start = scale.firstYear + scale.years + Math.floor(round / 4);
      // A period is the domain's object now (issue 8), no longer the code string.
      const period = {
        kind: 'quarter',
        year: `${start}/${String((start + 1) % 100).padStart(2, '0')}`,
        quarter: (round % 4) + 1,
      };
      return JSON.stringify({
        measureCode: measure,
        period,
        value: 50 + (i % 40),
        status: 'actual',
        comparators: [],
        commentary: null,
      });
    };
    const createHeaders = {
      'content-type': 'application/json',
      authorization: `Bearer ${ready.officerToken}`,
    };
    const createRequests: Request[] = [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          path: '/api/v1/results',
          headers: createHeaders,
          body: createBody(),
        }),
      },
    ];
    // Writes beside a route's reads, one every `ms` (not counted in the route's figures): every
    // create replaces the performance token, so each page's next read is its first after a write.
    const writingEvery = (ms: number) => (): (() => Promise<number>) => {
      let isStopped = false;
      let writes = 0;
      const loop = (async () => {
        while (!isStopped) {
          await new Promise((resolve) => setTimeout(resolve, ms));
          if (isStopped) break;
          const response = await fetch(`${base}/api/v1/results`, {
            method: 'POST',
            headers: createHeaders,
            body: createBody(),
          });
          if (response.status !== 201) throw new Error(`a write answered ${response.status}`);
          writes += 1;
        }
      })();
      return async () => {
        isStopped = true;
        await loop;
        return writes;
      };
    };

    const routes: {
      name: string;
      requests: () => Request[];
      /** Starts work beside the measured run; what it gives back stops it, and counts what it did. */
      beside?: () => () => Promise<number>;
    }[] = [
      { name: 'bare route (constant)', requests: () => rotating(['/api/v1/bench-bare']) },
      {
        name: 'bare route, page-sized constant',
        requests: () => rotating(['/api/v1/bench-bare/page-sized']),
      },
      { name: 'GET meeting with agenda', requests: () => rotating(meetingPaths) },
      { name: 'GET 50 results (portfolio+year)', requests: () => rotating(resultPaths) },
      { name: 'GET 50 results, cold (every read a miss)', requests: () => rotating(coldPaths) },
      // The warm route's 200 pages with 4 writes a second beside them: the reads that follow each
      // write are the first of their page under its token (cold unless the page was refilled).
      {
        name: 'GET 50 results, first reads after writes (4 writes/s)',
        requests: () => rotating(resultPaths),
        beside: writingEvery(250),
      },
      { name: 'GET search, 20 best hits', requests: () => rotating(searchPaths) },
      {
        name: 'GET search, cold (every search a miss)',
        requests: () => rotating(coldSearchPaths),
      },
      { name: 'POST result', requests: () => createRequests },
      { name: 'bare route (again)', requests: () => rotating(['/api/v1/bench-bare']) },
    ];
    const chosen = routes.filter(
      (route) =>
        ONLY.length === 0 ||
        route.name.startsWith('bare route') ||
        ONLY.some((part) => route.name.includes(part)),
    );
    // Warm up: JIT, connection pools, the database's cache (every read route, never the write).
    for (const route of chosen.filter((r) => !r.name.startsWith('POST')))
      await run(base, route.requests(), 2, 10);
    const rows: Row[] = [];
    for (const route of chosen) {
      const stopBeside = route.beside?.();
      const result = await run(base, route.requests());
      const besides = await stopBeside?.();
      if (besides !== undefined) process.stdout.write(`[${label}] (${besides} writes beside it)\n`);
      const row: Row = {
        database: label,
        route: route.name,
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p95: result.p95,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      rows.push(row);
      process.stdout.write(
        `[${label}] ${route.name.padEnd(42)} ${row.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${row.p50} ms  p95 ${row.p95} ms  p99 ${row.p99} ms${row.non2xx + row.errors > 0 ? `  (${row.non2xx} non-2xx, ${row.errors} errors)` : ''}\n`,
      );
    }
    return rows;
  } finally {
    await stop(child);
  }
};

const table = (rows: readonly Row[]): string => {
  const lines = [
    '| database | route | req/s | p50 ms | p95 ms | p99 ms | req/s ÷ bare | p99 ÷ bare | non-2xx |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const database of [...new Set(rows.map((r) => r.database))]) {
    const own = rows.filter((r) => r.database === database);
    const bares = own.filter((r) => r.route.startsWith('bare route (')); // the constant {ok:true}
    const bareRate = bares.reduce((n, r) => n + r.requestsPerSecond, 0) / bares.length;
    const bareP99 = bares.reduce((n, r) => n + r.p99, 0) / bares.length;
    for (const r of own) {
      lines.push(
        `| ${database} | ${r.route} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p95} | ${r.p99} | ${(r.requestsPerSecond / bareRate).toFixed(2)} | ${(r.p99 / bareP99).toFixed(2)} | ${r.non2xx} |`,
      );
    }
  }
  return lines.join('\n');
};

const main = async (): Promise<void> => {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average before: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`;
  process.stdout.write(
    `Scrutineer API bench: ${DURATION} s per route, ${CONNECTIONS} connections. ${machine}\n`,
  );
  const rows: Row[] = [];

  if (DATABASES.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-bench-'));
    try {
      rows.push(...(await benchDatabase('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const name = `scrutineer_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  let isConnected = false;
  if (DATABASES.includes('postgres')) {
    try {
      await admin.connect();
      isConnected = true;
    } catch (error) {
      process.stdout.write(
        `\n[PostgreSQL] SKIPPED: cannot reach ${POSTGRES} (${(error as Error).message})\n`,
      );
    }
  }
  if (isConnected) {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(POSTGRES);
    url.pathname = `/${name}`;
    try {
      rows.push(...(await benchDatabase('PostgreSQL', url.toString())));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }

  const markdown = table(rows);
  process.stdout.write(
    `\n${markdown}\n\nload average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}\n`,
  );
  writeFileSync(
    join(here, '..', 'bench-results.json'),
    JSON.stringify({ machine, DURATION, CONNECTIONS, rows }, null, 2),
  );
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
