import { DEFAULT_LIMIT, type ListWindow } from '@scrutineer/domain';
import type { WhereExpressionBuilder } from 'typeorm';
import { ApiError } from './problem.js';

/**
 * `limit`, `offset`, `sort` and `updatedSince` of every list, as its `ListQuery` schema checked
 * them (request-validation.interceptor.ts): the services read them from here.
 */
export type PageQuery = ListWindow;

export type Page<T> = {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
};

export const pageWindow = (query: PageQuery): { limit: number; offset: number } => ({
  limit: query.limit ?? DEFAULT_LIMIT,
  offset: query.offset ?? 0,
});

export const pageOf = <T>(items: readonly T[], total: number, query: PageQuery): Page<T> => ({
  items,
  total,
  ...pageWindow(query),
});

/**
 * `updatedSince` as stored instants are written (UTC, milliseconds), so it compares as text. The
 * schema's `date-time` format has already refused anything that is not a real instant.
 */
export const updatedSinceOf = (query: PageQuery): string | undefined =>
  query.updatedSince === undefined ? undefined : new Date(query.updatedSince).toISOString();

/** Adds the `updatedSince` filter on `alias.updatedAt` (or another instant column) to a list query. */
export const filterUpdatedSince = (
  builder: WhereExpressionBuilder,
  query: PageQuery,
  column: string,
): void => {
  const since = updatedSinceOf(query);
  if (since !== undefined) builder.andWhere(`${column} >= :updatedSince`, { updatedSince: since });
};

/** Whether a row changed at or after the list's `updatedSince` (always, without one). */
export const changedSince = (updatedAt: string, query: PageQuery): boolean => {
  const since = updatedSinceOf(query);
  return since === undefined || updatedAt >= since;
};

export type SortOrder = { readonly column: string; readonly direction: 'ASC' | 'DESC' };

/**
 * Parses `sort` against the fields a list allows (`{ date: 'meeting.date' }`) and adds the
 * fallback after them, so pages are stable. An unknown field is a 400 naming the allowed ones.
 */
export const parseSort = (
  sort: string | undefined,
  allowed: Readonly<Record<string, string>>,
  fallback: readonly SortOrder[],
): SortOrder[] => {
  const requested = (sort ?? '').split(',').filter((part) => part !== '');
  const orders = requested.map((part): SortOrder => {
    const field = part.replace(/^-/, '');
    const column = allowed[field];
    if (column === undefined) {
      const fields = Object.keys(allowed);
      throw new ApiError('REQUEST.INVALID', `Cannot sort by ${JSON.stringify(field)}.`, [
        {
          path: 'query:sort',
          message:
            fields.length === 0
              ? `this list has a fixed order and takes no sort; got ${field}`
              : `sort fields are ${fields.join(', ')}; got ${field}`,
        },
      ]);
    }
    return { column, direction: part.startsWith('-') ? 'DESC' : 'ASC' };
  });
  const used = new Set(orders.map((o) => o.column));
  return [...orders, ...fallback.filter((o) => !used.has(o.column))];
};
