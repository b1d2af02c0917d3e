// The rules name packages by regular expression, and each name has two shapes dependency-cruiser
// can report: resolved (`node_modules/<name>/…`, at any depth) and unresolved (`<name>…`, when
// it is not installed or its build output is missing). Planting every name in a real cruise
// would cost a dependency-cruiser run each (boundaries.spec.ts plants one per rule); this checks
// every name of every list, and the near-misses that must not match, in milliseconds.
import { matches, ruleNamed } from './rules.js';

type Case = { rule: string; forbids: string[]; allows: string[] };

/** Deny rules: `to.path` must match what is forbidden and nothing of what is allowed. */
const denied: Case[] = [
  {
    rule: 'domain-stays-pure',
    forbids: [
      'node_modules/@nestjs/common/index.js',
      '@nestjs/core',
      'node_modules/typeorm/index.d.ts',
      'node_modules/pg/lib/index.js',
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/pdfkit/js/pdfkit.node.mjs',
      'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      'node_modules/express/index.js',
      'node_modules/class-validator/cjs/index.js',
      'node_modules/class-transformer/cjs/index.js',
      // No longer installed (the API validates with the domain's schemas): unresolved, still refused.
      'class-validator',
      'class-transformer/cjs/index.js',
      'node_modules/reflect-metadata/index.d.ts',
      'node_modules/@scrutineer/api/dist/main.js',
      'node_modules/@scrutineer/reporter/dist/index.d.ts',
      '@scrutineer/reporter',
      'node_modules/@scrutineer/sample-council/dist/index.d.ts',
    ],
    allows: [
      'node_modules/ajv/dist/2020.js',
      'packages/domain/node_modules/ajv/dist/2020.js',
      'node_modules/date-holidays/types/index.d.ts',
      'node_modules/@sinclair/typebox/build/esm/index.mjs',
      'node_modules/fast-check/lib/cjs/fast-check.d.ts',
      'node_modules/pg-protocol/dist/index.js',
      'packages/domain/src/rules/rag.ts',
    ],
  },
  {
    rule: 'packages-never-import-apps',
    forbids: [
      'apps/reporter/src/errors.ts',
      'apps/api/src/main.ts',
      'node_modules/@scrutineer/reporter/dist/index.d.ts',
      '@scrutineer/api',
    ],
    allows: ['node_modules/@scrutineer/domain/dist/index.d.ts', 'packages/domain/src/missing.ts'],
  },
  {
    rule: 'reporter-independent-of-api',
    forbids: [
      'apps/api/src/common/values.ts',
      'node_modules/@scrutineer/api/dist/main.js',
      '@scrutineer/api',
      'node_modules/@nestjs/common/index.js',
      'node_modules/@nestjs/core/index.js',
      'node_modules/typeorm/index.d.ts',
    ],
    allows: [
      'node_modules/@scrutineer/domain/dist/index.d.ts',
      'node_modules/@scrutineer/sample-council/dist/index.d.ts',
      'node_modules/pdfkit/js/pdfkit.node.mjs',
      'node_modules/typeorm-extension/index.js',
      'apps/reporter/src/model/lookup.ts',
    ],
  },
  {
    rule: 'no-deep-import-of-workspace-package',
    forbids: [
      '@scrutineer/domain/src/missing.js',
      '@scrutineer/domain/dist/index.js',
      'node_modules/@scrutineer/api/src/main.ts',
    ],
    allows: [
      'node_modules/@scrutineer/domain/dist/index.d.ts',
      'node_modules/@scrutineer/reporter/dist/testing/index.d.ts',
      'node_modules/@scrutineer/sample-council/data/sample-council.json',
    ],
  },
];

/** Allow-list rules: `to.pathNot` must match what is allowed and nothing else. */
const allowListed: Case[] = [
  {
    rule: 'domain-imports-only-allowed-packages',
    allows: [
      'node_modules/ajv/dist/2020.js',
      'packages/domain/node_modules/ajv/dist/2020.js',
      'ajv/dist/2020.js',
      'node_modules/date-holidays/types/index.d.ts',
      'node_modules/@sinclair/typebox/build/esm/index.mjs',
      '@sinclair/typebox',
      // The formats the one validator uses (ADR010).
      'node_modules/ajv-formats/dist/index.js',
    ],
    forbids: [
      'node_modules/ajv-keywords/dist/index.js',
      'node_modules/commander/typings/index.d.ts',
      'node_modules/@sinclair/typemap/index.js',
      'node_modules/@scrutineer/sample-council/dist/index.d.ts',
      'fs',
    ],
  },
  {
    rule: 'sample-council-imports-only-domain',
    allows: ['node_modules/@scrutineer/domain/dist/index.d.ts', '@scrutineer/domain'],
    forbids: [
      'node_modules/ajv/dist/2020.js',
      'node_modules/@scrutineer/domain-extras/index.js',
      'node_modules/@scrutineer/reporter/dist/index.d.ts',
    ],
  },
];

describe('the package patterns of the layering rules', () => {
  describe.each(denied)('$rule', ({ rule, forbids, allows }) => {
    const { to } = ruleNamed(rule);
    it.each(forbids)('forbids %s', (path) => expect(matches(to.path, path)).toBe(true));
    it.each(allows)('allows %s', (path) => expect(matches(to.path, path)).toBe(false));
  });

  describe.each(allowListed)('$rule', ({ rule, forbids, allows }) => {
    const { to } = ruleNamed(rule);
    it.each(allows)('allows %s', (path) => expect(matches(to.pathNot, path)).toBe(true));
    it.each(forbids)('forbids %s', (path) => expect(matches(to.pathNot, path)).toBe(false));
  });

  it('the domain allow-list exempts only its own files: npm packages and Node built-ins alike need the list', () => {
    expect(ruleNamed('domain-imports-only-allowed-packages').to.dependencyTypesNot).toEqual([
      'local',
    ]);
  });

  it('the domain allow-list holds at run time only; the deny-list holds for every domain file', () => {
    const spec = 'packages/domain/src/rules/rag.spec.ts';
    const allowList = ruleNamed('domain-imports-only-allowed-packages').from;
    const denyList = ruleNamed('domain-stays-pure').from;
    expect(matches(allowList.path, spec) && !matches(allowList.pathNot, spec)).toBe(false);
    expect(matches(denyList.path, spec) && !matches(denyList.pathNot, spec)).toBe(true);
  });
});
