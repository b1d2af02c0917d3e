/** The audit trail: `/api/v1/audit-events`. */
import { Closed, LIMITS, MapOf, Nullable, Text, Type, type Shape } from '../schema/kit.js';
import { ListQuery, Page } from './common.js';

/** Any JSON value a changed field held (a text, number, list, object or null). */
const FieldValue = Type.Unsafe<unknown>({
  description: 'A value as the resource held it: any JSON value.',
});

export const AuditEvent = Closed(
  {
    id: Text({ maxLength: 36, description: 'The event’s id.' }),
    at: Type.String({ format: 'date-time', description: 'When the write happened (UTC).' }),
    actorName: Text({ maxLength: LIMITS.name, description: 'Who: the token’s name.' }),
    actorRole: Text({ maxLength: 20, description: 'The token’s role.' }),
    entity: Text({ maxLength: 60, description: 'The kind of resource, e.g. `meeting`.' }),
    entityId: Text({ maxLength: 200, description: 'The resource’s id.' }),
    action: Text({
      maxLength: 40,
      description: '`create`, `update`, `delete` or a lifecycle verb such as `publish-agenda`.',
    }),
    changes: MapOf(FieldValue, {
      maxProperties: 1_000,
      description:
        'What changed, by field: `{ field: { from, to } }` for an update, the record’s fields for a create or delete.',
    }),
    requestId: Nullable(Text({ maxLength: 100, description: 'The request that made the write.' })),
  },
  {
    title: 'AuditEvent',
    description: 'One write: who made it, when, to what, and what changed. Never changed.',
  },
);
export type AuditEvent = Shape<typeof AuditEvent>;

export const AuditEventPage = Page(AuditEvent);
export type AuditEventPage = Shape<typeof AuditEventPage>;

/** `updatedSince` is when the event happened (`at`): an event never changes. */
export const AuditEventQuery = ListQuery(['at'] as const, {
  entity: Type.Optional(
    Text({ maxLength: 60, description: 'Only events about this kind of resource.' }),
  ),
  entityId: Type.Optional(
    Text({ maxLength: 200, description: 'Only events about this resource id.' }),
  ),
  actor: Type.Optional(
    Text({ maxLength: LIMITS.name, description: 'Only events by this actor (the token’s name).' }),
  ),
});
export type AuditEventQuery = Shape<typeof AuditEventQuery>;
