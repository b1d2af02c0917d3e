// The rules of .dependency-cruiser.cjs as plain data, for the tests to inspect.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repositoryRoot } from './workspace-copy.js';

type Paths = string | string[];
export type Rule = {
  name: string;
  from: { path?: Paths; pathNot?: Paths };
  to: { path?: Paths; pathNot?: Paths; dependencyTypesNot?: string[] };
};

export const rules = (
  createRequire(import.meta.url)(join(repositoryRoot, '.dependency-cruiser.cjs')) as {
    forbidden: Rule[];
  }
).forbidden;

/** The one rule of that name (the cross-feature rule has one extra rule per known-debt file). */
export const ruleNamed = (name: string): Rule => {
  const found = rules.filter((rule) => rule.name === name);
  if (found.length === 0) throw new Error(`No rule named ${name}`);
  return found[0] as Rule;
};

/** dependency-cruiser's reading of a path condition: a list means "any of these". */
export const matches = (paths: Paths | undefined, path: string): boolean =>
  paths !== undefined && [paths].flat().some((pattern) => new RegExp(pattern).test(path));
