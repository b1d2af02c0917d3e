// The layering guard is only real if each rule fires where it should. Every plant below breaks
// one rule in a fresh copy of the workspace and runs the real `lint:boundaries` command of the
// package it lands in; the unmodified copy must pass. Until this test existed the rules matched
// nothing: each package ran dependency-cruiser from its own folder, where no path starts with
// `packages/domain/src`, and only no-circular worked.
import {
  copyWorkspace,
  listWorkspaces,
  parseViolations,
  plantLine,
  runBoundaries,
} from './workspace-copy.js';
import { matches, rules } from './rules.js';

type Plant = {
  /** The rule this plant proves. */
  rule: string;
  why: string;
  /** Relative to the repository root; must exist. */
  file: string;
  line: string;
  /** Every rule the plant must break, no more: some imports break two rules at once. */
  breaks: string[];
};

const crossFeature = 'api-feature-reads-other-entities-through-services';
const knownDebtFile = 'apps/api/src/actions/actions.service.ts';
const cleanFeatureFile = 'apps/api/src/members/members.service.ts';

const plants: Plant[] = [
  {
    rule: 'domain-stays-pure',
    // NestJS is the example. A type-only import in a spec: the allow-list skips specs and
    // a type import leaves no trace at run time, so this rule alone must catch it.
    why: 'a domain spec imports only a NestJS type',
    file: 'packages/domain/src/rules/rag.spec.ts',
    line: "import type { INestApplication } from '@nestjs/common';",
    breaks: ['domain-stays-pure'],
  },
  {
    rule: 'domain-imports-only-allowed-packages',
    why: 'a domain rule imports a package that is on no deny-list',
    file: 'packages/domain/src/rules/money.ts',
    line: "import { Command } from 'commander';",
    breaks: ['domain-imports-only-allowed-packages'],
  },
  {
    rule: 'no-circular',
    why: 'dates.ts imports financial-year.ts, which imports dates.ts',
    file: 'packages/domain/src/rules/dates.ts',
    line: "import './financial-year.js';",
    breaks: ['no-circular'],
  },
  {
    rule: 'sample-council-imports-only-domain',
    why: 'the sample council imports ajv',
    file: 'packages/sample-council/src/index.ts',
    line: "import { Ajv } from 'ajv';",
    breaks: ['sample-council-imports-only-domain'],
  },
  {
    rule: 'packages-never-import-apps',
    why: 'the sample council imports a reporter file by relative path',
    file: 'packages/sample-council/src/index.ts',
    line: "import '../../../apps/reporter/src/errors.js';",
    breaks: ['packages-never-import-apps', 'workspace-packages-by-name'],
  },
  {
    rule: 'reporter-independent-of-api',
    why: 'the reporter imports an API file by relative path (the example in the issue)',
    file: 'apps/reporter/src/errors.ts',
    line: "import '../../api/src/common/values.js';",
    breaks: ['reporter-independent-of-api', 'workspace-packages-by-name'],
  },
  {
    rule: 'web-reads-the-api-over-http',
    why: 'the public site imports TypeORM, as if it read the database itself',
    file: 'apps/web/src/config.ts',
    line: "import 'typeorm';",
    breaks: ['web-reads-the-api-over-http'],
  },
  {
    rule: 'workspace-packages-by-name',
    why: 'the reporter imports a domain file by relative path',
    file: 'apps/reporter/src/errors.ts',
    line: "import '../../../packages/domain/src/missing.js';",
    breaks: ['workspace-packages-by-name'],
  },
  {
    rule: 'no-deep-import-of-workspace-package',
    why: "the reporter imports a file under the domain's src/ by package name",
    file: 'apps/reporter/src/errors.ts',
    line: "import '@scrutineer/domain/src/missing.js';",
    breaks: ['no-deep-import-of-workspace-package'],
  },
  {
    rule: crossFeature,
    why: 'members.service.ts (not known debt) imports the meetings entity',
    file: cleanFeatureFile,
    line: "import { MeetingEntity } from '../meetings/meeting.entity.js';",
    breaks: [crossFeature],
  },
  {
    rule: crossFeature,
    why: 'actions.service.ts (known debt for the meetings entity) imports the members entity',
    file: knownDebtFile,
    line: "import { MemberEntity } from '../members/member.entity.js';",
    breaks: [crossFeature],
  },
];

const workspaceOf = (file: string): string => file.split('/').slice(0, 2).join('/');
const linted = listWorkspaces().filter(({ hasSource }) => hasSource);
// Each run starts dependency-cruiser afresh: 3 to 5 s of CPU, about 2 s of it loading the tool on
// Node 20. On the shared 2-core machine, with other suites running, one run has taken 22 s.
const timeout = 180_000;

describe('the layering rules (.dependency-cruiser.cjs)', () => {
  it('every package with source runs lint:boundaries from the root on its own src, as part of lint', () => {
    expect(linted.map(({ folder }) => folder)).toEqual(
      expect.arrayContaining([
        'apps/api',
        'apps/reporter',
        'apps/web',
        'packages/domain',
        'packages/sample-council',
      ]),
    );
    for (const { folder, scripts } of linted) {
      expect(scripts['lint:boundaries']).toBe(
        `cd ../.. && depcruise ${folder}/src --config .dependency-cruiser.cjs`,
      );
      expect(scripts.lint).toMatch(/&& npm run lint:boundaries$/);
    }
  });

  it('every rule has a plant that proves it', () => {
    const ruleNames = new Set(rules.map(({ name }) => name));
    expect([...new Set(plants.map(({ rule }) => rule))].sort()).toEqual([...ruleNames].sort());
  });

  it('the cross-feature plants cover a file on the known-debt list and a file off it', () => {
    // The known-debt rules are the cross-feature rules whose `from` is one exact file.
    const debtRules = rules.filter(
      ({ name, from }) =>
        name === crossFeature && typeof from.path === 'string' && from.path.endsWith('$'),
    );
    expect(debtRules.length).toBeGreaterThan(0);
    const isOnDebtList = (file: string) => debtRules.some(({ from }) => matches(from.path, file));
    expect(isOnDebtList(knownDebtFile)).toBe(true);
    expect(isOnDebtList(cleanFeatureFile)).toBe(false);
  });

  it.concurrent.each(linted.map(({ folder }) => ({ folder })))(
    'passes the unmodified $folder',
    async ({ folder }) => {
      const copy = copyWorkspace();
      try {
        const run = await runBoundaries(copy, folder);
        expect(run.output).toContain('no dependency violations found');
        expect(run.exitCode).toBe(0);
      } finally {
        copy.remove();
      }
    },
    timeout,
  );

  it.concurrent.each(plants)(
    '$rule fails when $why',
    async ({ file, line, breaks }) => {
      const copy = copyWorkspace();
      try {
        plantLine(copy, file, line);
        const run = await runBoundaries(copy, workspaceOf(file));
        const violations = parseViolations(run.output);
        expect(run.exitCode).not.toBe(0);
        expect([...new Set(violations.map(({ rule }) => rule))].sort()).toEqual([...breaks].sort());
        // Every violation starts at the planted file: the plant broke the rule, nothing else did.
        expect([...new Set(violations.map(({ from }) => from))]).toEqual([file]);
      } finally {
        copy.remove();
      }
    },
    timeout,
  );
});
