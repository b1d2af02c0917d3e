import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRow } from '../common/versioned-row.js';

/** A council and its document style. */
@Entity({ name: 'authorities' })
export class AuthorityEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'short_name', type: 'varchar', length: 100 })
  shortName: string;

  @Column({ type: 'varchar', length: 10 })
  region: string;

  /** AuthorityStyle as JSON. */
  @Column({ type: 'simple-json' })
  style: object | null;

  /** LocalDate[] as JSON. */
  @Column({ name: 'closure_days', type: 'simple-json' })
  closureDays: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @Column({ type: 'integer' })
  version: number;
}
