/**
 * The layering (docs/architecture.md, "Boundaries"). Every package's `lint` runs its
 * `lint:boundaries` script, which runs dependency-cruiser FROM THE REPOSITORY ROOT on that
 * package's `src`: dependency-cruiser matches these paths against paths relative to the folder it
 * runs in, so a rule's `^packages/domain/src/` only ever matches when the cruise starts here.
 * `packages/boundaries/test/boundaries.spec.ts` plants one violation of each rule in a copy of the
 * tree and checks that the rule fires (add a plant there when you add a rule), and
 * `rule-patterns.spec.ts` checks every package name of the lists below.
 * @type {import('dependency-cruiser').IConfiguration}
 */

/**
 * A path pattern for npm packages, resolved (`node_modules/<name>/…`, at any depth) or not
 * (`<name>` itself, when the package is not installed or its build output is missing).
 * Names are regular expressions: '@nestjs/[^/]+' is every NestJS package.
 * @param {string[]} names
 */
const npm = (...names) => {
  const alternatives = names.join('|');
  return `(^|/)node_modules/(${alternatives})(/|$)|^(${alternatives})(/|$)`;
};

/** ADR003: the only packages the domain may use at run time. Anything else needs its own ADR. */
const domainRuntimePackages = ['ajv', 'ajv-formats', 'date-holidays', '@sinclair/typebox'];

/**
 * What no domain file, specs included, imports: frameworks, ORMs, database drivers, PDF
 * libraries, and any workspace package (the domain is the bottom layer), apps included.
 */
const notForTheDomain = [
  '@nestjs/[^/]+',
  'typeorm',
  'pg',
  'better-sqlite3',
  'pdfkit',
  'pdfjs-dist',
  'express',
  'class-validator',
  'class-transformer',
  'reflect-metadata',
  '@scrutineer/[^/]+',
];

/** Folders of apps/api/src that are not features but list every entity on purpose. */
const apiFoldersThatListEntities = ['database', 'cli'];

/**
 * KNOWN DEBT, not a baseline: API files that read another feature's entity today instead of going
 * through that feature's exported service. Each entry names the file and the only foreign
 * entities it may still read; reading any other one fails like anywhere else. Remove an entry
 * when its file stops reading those entities (the services are being rewritten):
 * packages/boundaries/test/known-debt.spec.ts fails on a stale entry, so the list only shrinks.
 */
const crossFeatureEntityExceptions = [
  { file: 'actions/actions.service.ts', entities: ['meetings/meeting.entity.ts'] },
  { file: 'agenda-items/agenda-items.service.ts', entities: ['meetings/meeting.entity.ts'] },
  // The late-paper rules read the meeting's agendaPublishedAt in the upload's transaction.
  { file: 'agenda-items/item-documents.service.ts', entities: ['meetings/meeting.entity.ts'] },
  // A supplement marks the late papers and bumps the meeting's version in one transaction.
  {
    file: 'meeting-documents/pack-publications.ts',
    entities: [
      'agenda-items/agenda-item.entity.ts',
      'agenda-items/item-document.entity.ts',
      'meetings/meeting.entity.ts',
    ],
  },
  { file: 'agreements/agreements.service.ts', entities: ['measures/measure.entity.ts'] },
  {
    file: 'committees/committees.service.ts',
    entities: [
      'authorities/authority.entity.ts',
      'meetings/meeting.entity.ts',
      'members/member.entity.ts',
    ],
  },
  { file: 'declarations/declarations.service.ts', entities: ['meetings/meeting.entity.ts'] },
  {
    file: 'imports/imports.service.ts',
    entities: ['committees/committee.entity.ts', 'meetings/meeting.entity.ts'],
  },
  {
    file: 'measures/measures.service.ts',
    entities: ['agreements/agreement.entity.ts', 'results/measure-result.entity.ts'],
  },
  {
    file: 'meetings/meeting-document.store.ts',
    entities: [
      'actions/action.entity.ts',
      'agenda-items/agenda-item.entity.ts',
      'agenda-items/item-document.entity.ts',
      'declarations/declaration.entity.ts',
      'minutes/minute.entity.ts',
      'minutes/motion.entity.ts',
      'resolutions/resolution.entity.ts',
    ],
  },
  {
    file: 'meetings/meetings.service.ts',
    entities: [
      'agenda-items/agenda-item.entity.ts',
      'agenda-items/item-document.entity.ts',
      'authorities/authority.entity.ts',
      'committees/committee.entity.ts',
      'declarations/declaration.entity.ts',
    ],
  },
  { file: 'meetings/publication.ts', entities: ['authorities/authority.entity.ts'] },
  {
    file: 'minutes/minute.mapper.ts',
    entities: ['actions/action.entity.ts', 'resolutions/resolution.entity.ts'],
  },
  {
    file: 'minutes/minutes.service.ts',
    entities: [
      'actions/action.entity.ts',
      'meetings/meeting.entity.ts',
      'resolutions/resolution.entity.ts',
    ],
  },
  {
    file: 'performance/assessment-store.ts',
    entities: [
      'agreements/agreement.entity.ts',
      'measures/measure.entity.ts',
      'results/measure-result.entity.ts',
    ],
  },
  // A seeder outside database/: moving it there would end this entry.
  {
    file: 'performance/performance.seeder.ts',
    entities: [
      'agreements/agreement.entity.ts',
      'measures/measure.entity.ts',
      'officer-contacts/officer-contact.entity.ts',
      'portfolios/portfolio.entity.ts',
      'results/measure-result.entity.ts',
    ],
  },
  { file: 'performance/references.ts', entities: ['portfolios/portfolio.entity.ts'] },
  {
    file: 'portfolios/portfolios.service.ts',
    entities: [
      'agreements/agreement.entity.ts',
      'measures/measure.entity.ts',
      'officer-contacts/officer-contact.entity.ts',
      'performance-reports/performance-report.entity.ts',
    ],
  },
  {
    file: 'resolutions/resolutions.service.ts',
    entities: ['meetings/meeting.entity.ts', 'minutes/minute.entity.ts'],
  },
];

/** A path under apps/api/src/ as a regular expression (dots escaped). */
const apiSource = (path) => `apps/api/src/${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const entityPath = '^apps/api/src/[^/]+/.+\\.entity\\.ts$';
const crossFeatureEntityRule = 'api-feature-reads-other-entities-through-services';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-allowed-packages',
      comment:
        'At run time the domain imports its own files and the packages ADR003 allows, nothing else: no other npm package, no Node built-in (the rules are pure), no workspace package.',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: '\\.spec\\.ts$' },
      // Everything but the domain's own files (npm packages, Node built-ins, unresolvable names)
      // must be on the list.
      to: { dependencyTypesNot: ['local'], pathNot: npm(...domainRuntimePackages) },
    },
    {
      name: 'domain-stays-pure',
      comment:
        'No domain file, specs included, imports a framework, an ORM, a database driver, a PDF library or a workspace package (@scrutineer/api, @scrutineer/reporter, …).',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: npm(...notForTheDomain) },
    },
    {
      name: 'packages-never-import-apps',
      comment:
        'Packages sit below the apps: no package imports a file under apps/ or an app by name.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: ['^apps/', npm('@scrutineer/api', '@scrutineer/reporter')] },
    },
    {
      name: 'sample-council-imports-only-domain',
      comment:
        'The sample council is data plus a typed loader: it may use the domain and Node built-ins, nothing else.',
      severity: 'error',
      from: { path: '^packages/sample-council/src/' },
      to: {
        dependencyTypesNot: ['local', 'core'],
        pathNot: npm('@scrutineer/domain', '@jest/globals'),
      },
    },
    {
      name: 'reporter-independent-of-api',
      comment:
        'The reporter is a library the API imports: it never imports the API (by path or by name), NestJS or TypeORM.',
      severity: 'error',
      from: { path: '^apps/reporter/src/' },
      to: { path: [npm('@scrutineer/api', '@nestjs/[^/]+', 'typeorm'), '^apps/api/'] },
    },
    {
      name: 'web-reads-the-api-over-http',
      comment:
        'The public site reads the API over HTTP only, anonymously (ADR020): it never imports the API (by path or by name), NestJS, TypeORM or a database driver. Its types of the API are generated from the OpenAPI document.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: {
        path: [
          npm('@scrutineer/api', '@nestjs/[^/]+', 'typeorm', 'pg', 'better-sqlite3'),
          '^apps/api/',
        ],
      },
    },
    {
      name: 'workspace-packages-by-name',
      comment:
        'A workspace package imports another only by its name (@scrutineer/domain), never by a relative path into its folder. ' +
        'Imports by name resolve under node_modules/@scrutineer/ (preserveSymlinks), so any resolved path into another package folder is a relative one.',
      severity: 'error',
      from: { path: '^(apps|packages)/([^/]+)/' },
      to: { path: '^(apps|packages)/', pathNot: '^$1/$2/' },
    },
    {
      name: 'no-deep-import-of-workspace-package',
      comment:
        "Import another workspace package's entry points (its package.json exports), never a file under its src/ or dist/. " +
        'A package with exports leaves any other path unresolved, hence the bare-name pattern; a resolved path under dist/ is what an import by name gives, so only src/ is checked there.',
      severity: 'error',
      from: { path: '^(apps|packages)/' },
      to: { path: ['(^|/)node_modules/@scrutineer/[^/]+/src/', '^@scrutineer/[^/]+/(src|dist)/'] },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle, inside a package or across them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: crossFeatureEntityRule,
      comment:
        "An API feature folder (apps/api/src/<feature>/) reads another feature's entity only through that feature's exported service. " +
        `Exempt: ${apiFoldersThatListEntities.join('/, ')}/ (the entity list, migrations, seeders, the CLI) and the files listed as known debt.`,
      severity: 'error',
      from: {
        path: '^apps/api/src/([^/]+)/',
        pathNot: [
          `^apps/api/src/(${apiFoldersThatListEntities.join('|')})/`,
          ...crossFeatureEntityExceptions.map(({ file }) => `^${apiSource(file)}$`),
        ],
      },
      to: { path: entityPath, pathNot: '^apps/api/src/$1/' },
    },
    // One rule per known-debt file: it may read the entities listed for it and no other.
    ...crossFeatureEntityExceptions.map(({ file, entities }) => ({
      name: crossFeatureEntityRule,
      comment: `Known debt: ${file} may still read ${entities.join(', ')}; no other foreign entity.`,
      severity: 'error',
      from: { path: `^${apiSource(file)}$` },
      to: {
        path: entityPath,
        pathNot: [
          `^${apiSource(file.split('/')[0])}/`,
          ...entities.map((entity) => `^${apiSource(entity)}$`),
        ],
      },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // No tsConfig: the packages use no `paths`, and dependency-cruiser maps NodeNext's `./x.js` to
    // `./x.ts` itself (the same 932 dependencies of apps/api either way).
    // Workspace packages are symlinks under node_modules/@scrutineer/. Keeping the symlink path
    // makes an import by name resolve to node_modules/@scrutineer/<pkg>/… (an npm dependency,
    // not followed), so only a relative import reaches another package's folder.
    preserveSymlinks: true,
    // Type-only imports count: a domain file that imports a NestJS type depends on NestJS.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
