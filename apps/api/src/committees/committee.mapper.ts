import { randomUUID } from 'node:crypto';
import type {
  AuthorityId,
  Committee,
  CommitteeId,
  CommitteeMembership,
  CommitteeRole,
  MemberId,
  OfficerContact,
  PortfolioCode,
} from '@scrutineer/domain';
import { CommitteeMembershipEntity } from './committee-membership.entity.js';
import { CommitteeEntity } from './committee.entity.js';
import type { CommitteeMemberResponseDto, CommitteeResponseDto } from './dto/committee.dto.js';

const byPosition = (seats: readonly CommitteeMembershipEntity[]) =>
  [...seats].sort((a, b) => a.position - b.position);

export const toDomain = (
  entity: CommitteeEntity,
  seats: readonly CommitteeMembershipEntity[],
): Committee => ({
  id: entity.id as CommitteeId,
  authorityId: entity.authorityId as AuthorityId,
  name: entity.name,
  memberships: byPosition(seats).map((seat) => ({
    member: { name: seat.memberName, memberId: seat.memberId as MemberId | null },
    role: seat.role as CommitteeRole,
  })),
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
    memberName: membership.member.name,
    memberId: membership.member.memberId,
    role: membership.role,
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

export const seatToResponse = (seat: CommitteeMembershipEntity): CommitteeMemberResponseDto => ({
  id: seat.id,
  member: { name: seat.memberName, memberId: seat.memberId },
  role: seat.role,
});

export const toResponse = (
  entity: CommitteeEntity,
  seats: readonly CommitteeMembershipEntity[],
): CommitteeResponseDto => ({
  id: entity.id,
  authorityId: entity.authorityId,
  name: entity.name,
  members: byPosition(seats).map(seatToResponse),
  clerk: entity.clerk,
  portfolioCodes: entity.portfolioCodes,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
