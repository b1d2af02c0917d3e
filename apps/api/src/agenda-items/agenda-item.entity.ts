import type { LatePaper } from '@scrutineer/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

@Entity({ name: 'agenda_items' })
@Index(['meetingId', 'position'])
export class AgendaItemEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 200 })
  meetingId: string;

  /** The order in the published agenda, from 1. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  number: string;

  @Index()
  @Column({ type: 'varchar', length: 30 })
  kind: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  /** The time the agenda schedules the item for (`HH:MM`); null when it gives none. */
  @Column({ name: 'scheduled_time', type: 'varchar', length: 5, nullable: true })
  scheduledTime: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'simple-json', nullable: true })
  recommendations: object | null;

  @Column({ name: 'report_of', type: 'simple-json' })
  reportOf: string[];

  @Column({ type: 'simple-json' })
  contacts: object[];

  /** Schedule 12A paragraph (England 1–7, Wales 12–18), or null for an open item. */
  @Index()
  @Column({ name: 'exempt_paragraph', type: 'integer', nullable: true })
  exemptParagraph: number | null;

  /** The order in which the meeting took the item, from 1; null when not recorded. */
  @Column({ name: 'considered_order', type: 'integer', nullable: true })
  consideredOrder: number | null;

  /** For an exclusion of the public: the numbers of the exempt items it covers (JSON list); null when not given. */
  @Column({ type: 'simple-json', nullable: true })
  covers: string[] | null;

  /** The public interest test's outcome as the proper officer recorded it; null when none was. */
  @Column({ name: 'exempt_public_interest_test', type: 'text', nullable: true })
  exemptPublicInterestTest: string | null;

  /** The domain's LatePaper as JSON for an item added after the agenda was published; null otherwise. */
  @Column({ type: 'simple-json', nullable: true })
  late: LatePaper | null;

  @Column({ type: 'integer' })
  version: number;
}
