import type { Resolution } from '@scrutineer/domain';
import type { ResolutionResponseDto } from './dto/resolution.dto.js';
import type { ResolutionEntity } from './resolution.entity.js';

export const toDomain = (entity: ResolutionEntity): Resolution => entity.body as Resolution;

export const toResponse = (entity: ResolutionEntity, minuteRef: string): ResolutionResponseDto => ({
  id: entity.id,
  meetingId: entity.meetingId,
  minuteId: entity.minuteId,
  minuteRef,
  resolution: entity.body,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
