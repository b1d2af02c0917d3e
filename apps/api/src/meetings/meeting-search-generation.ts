import {
  type EntitySubscriberInterface,
  EventSubscriber,
  type InsertEvent,
  type RemoveEvent,
  type UpdateEvent,
} from 'typeorm';
import { invalidateGeneration } from '../database/data-generations.js';
import { MeetingEntity } from './meeting.entity.js';

/*
 * What makes a cached search page stale: the index's entries (every write that changes them goes
 * through reindexMeeting, which marks it) and the meeting rows a search filters on (committee,
 * date, and whether the public may see it: agenda published or held), which meeting writes change
 * without reindexing. Both replace the `search` generation's token just before their COMMIT.
 */

/** Marks the `search` generation changed by a write of a meeting row (insert, update, delete). */
@EventSubscriber()
export class SearchGenerationSubscriber implements EntitySubscriberInterface<MeetingEntity> {
  listenTo(): typeof MeetingEntity {
    return MeetingEntity;
  }

  afterInsert(event: InsertEvent<MeetingEntity>): Promise<void> {
    return invalidateGeneration(event.manager, 'search');
  }

  afterUpdate(event: UpdateEvent<MeetingEntity>): Promise<void> {
    return invalidateGeneration(event.manager, 'search');
  }

  afterRemove(event: RemoveEvent<MeetingEntity>): Promise<void> {
    return invalidateGeneration(event.manager, 'search');
  }
}
