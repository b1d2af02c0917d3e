import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

/** One numbered minute; its motions, actions and resolution have their own tables. */
@Entity({ name: 'minutes' })
@Index(['meetingId', 'takenOrder'])
export class MinuteEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 200 })
  meetingId: string;

  /** Order in the minutes as written, from 1. */
  @Column({ type: 'integer' })
  position: number;

  @Index()
  @Column({ name: 'ref_text', type: 'varchar', length: 30 })
  refText: string;

  @Column({ name: 'ref_sequence', type: 'integer' })
  refSequence: number;

  @Column({ name: 'agenda_item_number', type: 'varchar', length: 10, nullable: true })
  agendaItemNumber: string | null;

  @Column({ name: 'taken_order', type: 'integer' })
  takenOrder: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'simple-json' })
  blocks: object[];

  @Column({ type: 'simple-json' })
  elections: object[];

  @Column({ name: 'previous_minutes', type: 'simple-json', nullable: true })
  previousMinutes: object | null;

  @Index()
  @Column({ name: 'exempt_paragraph', type: 'integer', nullable: true })
  exemptParagraph: number | null;

  /** The public interest test's outcome as the proper officer recorded it; null when none was. */
  @Column({ name: 'exempt_public_interest_test', type: 'text', nullable: true })
  exemptPublicInterestTest: string | null;

  @Column({ type: 'integer' })
  version: number;
}
