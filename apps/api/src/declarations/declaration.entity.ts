import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

@Entity({ name: 'declarations' })
export class DeclarationEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ name: 'meeting_id', type: 'varchar', length: 200 })
  meetingId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'member_name', type: 'varchar', length: 200 })
  memberName: string;

  @Index()
  @Column({ name: 'member_id', type: 'varchar', length: 200, nullable: true })
  memberId: string | null;

  /** Declaration['about'] as JSON. */
  @Column({ type: 'simple-json' })
  about: object | null;

  /** The first kind declared (for sorting); every kind is in `interests`. */
  @Index()
  @Column({ type: 'varchar', length: 30 })
  interest: string;

  /** Every kind declared, as a JSON list (`["personal","prejudicial"]`). */
  @Column({ type: 'simple-json' })
  interests: string[];

  @Column({ type: 'text' })
  nature: string;

  /** Maybe<boolean> as JSON. */
  @Column({ type: 'simple-json' })
  withdrew: boolean | object;

  @Column({ type: 'integer' })
  version: number;
}
