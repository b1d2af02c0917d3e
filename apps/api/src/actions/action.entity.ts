import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

/** An action minuted at a meeting; its status is tracked afterwards. */
@Entity({ name: 'actions' })
export class ActionEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ name: 'minute_id', type: 'varchar', length: 36 })
  minuteId: string;

  @Index()
  @Column({ name: 'meeting_id', type: 'varchar', length: 200 })
  meetingId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Index()
  @Column({ type: 'varchar', length: 300, nullable: true })
  owner: string | null;

  @Index()
  @Column({ type: 'date', nullable: true })
  due: string | null;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** Copied from the minute so lists can leave exempt actions out without a join. */
  @Column({ name: 'is_exempt', type: 'boolean' })
  isExempt: boolean;

  @Column({ type: 'integer' })
  version: number;
}
