/**
 * `npm run bench -w @scrutineer/reporter`: renders synthetic agenda packs of about 30, 300 and
 * 3,000 pages with the reporter, then has pdfkit alone write the same text at the same places
 * (one embedded TTF, untagged: the floor), each run in a fresh process, and prints time,
 * pages per second, per-page cost and peak memory side by side.
 *
 * Options: --sizes 30,300,3000 (target pages) --runs 3 (runs per size up to 300 pages; the
 * fastest is reported; 3,000 pages runs once) --tagged-floor (also time pdfkit tagging each
 * line as a P element: what pdfkit's own tagging costs) --keep (keep the PDFs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildResult } from './measure-child.js';

/** About 15 pages a report (AGENDA_PACK_PRESET of @scrutineer/sample-council/synthetic). */
const PAGES_PER_REPORT = 15;

type Row = {
  readonly target: number;
  readonly reporter: ChildResult;
  readonly floor: ChildResult;
  readonly taggedFloor: ChildResult | null;
};

const childPath = fileURLToPath(new URL('./measure-child.js', import.meta.url));

const runChild = (args: readonly string[]): ChildResult => {
  // --expose-gc: the child owns its process and opts in, as the scrutineer-pack bin does, to the
  // renderer's collections between pages (render-document.ts); the floor never calls gc.
  const result = spawnSync(process.execPath, ['--expose-gc', childPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`bench child ${args[0]} failed (${result.status}):\n${result.stderr}`);
  }
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as ChildResult;
};

/**
 * The fastest run's time (on a machine shared with other work, the least disturbed run) with
 * the highest peak memory of all runs.
 */
const fastest = (results: readonly ChildResult[]): ChildResult => {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  const best = sorted[0] as ChildResult;
  return { ...best, peakRssMb: Math.max(...results.map((result) => result.peakRssMb)) };
};

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};

const sizes = (option('--sizes') ?? '30,300,3000').split(',').map(Number);
const runs = Number(option('--runs') ?? '3');
const shouldKeep = process.argv.includes('--keep');
const hasTaggedFloor = process.argv.includes('--tagged-floor');
const folder = mkdtempSync(join(tmpdir(), 'scrutineer-bench-'));

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
process.stderr.write(
  `load average ${load()}; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; files in ${folder}\n`,
);

const rows: Row[] = [];
try {
  for (const target of sizes) {
    const reportCount = Math.max(1, Math.round(target / PAGES_PER_REPORT));
    const packPath = join(folder, `pack-${target}.pdf`);
    const textPath = join(folder, `pack-${target}.ndjson`);
    const floorPath = join(folder, `floor-${target}.pdf`);
    const times = target > 300 ? 1 : runs;
    const reporterRuns: ChildResult[] = [];
    for (let run = 0; run < times; run += 1) {
      reporterRuns.push(runChild(['reporter', String(reportCount), packPath]));
      process.stderr.write(
        `  reporter ${target}: run ${run + 1}/${times}, ${Math.round(reporterRuns.at(-1)?.ms ?? 0)} ms\n`,
      );
    }
    runChild(['extract', packPath, textPath]);
    const floorRuns: ChildResult[] = [];
    for (let run = 0; run < times; run += 1) {
      floorRuns.push(runChild(['floor', textPath, floorPath]));
      process.stderr.write(
        `  floor ${target}: run ${run + 1}/${times}, ${Math.round(floorRuns.at(-1)?.ms ?? 0)} ms\n`,
      );
    }
    const taggedFloor = hasTaggedFloor
      ? runChild(['floor-tagged', textPath, join(folder, `floor-tagged-${target}.pdf`)])
      : null;
    rows.push({ target, reporter: fastest(reporterRuns), floor: fastest(floorRuns), taggedFloor });
  }
} finally {
  if (!shouldKeep) rmSync(folder, { recursive: true, force: true });
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const memory = (result: ChildResult): string =>
  `${fixed(result.peakRssMb, 0)} MB (${fixed(result.startRssMb, 0)} at start)`;
const lines = [
  '| pages | reporter, tagged | ms/page | pages/s | peak RSS | floor: pdfkit alone, untagged | ms/page | peak RSS | ratio |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows
    .map(({ reporter, floor }) =>
      [
        reporter.pages,
        `${fixed(reporter.ms / 1000, 2)} s`,
        fixed(reporter.ms / reporter.pages),
        fixed(reporter.pages / (reporter.ms / 1000), 0),
        memory(reporter),
        `${fixed(floor.ms / 1000, 2)} s`,
        fixed(floor.ms / floor.pages),
        memory(floor),
        `${fixed(reporter.ms / floor.ms, 2)}×`,
      ].join(' | '),
    )
    .map((line) => `| ${line} |`),
];
for (const { reporter, taggedFloor } of rows) {
  if (taggedFloor === null) continue;
  lines.push(
    `pdfkit tagging every line as a P, ${taggedFloor.pages} pages: ${fixed(taggedFloor.ms / 1000, 2)} s, ${fixed(taggedFloor.ms / taggedFloor.pages)} ms/page, ${memory(taggedFloor)} (reporter: ${fixed(reporter.ms / 1000, 2)} s)`,
  );
}
lines.push(`load average at the end: ${load()} (1, 5, 15 min) on ${cpus().length} cores`);
process.stdout.write(`${lines.join('\n')}\n`);
