import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

@Entity({ name: 'committees' })
export class CommitteeEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Index()
  @Column({ name: 'authority_id', type: 'varchar', length: 200 })
  authorityId: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Its purpose (terms of reference); as wide as the domain's COMMITTEE_PURPOSE_MAX_LENGTH. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  purpose: string | null;

  /** OfficerContact | null as JSON. */
  @Column({ type: 'simple-json', nullable: true })
  clerk: object | null;

  @Column({ name: 'portfolio_codes', type: 'simple-json' })
  portfolioCodes: string[];

  @Column({ type: 'integer' })
  version: number;
}
