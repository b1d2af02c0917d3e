#!/usr/bin/env node
// Runs jest in ESM mode and writes its JSON results to reports/jest-results.json,
// which .ci/run sums across the workspace (scripts/jest-summary.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const jestBin = join(dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
const args = process.argv.slice(2);
const name = process.env.JEST_RESULTS_NAME ?? 'jest-results';
mkdirSync('reports', { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    jestBin,
    '--json',
    `--outputFile=reports/${name}.json`,
    ...args,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
