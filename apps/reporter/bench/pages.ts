/**
 * `npm run bench:pages -w @scrutineer/reporter`: the plain-table pack (TABLE_PACK_PRESET of
 * @scrutineer/sample-council/synthetic: 20 reports of 12 paragraphs, a 120-row six-column
 * measures table and a 31-row money table each) printed three ways in one run: by the reporter,
 * by pdfkit alone at the reporter's places (the time floor, as in run.ts), and by Debian's
 * Chromium from the same document model as HTML at the same sizes (pack-html.ts). Prints pages
 * and times side by side.
 *
 * Options: --reports 20 --runs 3 (reporter and floor runs; the fastest is shown) --keep
 * --chromium /usr/bin/chromium --pack pprr (the PPRR pack of run.ts, AGENDA_PACK_PRESET, instead)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ChildResult } from './measure-child.js';

const childPath = fileURLToPath(new URL('./measure-child.js', import.meta.url));

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};

const run = (command: string, args: readonly string[]): string => {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args[0] ?? ''} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
};

const child = (args: readonly string[]): ChildResult =>
  JSON.parse(
    run(process.execPath, ['--expose-gc', childPath, ...args])
      .trim()
      .split('\n')
      .at(-1) ?? '',
  ) as ChildResult;

const pdfPages = (path: string): number => {
  const match = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]));
  if (!match) throw new Error(`pdfinfo gave no page count for ${path}`);
  return Number(match[1]);
};

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

const reports = option('--reports') ?? '20';
const isPprr = option('--pack') === 'pprr';
const runs = Number(option('--runs') ?? '3');
const chromium = option('--chromium') ?? '/usr/bin/chromium';
const folder = mkdtempSync(join(tmpdir(), 'scrutineer-pages-'));
const file = (name: string): string => join(folder, name);
process.stderr.write(`load average ${load()} on ${cpus().length} cores; files in ${folder}\n`);

try {
  const fastest = (results: ChildResult[]): ChildResult =>
    [...results].sort((a, b) => a.ms - b.ms)[0] as ChildResult;
  const reporterRuns: ChildResult[] = [];
  const floorRuns: ChildResult[] = [];
  for (let index = 0; index < runs; index += 1) {
    reporterRuns.push(child([isPprr ? 'reporter' : 'tables', reports, file('pack.pdf')]));
    if (index === 0) child(['extract', file('pack.pdf'), file('pack.ndjson')]);
    floorRuns.push(child(['floor', file('pack.ndjson'), file('floor.pdf')]));
  }
  child([isPprr ? 'html-pprr' : 'html', reports, file('pack.html')]);
  const start = performance.now();
  run(chromium, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${mkdtempSync(join(folder, 'profile-'))}`,
    `--print-to-pdf=${file('chromium.pdf')}`,
    '--no-pdf-header-footer',
    `file://${file('pack.html')}`,
  ]);
  const chromiumMs = performance.now() - start;
  const reporter = fastest(reporterRuns);
  const floor = fastest(floorRuns);
  const chromiumPages = pdfPages(file('chromium.pdf'));
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(
    [
      '| pack, reports | reporter pages | Chromium pages | page ratio | reporter time | floor time | time ratio | Chromium time |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${isPprr ? 'PPRR' : 'plain tables'}, ${reports} | ${pdfPages(file('pack.pdf'))} | ${chromiumPages} | ${(reporter.pages / chromiumPages).toFixed(2)}× | ${seconds(reporter.ms)} | ${seconds(floor.ms)} | ${(reporter.ms / floor.ms).toFixed(2)}× | ${seconds(chromiumMs)} (process, untagged) |`,
      `load average at the end: ${load()} (1, 5, 15 min) on ${cpus().length} cores`,
      '',
    ].join('\n'),
  );
} finally {
  if (!process.argv.includes('--keep')) rmSync(folder, { recursive: true, force: true });
}
