/**
 * Layering, checked by every package's `lint`:
 * - the domain is pure: no framework, no ORM, no PDF library, no app;
 * - packages never import apps; apps import packages by name, never by relative path.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      comment: 'packages/domain holds the business rules and must not depend on a framework or an app.',
      severity: 'error',
      from: { path: '(^|/)packages/domain/src' },
      to: {
        path: ['node_modules/(@nestjs|typeorm|pdfkit|pdfjs-dist|express|pg|better-sqlite3|class-validator|class-transformer)', '(^|/)apps/'],
      },
    },
    {
      name: 'domain-imports-no-workspace-package',
      comment: 'The domain is the bottom layer: it imports no other workspace package.',
      severity: 'error',
      from: { path: '(^|/)packages/domain/src' },
      to: { path: '(^|/)packages/(?!domain/)' },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '(^|/)packages/' },
      to: { path: '(^|/)apps/' },
    },
    {
      name: 'import-packages-by-name',
      comment: 'Apps import workspace packages by their package name (@scrutineer/domain), never by a relative path into packages/.',
      severity: 'error',
      from: { path: '(^|/)apps/' },
      to: { path: '(^|/)packages/[^/]+/src/', dependencyTypesNot: ['npm', 'npm-dev', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
