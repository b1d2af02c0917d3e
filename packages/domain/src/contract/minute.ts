/** The minutes resources: `/api/v1/minutes`, `/api/v1/minutes/{id}/motions` and `/api/v1/meetings/{meetingId}/minutes`. */
import { LocalDate, LocalTime } from '../model/time.js';
import { Minute, MinutesOfMeeting, MinutesStatus, Motion } from '../model/minutes.js';
import { Closed, LIMITS, List, Nullable, ReadOnly, Text, Type, type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, Resource } from './common.js';

/** A meeting's id as the API stores it (`stockport-cfsc-2021-12-13`). */
export const MeetingIdText = (
  description = 'The meeting’s id, e.g. `stockport-cfsc-2021-12-13`.',
) => Text({ maxLength: 200, description });

/** An id the server gave a minute, motion, action or resolution when it was written. */
export const AssignedId = (description: string) => ReadOnly(Text({ maxLength: 36, description }));

export const MinuteResource = Resource(
  'MinuteResource',
  {
    id: AssignedId('The minute’s id, assigned when it is written.'),
    meetingId: ReadOnly(MeetingIdText('The meeting it minutes.')),
    ...Minute.properties,
    isWithheld: ReadOnly(
      Type.Boolean({
        description:
          'True when the minute is exempt and its content is withheld from you: only its reference, title and paragraph are shown.',
      }),
    ),
  },
  'A minute as stored. Send it back to replace it (PUT): the server’s fields are ignored.',
);
export type MinuteResource = Shape<typeof MinuteResource>;

export const MinutePage = Page(MinuteResource);
export type MinutePage = Shape<typeof MinutePage>;

/** The sort fields of `GET /minutes`: the service's `SORTABLE` keys. */
export const MINUTE_SORT_FIELDS = ['ref', 'takenOrder'] as const;

export const MinuteQuery = ListQuery(MINUTE_SORT_FIELDS, {
  meetingId: Type.Optional(MeetingIdText('Only minutes of this meeting.')),
});
export type MinuteQuery = Shape<typeof MinuteQuery>;

export const MinuteParams = IdParam('id', 'The minute’s id.');
export const MeetingMinutesParams = Closed({ meetingId: MeetingIdText() });

/** The query of a minute's motions: a page of them, in the order they were put (no sort). */
const { limit, offset, updatedSince } = ListQuery(['position'] as const, {}).properties;
export const MotionQuery = Closed({ limit, offset, updatedSince });
export type MotionQuery = Shape<typeof MotionQuery>;

export const MotionPage = Page(Motion);
export type MotionPage = Shape<typeof MotionPage>;

/** A meeting's minutes as a whole: their status and every minute in order. */
export const MinutesOfMeetingResource = Resource(
  'MinutesOfMeetingResource',
  {
    meetingId: ReadOnly(MeetingIdText('The meeting minuted.')),
    status: ReadOnly(MinutesStatus),
    approvedOn: ReadOnly(MinutesOfMeeting.properties.approvedOn),
    closedAt: MinutesOfMeeting.properties.closedAt,
    minutes: ReadOnly(List(MinuteResource, { maxItems: LIMITS.longList })),
  },
  'A meeting’s minutes: status, when approved, when the meeting closed and every minute in order (exempt ones withheld from the public). `version`, `createdAt` and `updatedAt` are the meeting’s: send the version in If-Match to change the minutes’ status.',
);
export type MinutesOfMeetingResource = Shape<typeof MinutesOfMeetingResource>;

/** Starts the draft minutes (an empty body) or sets when the meeting closed. */
export const MinutesOfMeetingPatch = Closed(
  {
    closedAt: Type.Optional(
      Nullable(LocalTime, { description: 'When the meeting closed (HH:MM), or null.' }),
    ),
  },
  {
    title: 'MinutesOfMeetingPatch',
    description: 'An empty body starts the draft minutes; `closedAt` sets when the meeting closed.',
  },
);
export type MinutesOfMeetingPatch = Shape<typeof MinutesOfMeetingPatch>;

export const MinutesApproval = Closed(
  {
    approvedOn: LocalDate,
  },
  {
    title: 'MinutesApproval',
    description:
      'The date of the later meeting that approved the minutes as a correct record (YYYY-MM-DD).',
  },
);
export type MinutesApproval = Shape<typeof MinutesApproval>;

export { Minute as MinuteInput };
