import { createJestConfig } from '@scrutineer/jest-config';

export default createJestConfig({
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/model/**', '!src/index.ts'],
  coverageThreshold: { global: { branches: 95, functions: 95, lines: 95, statements: 95 } },
});
