import type { Action } from '@scrutineer/domain';
import { toDateString } from '../common/values.js';
import { actionToDomain } from '../minutes/minute.mapper.js';
import type { ActionEntity } from './action.entity.js';
import type { ActionResponseDto } from './dto/action.dto.js';

export const toDomain = (entity: ActionEntity): Action => actionToDomain(entity);

export const toResponse = (entity: ActionEntity): ActionResponseDto => ({
  id: entity.id,
  meetingId: entity.meetingId,
  minuteId: entity.minuteId,
  text: entity.text,
  owner: entity.owner,
  due: toDateString(entity.due),
  status: entity.status,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
