/** The meetings resource: `/api/v1/meetings`, its agenda publication and its attendance. */
import { CommitteeId } from '../model/people.js';
import { Attendance, Meeting, type MeetingId, MeetingStatus } from '../model/meeting.js';
import { MINUTES_STATUSES } from '../model/minutes.js';
import {
  Closed,
  List,
  Nullable,
  ReadOnly,
  StringEnum,
  Text,
  Type,
  type Shape,
} from '../schema/kit.js';
import { AgendaItemResource } from './agenda-item.js';
import { ListQuery, Page, PatchOf, Resource, SERVER_FIELDS } from './common.js';

const meetingFields = {
  ...Meeting.properties,
  id: ReadOnly(Meeting.properties.id),
  agendaPublishedAt: ReadOnly(Meeting.properties.agendaPublishedAt),
  committeeName: ReadOnly(Text({ minLength: 0, description: 'The committee’s name.' })),
  minutesStatus: ReadOnly(
    Nullable(StringEnum(MINUTES_STATUSES), {
      description:
        '`draft`, `approved`, `unknown` (a historic record that does not say), or null before the meeting is minuted.',
    }),
  ),
};

export const MeetingResource = Resource(
  'MeetingResource',
  meetingFields,
  'A meeting as stored: the domain’s Meeting, its committee’s name, its minutes’ status and the server’s version and timestamps.',
);
export type MeetingResource = Shape<typeof MeetingResource>;

/** A meeting with its agenda in published order (exempt items withheld from the public). */
export const MeetingDetail = Resource(
  'MeetingDetail',
  {
    ...meetingFields,
    agendaItems: ReadOnly(
      List(AgendaItemResource, { maxItems: 500, description: 'The agenda in published order.' }),
    ),
  },
  'A meeting with its agenda in published order; exempt items show only number, title and paragraph to the public.',
);
export type MeetingDetail = Shape<typeof MeetingDetail>;

export const MeetingPage = Page(MeetingResource);
export type MeetingPage = Shape<typeof MeetingPage>;

/** The sort fields of the meetings list (as the service's parseSort allows). */
export const MEETING_SORT_FIELDS = ['date', 'status', 'committeeId'] as const;

export const MeetingQuery = ListQuery(MEETING_SORT_FIELDS, {
  committeeId: Type.Optional(CommitteeId),
  from: Type.Optional(
    Type.String({ format: 'date', description: 'Meetings on or after this date (YYYY-MM-DD).' }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date', description: 'Meetings on or before this date (YYYY-MM-DD).' }),
  ),
  status: Type.Optional(MeetingStatus),
});
export type MeetingQuery = Shape<typeof MeetingQuery>;

/** The body that schedules a meeting: its status and publication are the server's. */
export const MeetingInput = Closed(
  {
    id: Type.Optional(
      Type.Unsafe<MeetingId>(
        Type.String({
          pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$',
          description: 'A stable id (letters, digits, `.`, `_`, `-`); generated when omitted.',
          examples: ['stockport-cfsc-2022-03-14'],
        }),
      ),
    ),
    committeeId: Meeting.properties.committeeId,
    date: Meeting.properties.date,
    startTime: Type.Optional(Meeting.properties.startTime),
    venue: Type.Optional(Meeting.properties.venue),
  },
  { title: 'MeetingInput', description: 'A meeting to schedule.' },
);
export type MeetingInput = Shape<typeof MeetingInput>;

export const MEETING_PATCH_STATUSES = ['held', 'cancelled'] as const;
export const DECLARATIONS_RECORDED = ['not-recorded', 'none-made', 'made-unnamed'] as const;

export const MeetingPatch = PatchOf('MeetingPatch', {
  date: Meeting.properties.date,
  startTime: Meeting.properties.startTime,
  venue: Meeting.properties.venue,
  status: StringEnum(MEETING_PATCH_STATUSES, {
    description:
      'Only `held` or `cancelled`; the agenda is published with POST …/agenda/publication.',
  }),
  declarations: StringEnum(DECLARATIONS_RECORDED, {
    description:
      'Whether declarations were recorded when none were made (`none-made`), made without the names recorded (`made-unnamed`; the items they were about come with an imported document), or not recorded at all.',
  }),
});
export type MeetingPatch = Shape<typeof MeetingPatch>;

// AgendaPublication (POST …/agenda/publication) is in publication-check.ts, with its warnings.

/** A meeting's attendance with the meeting's version (send it back in If-Match to change it). */
export const MeetingAttendance = Closed(
  { attendance: Attendance, version: SERVER_FIELDS.version },
  { title: 'MeetingAttendance' },
);
export type MeetingAttendance = Shape<typeof MeetingAttendance>;

export const MeetingParams = Closed({
  id: Text({ maxLength: 200, description: 'The meeting’s id, e.g. `stockport-cfsc-2021-12-13`.' }),
});

export const EDITIONS = ['public', 'confidential'] as const;
export type Edition = (typeof EDITIONS)[number];

/** `?edition=` of the agenda pack and of a meeting's dataset. */
export const EditionQuery = Closed({
  edition: Type.Optional(
    StringEnum(EDITIONS, {
      default: 'public',
      description:
        '`public` (exempt items and appendices replaced by notices) or `confidential` (clerks and members only).',
    }),
  ),
});
export type EditionQuery = Shape<typeof EditionQuery>;

export const ReportParams = Closed({
  id: Text({
    maxLength: 200,
    description: 'The performance report’s id (as in /performance-reports).',
  }),
});
