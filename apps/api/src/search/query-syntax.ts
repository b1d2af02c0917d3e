import { ApiError } from '../common/problem.js';

/*
 * A search box's query (`school transport`, `"call-in" -budget`, `fees or charges`), read the
 * way PostgreSQL's `websearch_to_tsquery` reads it, and written as an SQLite FTS5 query.
 * PostgreSQL is given the text itself; this is only for FTS5, where a raw query is an
 * expression language (`NEAR`, `*`, column filters, bare `NOT`) and a stray quote is a syntax
 * error. Every term is written as an FTS5 string, so nothing the caller types is an operator.
 */

type Term = { readonly words: string; readonly negated: boolean };

/** Words as the index's tokenizer (unicode61) splits them: letters and digits. */
const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The OR-separated groups of terms (AND within a group). */
const groupsOf = (query: string): Term[][] => {
  const groups: Term[][] = [[]];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const match of query.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const text = words(phrase).join(' ');
      if (text !== '') groups[groups.length - 1]?.push({ words: text, negated: minus === '-' });
      continue;
    }
    const token = bare ?? '';
    if (token.toLowerCase() === 'or') {
      if ((groups[groups.length - 1]?.length ?? 0) > 0) groups.push([]);
      continue;
    }
    const negated = token.startsWith('-');
    const text = words(token).join(' ');
    if (text !== '') groups[groups.length - 1]?.push({ words: text, negated });
  }
  return groups.filter((group) => group.length > 0);
};

const groupExpression = (group: readonly Term[]): string | null => {
  const wanted = group.filter((term) => !term.negated).map((term) => quoted(term.words));
  if (wanted.length === 0) return null;
  const unwanted = group.filter((term) => term.negated).map((term) => quoted(term.words));
  const positive = wanted.length === 1 ? wanted[0] : `(${wanted.join(' AND ')})`;
  return unwanted.length === 0 ? `${positive}` : `${positive} NOT (${unwanted.join(' OR ')})`;
};

const noWords = (): ApiError =>
  new ApiError('REQUEST.INVALID', 'The search has no word to find.', [
    {
      path: '$.q',
      message: 'must hold at least one word (letters or digits) that is not excluded with `-`',
    },
  ]);

/** The FTS5 MATCH expression for a search box's query; 400 when there is nothing to find. */
export const fts5Query = (query: string): string => {
  const expressions = groupsOf(query).flatMap((group) => groupExpression(group) ?? []);
  if (expressions.length === 0) throw noWords();
  return expressions.join(' OR ');
};

/** The same check for PostgreSQL, which reads the text itself with `websearch_to_tsquery`. */
export const assertSearchable = (query: string): void => {
  fts5Query(query);
};
