import type { Resolution, ResolutionResource } from '@scrutineer/domain';
import type { ResolutionEntity } from './resolution.entity.js';

export const toDomain = (entity: ResolutionEntity): Resolution => entity.body as Resolution;

/** A resolution is written with its minute: its version is the minute's. */
export const toResponse = (
  entity: ResolutionEntity,
  minute: { readonly refText: string; readonly version: number },
): ResolutionResource => ({
  id: entity.id,
  meetingId: entity.meetingId,
  minuteId: entity.minuteId,
  minuteRef: minute.refText,
  resolution: toDomain(entity),
  version: minute.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
