import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * `updatedSince` of a list: rows whose `updatedAt` is at or after the instant. Stored instants
 * are UTC ISO text with milliseconds (VersionedRow), so the caller's instant is written the same
 * way before the two are compared as text.
 */
export const onlyUpdatedSince = <T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  alias: string,
  updatedSince: string | undefined,
): SelectQueryBuilder<T> =>
  updatedSince === undefined
    ? builder
    : builder.andWhere(`${alias}.updatedAt >= :updatedSince`, {
        updatedSince: new Date(updatedSince).toISOString(),
      });
