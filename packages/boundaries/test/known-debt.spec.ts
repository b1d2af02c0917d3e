// The known-debt list of the cross-feature rule (crossFeatureEntityExceptions in
// .dependency-cruiser.cjs) must only shrink. An entry whose file no longer reads one of its listed
// entities is stale: it would let that import come back unnoticed. This fails until it is removed.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { rules } from './rules.js';
import { repositoryRoot } from './workspace-copy.js';

const crossFeature = 'api-feature-reads-other-entities-through-services';

/** `^apps/api/src/a\.ts$` → `apps/api/src/a.ts`: the config escapes nothing but punctuation. */
const exactPath = (pattern: string): string => pattern.slice(1, -1).replace(/\\(.)/g, '$1');

/** One rule per known-debt file: `from` is the file, `to.pathNot` its own folder and its entities. */
const debt = rules
  .filter(
    ({ name, from }) =>
      name === crossFeature && typeof from.path === 'string' && from.path.endsWith('$'),
  )
  .map(({ from, to }) => ({
    file: exactPath(from.path as string),
    entities: [to.pathNot ?? []]
      .flat()
      .filter((pattern) => pattern.endsWith('$'))
      .map(exactPath),
  }));

/** The files a source file imports by relative path, as repository paths with `.ts`. */
const relativeImports = (file: string): string[] => {
  const source = readFileSync(join(repositoryRoot, file), 'utf8');
  return [...source.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map(([, specifier]) =>
    posix.join(posix.dirname(file), specifier ?? '').replace(/\.js$/, '.ts'),
  );
};

describe('the known debt of the cross-feature entity rule', () => {
  it('lists files', () => expect(debt.length).toBeGreaterThan(0));

  it.each(debt)('$file still reads every entity listed for it', ({ file, entities }) => {
    expect(existsSync(join(repositoryRoot, file))).toBe(true);
    expect(entities.length).toBeGreaterThan(0);
    expect(relativeImports(file)).toEqual(expect.arrayContaining(entities));
  });
});
