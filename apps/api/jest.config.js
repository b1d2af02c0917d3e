import { createJestConfig } from '@scrutineer/jest-config';

// Each e2e suite starts an app on a fresh database (every migration, the sample council) in its
// beforeAll; on the shared 2-core machine at load 16 that passed 30 s, so hooks and tests get 90 s.
// A hang still fails; the slowest test (the API fuzz, 2500 requests per database) takes ~30 s.
export default createJestConfig({ testTimeout: 90_000 });
