#!/usr/bin/env node
// The long fuzz run on demand: `npm run fuzz -w @scrutineer/api -- --requests 30000 [--seed N]`.
// Runs the fuzz suite (test/fuzz/api-fuzz.e2e.spec.ts) with that many requests per database;
// set TEST_DATABASE_URL to include PostgreSQL.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '30000' }, seed: { type: 'string' } },
});
if (!/^\d+$/.test(values.requests) || (values.seed !== undefined && !/^\d+$/.test(values.seed))) {
  process.stderr.write('usage: npm run fuzz -- [--requests N] [--seed N]\n');
  process.exit(2);
}
const result = spawnSync(
  'npx',
  ['scrutineer-jest', '--runInBand', 'test/fuzz/api-fuzz.e2e.spec.ts'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      FUZZ_REQUESTS: values.requests,
      ...(values.seed === undefined ? {} : { FUZZ_SEED: values.seed }),
      JEST_RESULTS_NAME: 'fuzz-results',
    },
  },
);
process.exit(result.status ?? 1);
