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

/**
 * The committee in the domain's shape. An unset purpose is left out (stored null = absent, as
 * ADR013 does for optional fields), so a data set exported from a committee without one reads as
 * it did before the field; the resource (`toResponse`) always carries it, null when unset.
 */
export const toDomain = (
  entity: CommitteeEntity,
  seats: readonly CommitteeMembershipEntity[],
): Committee => ({
  id: entity.id as CommitteeId,
  authorityId: entity.authorityId as AuthorityId,
  name: entity.name,
  ...(entity.purpose === null ? {} : { purpose: entity.purpose }),
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

/**
 * The committee with its optional fields filled as stored: a replace that leaves out `purpose`
 * (a client or data file from before it) clears it, rather than being read as no change.
 */
export const asStored = (committee: Committee): Committee => ({
  ...committee,
  purpose: committee.purpose ?? null,
});

export const toPersistence = (
  committee: Committee,
  version = 1,
): { committee: CommitteeEntity; seats: CommitteeMembershipEntity[] } => ({
  committee: Object.assign(new CommitteeEntity(), {
    id: committee.id,
    authorityId: committee.authorityId,
    name: committee.name,
    purpose: asStored(committee).purpose,
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
  purpose: entity.purpose,
  memberships: byPosition(seats).map(seatToResponse),
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
