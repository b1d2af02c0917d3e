import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { AuditEventEntity } from './audit-event.entity.js';

export type AuditEntry = {
  /** The resource's name as in the URL, singular: `meeting`, `agenda-item`. */
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly changes: object;
};

/** The audit event of a write, as its row stores it. */
export const auditEvent = (caller: Caller, entry: AuditEntry) => ({
  id: randomUUID(),
  at: new Date().toISOString(),
  actorName: caller.name,
  actorRole: caller.role,
  entity: entry.entity,
  entityId: entry.entityId,
  action: entry.action,
  changes: entry.changes as never,
  requestId: caller.requestId,
});

/** Records a write in the same transaction as the write itself. */
export const recordAudit = async (
  manager: EntityManager,
  caller: Caller,
  entry: AuditEntry,
): Promise<void> => {
  await manager.insert(AuditEventEntity, auditEvent(caller, entry));
};

/** JSON with every object's keys in order, so equal values compare equal whatever their key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  ) ?? 'undefined';

/** Whether a diff (`diffChanges`) holds anything: a write without changes keeps its version and is not audited. */
export const hasChanges = (changes: object): boolean => Object.keys(changes).length > 0;

/** `{ field: { from, to } }` for the fields of `after` whose value differs from `before`. */
export const diffChanges = (
  before: object,
  after: object,
): Record<string, { from: unknown; to: unknown }> => {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (canonical(from ?? null) !== canonical(to)) changes[key] = { from: from ?? null, to };
  }
  return changes;
};

/** An entity's columns and their stored values for an INSERT (the driver's own conversions). */
export const insertColumns = (
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  row: object,
): { readonly names: string[]; readonly values: unknown[] } => {
  const { driver } = manager.connection;
  const names: string[] = [];
  const values: unknown[] = [];
  for (const column of manager.connection.getMetadata(target).columns) {
    const value: unknown = column.getEntityValue(row);
    if (column.isGenerated || value === undefined) continue;
    names.push(`"${column.databaseName}"`);
    values.push(driver.preparePersistentValue(value, column));
  }
  return { names, values };
};

/** An audit event's columns for an INSERT, without its entity id (a statement that makes it fills it in). */
export const auditInsertColumns = (manager: EntityManager, caller: Caller, entry: AuditEntry) =>
  insertColumns(manager, AuditEventEntity, { ...auditEvent(caller, entry), entityId: undefined });
