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

/** Loads a row by id (404 if missing) and checks the caller's version (409 if stale). */
export const loadForChange = async <T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: string,
  id: string,
  expectedVersion: number,
): Promise<T> => {
  const row = await manager.findOne(target, { where: { id } as never });
  if (row === null) throw notFound(entityName, id);
  if (row.version !== expectedVersion)
    throw staleVersion(entityName, id, expectedVersion, row.version);
  return row;
};

/**
 * Writes changes only if the row is still at the expected version, and bumps it.
 * Guards against a concurrent writer between `loadForChange` and the update.
 */
export const updateVersioned = async <T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entityName: string,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<void> => {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id, version: expectedVersion })
    .execute();
  if (result.affected === 0) {
    const current = await manager.findOne(target, { where: { id } as never });
    if (current === null) throw notFound(entityName, id);
    throw staleVersion(
      entityName,
      id,
      expectedVersion,
      Number((current as unknown as { version: number }).version),
    );
  }
};
