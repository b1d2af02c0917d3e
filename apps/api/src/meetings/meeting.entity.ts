import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

@Entity({ name: 'meetings' })
@Index(['committeeId', 'date'])
export class MeetingEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Column({ name: 'committee_id', type: 'varchar', length: 200 })
  committeeId: string;

  /** LocalDate; PostgreSQL returns a date column as text via TypeORM, SQLite stores text. */
  @Index()
  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'start_time', type: 'varchar', length: 5, nullable: true })
  startTime: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** Instant (ISO 8601) or null. */
  @Column({ name: 'agenda_published_at', type: 'varchar', length: 35, nullable: true })
  agendaPublishedAt: string | null;

  /** Attendance as JSON. */
  @Column({ type: 'simple-json' })
  attendance: object | null;

  /** not-recorded | none-made | made-unnamed | made (made when declarations rows exist). */
  @Column({ name: 'declarations_kind', type: 'varchar', length: 20 })
  declarationsKind: string;

  /** For `made-unnamed`: the agenda items the declarations were about (JSON list); null otherwise. */
  @Column({ name: 'declarations_item_numbers', type: 'simple-json', nullable: true })
  declarationsItemNumbers: string[] | null;

  /** draft | approved, or null when the meeting has no minutes yet. */
  @Column({ name: 'minutes_status', type: 'varchar', length: 10, nullable: true })
  minutesStatus: string | null;

  @Column({ name: 'minutes_approved_on', type: 'date', nullable: true })
  minutesApprovedOn: string | null;

  /** Instant (ISO 8601) the minutes record started, so the public could first read it; null without minutes. */
  @Column({ name: 'minutes_published_at', type: 'varchar', length: 35, nullable: true })
  minutesPublishedAt: string | null;

  @Column({ name: 'minutes_closed_at', type: 'varchar', length: 5, nullable: true })
  minutesClosedAt: string | null;

  @Column({ type: 'integer' })
  version: number;
}
