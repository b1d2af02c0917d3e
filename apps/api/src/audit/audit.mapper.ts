import type { AuditEvent } from '@scrutineer/domain';
import type { AuditEventEntity } from './audit-event.entity.js';

export const toResponse = (entity: AuditEventEntity): AuditEvent => ({
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
