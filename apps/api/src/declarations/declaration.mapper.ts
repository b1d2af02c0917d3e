import { randomUUID } from 'node:crypto';
import type { Declaration, InterestKind, MemberId } from '@scrutineer/domain';
import { DeclarationEntity } from './declaration.entity.js';
import type { DeclarationResponseDto } from './dto/declaration.dto.js';

export const toDomain = (entity: DeclarationEntity): Declaration => ({
  member: { name: entity.memberName, memberId: entity.memberId as MemberId | null },
  about: entity.about as Declaration['about'],
  interest: entity.interest as InterestKind,
  nature: entity.nature,
  withdrew: entity.withdrew as Declaration['withdrew'],
});

export const toPersistence = (
  declaration: Declaration,
  meetingId: string,
  position: number,
  id: string = randomUUID(),
  version = 1,
): DeclarationEntity =>
  Object.assign(new DeclarationEntity(), {
    id,
    meetingId,
    position,
    memberName: declaration.member.name,
    memberId: declaration.member.memberId,
    about: declaration.about,
    interest: declaration.interest,
    nature: declaration.nature,
    withdrew: declaration.withdrew,
    version,
  });

export const toResponse = (entity: DeclarationEntity): DeclarationResponseDto => ({
  id: entity.id,
  meetingId: entity.meetingId,
  member: { name: entity.memberName, memberId: entity.memberId },
  about: entity.about,
  interest: entity.interest,
  nature: entity.nature,
  withdrew: entity.withdrew,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
