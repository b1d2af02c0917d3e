import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A seat on a committee; the committee's version changes with its memberships. */
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

  @Column({ name: 'member_name', type: 'varchar', length: 200 })
  memberName: string;

  @Index()
  @Column({ name: 'member_id', type: 'varchar', length: 200, nullable: true })
  memberId: string | null;

  @Column({ type: 'varchar', length: 20 })
  role: string;
}
