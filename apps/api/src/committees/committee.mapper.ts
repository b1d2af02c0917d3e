import { randomUUID } from 'node:crypto';
import type {
  AuthorityId,
  Committee,
  CommitteeId,
  CommitteeMembership,
  CommitteeResource,
  CommitteeRole,
  CommitteeSeat,
  LocalDate,
  MemberId,
  OfficerContact,
  PortfolioCode,
} from '@scrutineer/domain';
import { CommitteeMembershipEntity } from './committee-membership.entity.js';
import { CommitteeEntity } from './committee.entity.js';

const byPosition = (seats: readonly CommitteeMembershipEntity[]) =>
  [...seats].sort((a, b) => a.position - b.position);

/** A stored period in the domain's shape; no member name is a vacancy. */
const membershipOf = (seat: CommitteeMembershipEntity): CommitteeMembership => ({
  member:
    seat.memberName === null
      ? null
      : { name: seat.memberName, memberId: seat.memberId as MemberId | null },
  role: seat.role as CommitteeRole,
  from: seat.fromDate as LocalDate | null,
  to: seat.toDate as LocalDate | null,
});

export const toDomain = (
  entity: CommitteeEntity,
  seats: readonly CommitteeMembershipEntity[],
): Committee => ({
  id: entity.id as CommitteeId,
  authorityId: entity.authorityId as AuthorityId,
  name: entity.name,
  memberships: byPosition(seats).map(membershipOf),
  clerk: entity.clerk as OfficerContact | null,
  portfolioCodes: entity.portfolioCodes as PortfolioCode[],
});

export const seatToPersistence = (
  membership: CommitteeMembership,
  committeeId: string,
  position: number,
): CommitteeMembershipEntity =>
  Object.assign(new CommitteeMembershipEntity(), {
    id: randomUUID(),
    committeeId,
    position,
    memberName: membership.member?.name ?? null,
    memberId: membership.member?.memberId ?? null,
    role: membership.role,
    fromDate: membership.from,
    toDate: membership.to,
  });

export const toPersistence = (
  committee: Committee,
  version = 1,
): { committee: CommitteeEntity; seats: CommitteeMembershipEntity[] } => ({
  committee: Object.assign(new CommitteeEntity(), {
    id: committee.id,
    authorityId: committee.authorityId,
    name: committee.name,
    clerk: committee.clerk,
    portfolioCodes: [...committee.portfolioCodes],
    version,
  }),
  seats: committee.memberships.map((m, index) => seatToPersistence(m, committee.id, index + 1)),
});

export const seatToResponse = (seat: CommitteeMembershipEntity): CommitteeSeat => ({
  id: seat.id,
  ...membershipOf(seat),
});

export const toResponse = (
  entity: CommitteeEntity,
  seats: readonly CommitteeMembershipEntity[],
): CommitteeResource => ({
  ...toDomain(entity, []),
  memberships: byPosition(seats).map(seatToResponse),
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
