import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

/** A Cabinet portfolio (`CFSE`), held by a Cabinet Member and run by its directors. */
@Entity({ name: 'portfolios' })
export class PortfolioEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Index()
  @Column({ name: 'authority_id', type: 'varchar', length: 64 })
  authorityId: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ name: 'cabinet_member_name', type: 'varchar', length: 200, nullable: true })
  cabinetMemberName: string | null;

  @Column({ name: 'cabinet_member_id', type: 'varchar', length: 64, nullable: true })
  cabinetMemberId: string | null;

  @Column({ type: 'simple-json' })
  directors: string[];

  /** Optimistic concurrency: bumped by every change; callers send it back in If-Match. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
