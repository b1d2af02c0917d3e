import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

@Entity({ name: 'measures' })
export class MeasureEntity extends VersionedRow {
  /** As the council writes it: `CFSE.28`, `CFSE12(ii)`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Index()
  @Column({ name: 'portfolio_code', type: 'varchar', length: 16 })
  portfolioCode: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  unit: string;

  @Column({ type: 'varchar', length: 32 })
  polarity: string;

  @Column({ type: 'varchar', length: 32 })
  frequency: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  @Column({ name: 'priority_number', type: 'integer', nullable: true })
  priorityNumber: number | null;

  @Column({ type: 'integer' })
  decimals: number;

  /** Optimistic concurrency: bumped by every change; callers send it back in If-Match. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
