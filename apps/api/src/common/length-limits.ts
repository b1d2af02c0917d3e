import type { FieldProblem } from './problem.js';

/**
 * Longest text a field may hold, by its key, where the database column is bounded
 * (PostgreSQL refuses longer values; SQLite would store them). Any other string may be up to
 * `MAX_TEXT` characters; the body limit caps the whole request.
 */
const LIMITS_BY_KEY: Readonly<Record<string, number>> = {
  id: 200,
  committeeId: 200,
  authorityId: 200,
  memberId: 200,
  number: 10,
  itemNumber: 10,
  agendaItemNumber: 10,
  title: 500,
  name: 200,
  shortName: 100,
  party: 100,
  ward: 200,
  venue: 300,
  owner: 300,
  website: 500,
};

/** A minute's reference text (`OS.190`) is short; other `text` fields are paragraphs. */
const MINUTE_REF_TEXT = 30;

export const MAX_TEXT = 50_000;

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number'
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${parent}.${key}`
      : `${parent}[${JSON.stringify(key)}]`;

/** Every string in `value` longer than its field allows, with its JSON path. */
export const lengthProblems = (
  value: unknown,
  path = '$',
  key: string | number | null = null,
  parentKey: string | number | null = null,
): FieldProblem[] => {
  if (typeof value === 'string') {
    const max =
      key === 'text' && parentKey === 'ref'
        ? MINUTE_REF_TEXT
        : typeof key === 'string'
          ? (LIMITS_BY_KEY[key] ?? MAX_TEXT)
          : MAX_TEXT;
    return value.length > max
      ? [{ path, message: `must be at most ${max} characters (it has ${value.length})` }]
      : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) =>
      lengthProblems(item, pathOf(path, index), key, parentKey),
    );
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([childKey, child]) =>
      lengthProblems(child, pathOf(path, childKey), childKey, key),
    );
  }
  return [];
};
