import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ApiTokenEntity } from '../tokens/api-token.entity.js';

/** Every TypeORM entity of the app. Each feature module registers its own with `forFeature`; add it here too. */
export const entities = [ApiTokenEntity, AuditEventEntity];
