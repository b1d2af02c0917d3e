import type { AuditEventEntity } from './audit-event.entity.js';
import type { AuditEventResponseDto } from './dto/audit-event.dto.js';

export const toResponse = (entity: AuditEventEntity): AuditEventResponseDto => ({
  id: entity.id,
  at: entity.at,
  actorName: entity.actorName,
  actorRole: entity.actorRole,
  entity: entity.entity,
  entityId: entity.entityId,
  action: entity.action,
  changes: entity.changes,
  requestId: entity.requestId,
});
