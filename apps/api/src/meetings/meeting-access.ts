import { assertMinutesEditable, type LocalDate, type MinutesStatus } from '@scrutineer/domain';
import type { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { type Caller, canReadUnpublished } from '../auth/caller.js';
import { notFound } from '../common/problem.js';
import { toDateString } from '../common/values.js';
import { MeetingEntity } from './meeting.entity.js';

/**
 * What the public may read: a meeting whose agenda has been published, or that has been held
 * (the sample council's past meetings). `alias` is the meetings alias in the query.
 */
export const PUBLISHED_MEETING = (alias: string): string =>
  `(${alias}.agendaPublishedAt IS NOT NULL OR ${alias}.status = 'held')`;

export const isPublishedMeeting = (meeting: MeetingEntity): boolean =>
  meeting.agendaPublishedAt !== null || meeting.status === 'held';

/** Restricts a query joined to meetings (as `alias`) to what the caller may read. */
export const onlyVisibleMeetings = <T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  alias: string,
  caller: Caller,
): SelectQueryBuilder<T> =>
  canReadUnpublished(caller) ? builder : builder.andWhere(PUBLISHED_MEETING(alias));

/** The meeting if the caller may read it; otherwise 404, so unpublished meetings do not even show they exist. */
export const findVisibleMeeting = async (
  manager: EntityManager,
  id: string,
  caller: Caller,
): Promise<MeetingEntity> => {
  const meeting = await manager.findOne(MeetingEntity, { where: { id } });
  if (meeting === null || (!canReadUnpublished(caller) && !isPublishedMeeting(meeting)))
    throw notFound('meeting', id);
  return meeting;
};

/**
 * Approved minutes are the signed record: nothing minuted at the meeting (minutes, motions,
 * actions' text, resolutions, declarations) changes after approval.
 */
export const assertMinutesOpen = async (
  manager: EntityManager,
  meetingId: string,
): Promise<MeetingEntity> => {
  const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId } });
  if (meeting === null) throw notFound('meeting', meetingId);
  if (meeting.minutesStatus !== null) {
    assertMinutesEditable({
      status: meeting.minutesStatus as MinutesStatus,
      approvedOn: toDateString(meeting.minutesApprovedOn) as LocalDate | null,
    });
  }
  return meeting;
};
