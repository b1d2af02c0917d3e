import { createJestConfig } from '@scrutineer/jest-config';

export default createJestConfig({
  // Each e2e suite starts an app on a fresh database (every migration, the sample council) in
  // its beforeAll; on the shared 2-core machine at load 16 that passed 30 s, so hooks and tests
  // get 90 s. A hang still fails; the slowest test (the API fuzz, 2500 requests per database)
  // takes ~30 s.
  testTimeout: 90_000,
  // Suites run one at a time (`--maxWorkers=1`) in a worker that is replaced once its memory
  // passes this: in one process (`--runInBand`) every suite's Nest app stays reachable from
  // jest's module registry, the heap grew ~90 MB a suite, and the last suites ran 3-100x slower
  // than alone (a 1 s unit spec took 112 s as the 60th file).
  workerIdleMemoryLimit: '700MB',
});
