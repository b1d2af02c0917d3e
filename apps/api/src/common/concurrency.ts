import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApiError, notFound } from './problem.js';

/**
 * Optimistic concurrency: every resource has a `version`; every change (update, delete,
 * lifecycle action) sends the version it read in `If-Match` (`"3"`, `3` or `W/"3"`).
 */
export const parseIfMatch = (header: string | undefined): number => {
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      'CONCURRENCY.VERSION_REQUIRED',
      'Send the version you read in the If-Match header, e.g. If-Match: "3".',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (match?.[1] === undefined) {
    throw new ApiError(
      'REQUEST.INVALID',
      `If-Match must be a resource version such as "3"; got ${JSON.stringify(header)}.`,
      [{ path: 'header:If-Match', message: 'must be a version number, e.g. "3"' }],
    );
  }
  return Number(match[1]);
};

/** The version the caller read, from `If-Match`. */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): number =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().header('if-match')),
);

/** Documents the If-Match header on a route that changes a resource. */
export const ApiIfMatch = (): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: true,
    description:
      'The `version` of the resource as you read it, e.g. `"3"`. If it has changed since, the request fails with 409 and nothing changes.',
    example: '"1"',
  });

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
 * Checks a row the caller wants to change: 404 when it is missing, 409 when it is no longer at
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

/**
 * Writes `changes` only while the row is still at `expectedVersion`, and bumps it; a concurrent
 * writer between the read and this update makes it a 409 and changes nothing.
 * `key.column` is a column name from our own code, never from a request.
 */
export const updateAtVersion = async <T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: string,
  key: { readonly column: string; readonly value: string | number },
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<void> => {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1' } as never)
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
};

/** `updateAtVersion` for rows keyed by a string `id`. */
export const updateVersioned = <T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: string,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<void> =>
  updateAtVersion(
    manager,
    target,
    entityName,
    { column: 'id', value: id },
    expectedVersion,
    changes,
  );
