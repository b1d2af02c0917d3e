import {
  type EntitySubscriberInterface,
  EventSubscriber,
  type InsertEvent,
  type RemoveEvent,
  type UpdateEvent,
} from 'typeorm';
import { AgendaItemEntity } from '../agenda-items/agenda-item.entity.js';
import { ItemDocumentEntity } from '../agenda-items/item-document.entity.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { invalidateGeneration } from './data-generations.js';

/*
 * What makes a kept `GET /meetings/:id` answer stale (meetings.service.ts): a write of any row it
 * is built from. The meeting, its committee (the name it shows), its agenda items and their
 * documents are written through their entities, which this watches (an insert, an update or a
 * delete, by entity or by query builder); the stored files' facts a file document shows (media
 * type, checks) are written by DatabaseFileStore.put, which marks the area itself. Each replaces
 * the `meetings` generation's token just before its COMMIT (data-generations.ts).
 */
const SHOWN_IN_A_MEETING: readonly unknown[] = [
  MeetingEntity,
  CommitteeEntity,
  AgendaItemEntity,
  ItemDocumentEntity,
];

type Event = InsertEvent<unknown> | UpdateEvent<unknown> | RemoveEvent<unknown>;

const marked = (event: Event): Promise<void> =>
  SHOWN_IN_A_MEETING.includes(event.metadata.target)
    ? invalidateGeneration(event.manager, 'meetings')
    : Promise.resolve();

/** Marks the `meetings` generation changed by a write of a row a meeting's answer shows. */
@EventSubscriber()
export class MeetingReadGenerationSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): Promise<void> {
    return marked(event);
  }

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return marked(event);
  }

  afterRemove(event: RemoveEvent<unknown>): Promise<void> {
    return marked(event);
  }
}
