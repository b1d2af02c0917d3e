/**
 * `npm run bench -w @scrutineer/reporter`: renders synthetic agenda packs of about 30, 300 and
 * 3,000 pages with the reporter, then has pdfkit alone write the same text at the same places
 * (one embedded TTF, untagged: the floor), each run in a fresh process, and prints time,
 * pages per second, per-page cost and peak memory side by side.
 *
 * Options: --sizes 30,300,3000 (target pages) --runs 3 (runs per size up to 300 pages; the
 * median is reported; 3,000 pages runs once) --keep (keep the PDFs in the temp folder).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildResult } from './measure-child.js';

/** About 15 pages a report (see src/testing/synthetic-council.ts). */
const PAGES_PER_REPORT = 15;

type Row = { readonly target: number; readonly reporter: ChildResult; readonly floor: ChildResult };

const childPath = fileURLToPath(new URL('./measure-child.js', import.meta.url));

const runChild = (args: readonly string[]): ChildResult => {
  const result = spawnSync(process.execPath, [childPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`bench child ${args[0]} failed (${result.status}):\n${result.stderr}`);
  }
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as ChildResult;
};

const median = (results: readonly ChildResult[]): ChildResult => {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor(sorted.length / 2)] as ChildResult;
  return { ...middle, peakRssMb: Math.max(...results.map((result) => result.peakRssMb)) };
};

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};

const sizes = (option('--sizes') ?? '30,300,3000').split(',').map(Number);
const runs = Number(option('--runs') ?? '3');
const shouldKeep = process.argv.includes('--keep');
const folder = mkdtempSync(join(tmpdir(), 'scrutineer-bench-'));

process.stderr.write(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; files in ${folder}\n`,
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
    rows.push({ target, reporter: median(reporterRuns), floor: median(floorRuns) });
  }
} finally {
  if (!shouldKeep) rmSync(folder, { recursive: true, force: true });
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const lines = [
  '| pages | reporter (tagged) | ms/page | pages/s | peak RSS | floor: pdfkit alone (untagged) | ms/page | peak RSS | ratio |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows
    .map(({ reporter, floor }) =>
      [
        reporter.pages,
        `${fixed(reporter.ms / 1000, 2)} s`,
        fixed(reporter.ms / reporter.pages),
        fixed(reporter.pages / (reporter.ms / 1000), 0),
        `${fixed(reporter.peakRssMb, 0)} MB`,
        `${fixed(floor.ms / 1000, 2)} s`,
        fixed(floor.ms / floor.pages),
        `${fixed(floor.peakRssMb, 0)} MB`,
        `${fixed(reporter.ms / floor.ms, 2)}×`,
      ].join(' | '),
    )
    .map((line) => `| ${line} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
