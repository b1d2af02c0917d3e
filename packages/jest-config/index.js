// Shared jest configuration. Jest runs in ESM mode (node --experimental-vm-modules)
// because NestJS 12 and pdfjs-dist ship ES modules only and jest's CommonJS mode
// cannot require them on Node 20. See docs/adr/adr001-esm-and-jest.md.

/** @param {import('jest').Config} overrides */
export const createJestConfig = (overrides = {}) => ({
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  // Source files import each other with the `.js` suffix NodeNext requires; jest resolves the .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Suites start real servers, databases and child processes on a shared 2-core machine;
  // jest's 5 s default fails them under load without anything being wrong.
  testTimeout: 30_000,
  coverageReporters: ['json-summary', 'text-summary', 'lcov'],
  ...overrides,
});
