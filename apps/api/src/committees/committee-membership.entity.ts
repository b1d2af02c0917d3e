import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A membership period of a committee (a seat held in a role from one day to another, both
 * included); the committee's version changes with its memberships. No member name: a vacancy.
 */
@Entity({ name: 'committee_memberships' })
export class CommitteeMembershipEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ name: 'committee_id', type: 'varchar', length: 200 })
  committeeId: string;

  /** Order as listed (chair first). */
  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'member_name', type: 'varchar', length: 200, nullable: true })
  memberName: string | null;

  @Index()
  @Column({ name: 'member_id', type: 'varchar', length: 200, nullable: true })
  memberId: string | null;

  @Column({ type: 'varchar', length: 20 })
  role: string;

  /** The first day (included); null when the source gives no start. */
  @Column({ name: 'from_date', type: 'date', nullable: true })
  fromDate: string | null;

  /** The last day (included); null while the period continues. */
  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;
}
