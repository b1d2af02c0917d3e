import { availableParallelism } from 'node:os';
import { createJestConfig } from '@scrutineer/jest-config';

export default createJestConfig({
  // Each test runs dependency-cruiser in a child process (about 3 s of CPU, most of it loading the
  // tool); `it.concurrent` runs as many at once as there are cores.
  maxConcurrency: availableParallelism(),
});
