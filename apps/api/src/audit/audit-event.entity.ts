import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One write: who made it, when, to what, and what changed. Never updated or deleted by the API. */
@Entity({ name: 'audit_events' })
@Index(['entity', 'entityId'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** ISO 8601 instant (UTC). */
  @Index()
  @Column({ type: 'varchar', length: 35 })
  at: string;

  @Index()
  @Column({ name: 'actor_name', type: 'varchar', length: 200 })
  actorName: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'varchar', length: 60 })
  entity: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 200 })
  entityId: string;

  /** create, update, delete, or a lifecycle verb such as publish-agenda. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  /** For an update, `{ field: { from, to } }`; for a create or delete, the record. */
  @Column({ type: 'simple-json' })
  changes: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;
}
