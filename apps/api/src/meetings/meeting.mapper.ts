import type {
  Attendance,
  CommitteeId,
  Declarations,
  Instant,
  LocalDate,
  LocalTime,
  Meeting,
  MeetingId,
  MeetingResource,
  MeetingStatus,
} from '@scrutineer/domain';
import { toDateString } from '../common/values.js';
import { nowInstant } from '../common/versioned-row.js';
import { MeetingEntity } from './meeting.entity.js';

export const toDomain = (entity: MeetingEntity): Meeting => ({
  id: entity.id as MeetingId,
  committeeId: entity.committeeId as CommitteeId,
  date: toDateString(entity.date) as LocalDate,
  startTime: entity.startTime as LocalTime | null,
  venue: entity.venue,
  status: entity.status as MeetingStatus,
  agendaPublishedAt: entity.agendaPublishedAt as Instant | null,
});

/** The meeting row; minutes and declarations are summarised on it (their rows live elsewhere). */
export const toPersistence = (
  meeting: Meeting,
  extras: {
    readonly attendance: Attendance;
    readonly declarations: Declarations['kind'];
    /** For `made-unnamed`: the items the declarations were about. */
    readonly declarationItemNumbers?: readonly string[];
    readonly minutes: { status: string; approvedOn: string | null; closedAt: string | null } | null;
  },
  version = 1,
): MeetingEntity =>
  Object.assign(new MeetingEntity(), {
    id: meeting.id,
    committeeId: meeting.committeeId,
    date: meeting.date,
    startTime: meeting.startTime,
    venue: meeting.venue,
    status: meeting.status,
    agendaPublishedAt: meeting.agendaPublishedAt,
    attendance: extras.attendance,
    declarationsKind: extras.declarations,
    declarationsItemNumbers:
      extras.declarations === 'made-unnamed' ? [...(extras.declarationItemNumbers ?? [])] : null,
    minutesStatus: extras.minutes?.status ?? null,
    minutesApprovedOn: extras.minutes?.approvedOn ?? null,
    minutesClosedAt: extras.minutes?.closedAt ?? null,
    // Written with the meeting (seeded or imported whole): readable from now on.
    minutesPublishedAt: extras.minutes === null ? null : nowInstant(),
    version,
  });

export const toResponse = (entity: MeetingEntity, committeeName: string): MeetingResource => ({
  ...toDomain(entity),
  committeeName,
  minutesStatus: entity.minutesStatus as MeetingResource['minutesStatus'],
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
