import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

/** The resolution of a minute (at most one per minute). */
@Entity({ name: 'resolutions' })
export class ResolutionEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ name: 'minute_id', type: 'varchar', length: 36 })
  minuteId: string;

  @Index()
  @Column({ name: 'meeting_id', type: 'varchar', length: 200 })
  meetingId: string;

  /** Resolution as JSON (single sentence or list, verbatim). */
  @Column({ type: 'simple-json' })
  body: object | null;

  @Column({ name: 'is_exempt', type: 'boolean' })
  isExempt: boolean;
}
