/** Building blocks the semantic rules share: a problem at a path, duplicates, unresolved references. */
import type { Problem } from '../../errors.js';
import { jsonPath, type Segment } from '../../schema/json-path.js';

export const problem = (
  segments: readonly Segment[],
  code: Problem['code'],
  message: string,
  value?: unknown,
): Problem => ({
  path: jsonPath(segments),
  code,
  message,
  ...(value === undefined ? {} : { value }),
});

/** For each value seen before at another index, a DUPLICATE problem at the later one. */
export const duplicates = <T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  pathOf: (index: number) => readonly Segment[],
  what: string,
): Problem[] => {
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, index) => {
    const key = keyOf(item);
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return [];
    }
    return [
      problem(
        pathOf(index),
        'VALIDATION.DUPLICATE',
        `${what} ${key} is used twice (also at index ${first})`,
        key,
      ),
    ];
  });
};

/** A reference (`what` with id `value`) to something the data set does not hold. */
export const unknownReference = (
  segments: readonly Segment[],
  what: string,
  value: string,
): Problem =>
  problem(
    segments,
    'VALIDATION.UNKNOWN_REFERENCE',
    `${what} ${value} is not in the data set`,
    value,
  );
