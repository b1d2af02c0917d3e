import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { staleVersion } from '../common/concurrency.js';
import { notFound } from '../common/problem.js';

/**
 * The platform's If-Match rule (common/concurrency.ts) for rows keyed by something other than
 * a string `id` (portfolio and measure codes, integer ids): 404 when missing, 409 when stale.
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

/**
 * Writes `changes` only while the row is still at `expectedVersion`, and bumps it; a concurrent
 * writer between the read and this update makes it a 409 and changes nothing.
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
    if (current === null) throw notFound(entityName, String(key.value));
    throw staleVersion(entityName, String(key.value), expectedVersion, current.version);
  }
};
