import { randomUUID } from 'node:crypto';
import type {
  Declaration,
  DeclarationResource,
  InterestKind,
  MeetingId,
  MemberId,
} from '@scrutineer/domain';
import { DeclarationEntity } from './declaration.entity.js';

export const toDomain = (entity: DeclarationEntity): Declaration => ({
  member: { name: entity.memberName, memberId: entity.memberId as MemberId | null },
  about: entity.about as Declaration['about'],
  interests: entity.interests as InterestKind[],
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
    interest: declaration.interests[0],
    interests: [...declaration.interests],
    nature: declaration.nature,
    withdrew: declaration.withdrew,
    version,
  });

export const toResponse = (entity: DeclarationEntity): DeclarationResource => ({
  id: entity.id,
  meetingId: entity.meetingId as MeetingId,
  ...toDomain(entity),
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
