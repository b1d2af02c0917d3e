import type { Action, ActionResource } from '@scrutineer/domain';
import { actionToDomain } from '../minutes/minute.mapper.js';
import type { ActionEntity } from './action.entity.js';

export const toDomain = (entity: ActionEntity): Action => actionToDomain(entity);

export const toResponse = (entity: ActionEntity): ActionResource => ({
  id: entity.id,
  meetingId: entity.meetingId,
  minuteId: entity.minuteId,
  ...toDomain(entity),
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
