import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

/** A councillor. */
@Entity({ name: 'members' })
export class MemberEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index()
  @Column({ type: 'varchar', length: 100, nullable: true })
  party: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  ward: string | null;

  @Column({ type: 'integer' })
  version: number;
}
