import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

/** A performance or finance officer a portfolio's reports name as a contact. */
@Entity({ name: 'officer_contacts' })
@Index(['portfolioCode', 'name'])
export class OfficerContactEntity extends VersionedRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'portfolio_code', type: 'varchar', length: 16 })
  portfolioCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  role: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** As printed, e.g. `0161 474 3186`; not normalised. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  /** Optimistic concurrency: bumped by every change; callers send it back in If-Match. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
