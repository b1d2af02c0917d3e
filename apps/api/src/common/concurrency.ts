import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApiError, notFound } from './problem.js';
import { nowInstant } from './versioned-row.js';

/**
 * Optimistic concurrency: every resource has a `version`, sent as the strong entity tag
 * `ETag: "3"` (see etag.interceptor.ts); every change (update, delete, lifecycle action) sends
 * that tag back in `If-Match` (`"3"`, or the bare `3` earlier callers send).
 *
 * RFC 9110 §13.1.1 compares If-Match strongly, so a weak tag (`W/"3"`) could never match: as our
 * tags are always strong, only a confused client sends one, and it gets a 400 saying so rather
 * than a 412 that would send it round a read-and-retry loop. `*` and lists of tags are refused
 * the same way: a change names the one version it was made against.
 */
export const parseIfMatch = (header: string | undefined): number => {
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      'CONCURRENCY.VERSION_REQUIRED',
      'Send the version you read (the ETag) in the If-Match header, e.g. If-Match: "3".',
    );
  }
  const value = header.trim();
  if (/^W\//i.test(value)) {
    throw new ApiError(
      'REQUEST.INVALID',
      `If-Match is compared strongly (RFC 9110), so a weak tag never matches; send the ETag as read, e.g. "3", not ${JSON.stringify(value)}.`,
      [{ path: 'header:If-Match', message: 'must be a strong entity tag such as "3", not W/"3"' }],
    );
  }
  const match = /^(?:"(\d{1,9})"|(\d{1,9}))$/.exec(value);
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) {
    throw new ApiError(
      'REQUEST.INVALID',
      `If-Match must be the resource's ETag such as "3"; got ${JSON.stringify(header)}.`,
      [{ path: 'header:If-Match', message: 'must be one entity tag such as "3"' }],
    );
  }
  return Number(digits);
};

/** The version the caller read, from `If-Match`. */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): number =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().header('if-match')),
);

export const staleVersion = (
  entity: string,
  id: string,
  expected: number,
  actual: number,
): ApiError =>
  new ApiError(
    'CONCURRENCY.STALE_VERSION',
    `The ${entity} ${id} is at version ${actual}, not ${expected}: read it again and reapply your change.`,
    [],
    { entity, id, expectedVersion: expected, currentVersion: actual },
  );

/**
 * Checks a row the caller wants to change: 404 when it is missing, 412 when it is no longer at
 * the version the caller read. For rows keyed by anything (string ids, codes, integer ids).
 */
export const checkVersion = <T extends { version: number }>(
  row: T | null,
  entityName: string,
  id: string | number,
  expectedVersion: number,
): T => {
  if (row === null) throw notFound(entityName, String(id));
  if (row.version !== expectedVersion) {
    throw staleVersion(entityName, String(id), expectedVersion, row.version);
  }
  return row;
};

/** Loads a row by its string `id` and checks the caller's version (see `checkVersion`). */
export const loadForChange = async <T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: string,
  id: string,
  expectedVersion: number,
): Promise<T> =>
  checkVersion(
    await manager.findOne(target, { where: { id } as never }),
    entityName,
    id,
    expectedVersion,
  );

/** The entries that have a value (entity objects carry every declared field, most undefined). */
const defined = (changes: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));

/** What a write leaves on the row: its new version and when it changed. Spread it into the response. */
export type VersionStamp = { readonly version: number; readonly updatedAt: string };

/**
 * Writes `changes` only while the row is still at `expectedVersion`, bumps it and moves `updatedAt`; a concurrent
 * writer between the read and this update makes it a 412 and changes nothing.
 * `key.column` is a column name from our own code, never from a request.
 */
export const updateAtVersion = async <T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: string,
  key: { readonly column: string; readonly value: string | number },
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<VersionStamp> => {
  const stamp = { version: expectedVersion + 1, updatedAt: nowInstant() };
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...defined(changes), version: () => 'version + 1', updatedAt: stamp.updatedAt } as never)
    .where(`${key.column} = :key AND version = :version`, {
      key: key.value,
      version: expectedVersion,
    })
    .execute();
  if (result.affected === 0) {
    const current = (await manager.findOne(target, {
      where: { [key.column]: key.value } as never,
    })) as { version: number } | null;
    checkVersion(current, entityName, key.value, expectedVersion);
  }
  return stamp;
};

/** `updateAtVersion` for rows keyed by a string `id`. */
export const updateVersioned = <T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: string,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<VersionStamp> =>
  updateAtVersion(
    manager,
    target,
    entityName,
    { column: 'id', value: id },
    expectedVersion,
    changes,
  );
