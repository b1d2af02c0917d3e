import type { Member, MemberId } from '@scrutineer/domain';
import type { MemberResponseDto } from './dto/member.dto.js';
import { MemberEntity } from './member.entity.js';

export const toDomain = (entity: MemberEntity): Member => ({
  id: entity.id as MemberId,
  name: entity.name,
  party: entity.party,
  ward: entity.ward,
});

export const toPersistence = (member: Member, version = 1): MemberEntity =>
  Object.assign(new MemberEntity(), {
    id: member.id,
    name: member.name,
    party: member.party,
    ward: member.ward,
    version,
  });

export const toResponse = (entity: MemberEntity): MemberResponseDto => ({
  id: entity.id,
  name: entity.name,
  party: entity.party,
  ward: entity.ward,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
