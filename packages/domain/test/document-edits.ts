// Edits of the valid fixture documents, and the problems the parsers report for them: what the
// document-validation specs share.
import type { Problem } from '../src/errors.js';
import {
  parseCouncilDataset,
  parseMeetingDocument,
} from '../src/rules/document-validation/index.js';
import { stockportDataset, westSussexMeeting } from './fixtures/documents.js';

export type Segment = string | number;

/** Marks an edit that deletes the value at its path. */
export const DELETE = Symbol('delete');

/** A deep copy of `value` with the value at `path` replaced (or deleted when `to` is `DELETE`). */
export const changed = (value: unknown, ...edits: [readonly Segment[], unknown][]): unknown => {
  const copy = structuredClone(value) as Record<Segment, unknown>;
  for (const [path, to] of edits) {
    const parent = path
      .slice(0, -1)
      .reduce<Record<Segment, unknown>>(
        (node, segment) => node[segment] as Record<Segment, unknown>,
        copy,
      );
    const last = path[path.length - 1] as Segment;
    if (to === DELETE) delete parent[last];
    else parent[last] = to;
  }
  return copy;
};

/** The problems of a parse; none when it succeeded. */
export const problemsOf = (result: {
  ok: boolean;
  problems?: readonly Problem[];
}): readonly Problem[] => (result.ok ? [] : (result.problems ?? []));

/** Problems of the valid West Sussex meeting after `edits`. */
export const meetingProblems = (...edits: [readonly Segment[], unknown][]) =>
  problemsOf(parseMeetingDocument(changed(westSussexMeeting(), ...edits)));

/** Problems of the valid Stockport data set after `edits`. */
export const datasetProblems = (...edits: [readonly Segment[], unknown][]) =>
  problemsOf(parseCouncilDataset(changed(stockportDataset(), ...edits)));

/** Just where and what: for assertions that do not pin messages. */
export const pathsAndCodes = (problems: readonly Problem[]) =>
  problems.map(({ path, code }) => ({ path, code }));
