import {
  Column,
  type EntitySubscriberInterface,
  EventSubscriber,
  type InsertEvent,
  type UpdateEvent,
} from 'typeorm';

/**
 * Columns every resource's row has: when it was created and when it last changed, as ISO 8601
 * UTC text (`2026-11-23T10:15:00.000Z`, as ADR008 stores every instant). The same text type on
 * SQLite and PostgreSQL; all values are UTC with milliseconds, so comparing them as text is
 * comparing them in time (`updatedSince`). `TimestampsSubscriber` fills them in.
 */
export abstract class VersionedRow {
  @Column({ name: 'created_at', type: 'varchar', length: 35 })
  createdAt: string;

  /** Indexed by the migration (`IX_<table>_updated_at`) for `updatedSince`. */
  @Column({ name: 'updated_at', type: 'varchar', length: 35 })
  updatedAt: string;
}

/** The instant as the API stores and answers it. */
export const nowInstant = (): string => new Date().toISOString();

/**
 * Sets `createdAt`/`updatedAt` on every insert of a resource row (unless the writer gave them,
 * as an import of existing data may) and moves `updatedAt` on every update of one (`updateAtVersion` sets it itself, to answer
 * it). Services skip
 * the update altogether when a PUT or PATCH changes nothing, so such a write moves neither the
 * version nor `updatedAt`.
 */
@EventSubscriber()
export class TimestampsSubscriber implements EntitySubscriberInterface<VersionedRow> {
  listenTo(): typeof VersionedRow {
    return VersionedRow;
  }

  beforeInsert(event: InsertEvent<VersionedRow>): void {
    const row = event.entity as Partial<VersionedRow> | undefined;
    if (row === undefined || row === null) return;
    const now = nowInstant();
    row.createdAt ??= now;
    row.updatedAt ??= row.createdAt;
  }

  beforeUpdate(event: UpdateEvent<VersionedRow>): void {
    const values = event.entity as Partial<VersionedRow> | undefined;
    if (values === undefined || values === null) return;
    values.updatedAt ??= nowInstant();
  }
}
