/** The actions resource: `/api/v1/actions` (minuted with their minute; tracked here). */
import { Action, ActionStatus } from '../model/minutes.js';
import { LocalDate } from '../model/time.js';
import { BrandedString, LIMITS, ReadOnly, Text, Type, type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, PatchOf, Resource } from './common.js';
import { AssignedId, MeetingIdText } from './minute.js';

export const ActionResource = Resource(
  'ActionResource',
  {
    id: AssignedId('The action’s id, assigned when its minute is written.'),
    meetingId: ReadOnly(MeetingIdText('The meeting that minuted it.')),
    minuteId: AssignedId('The minute it was minuted under.'),
    text: ReadOnly(
      Text({
        maxLength: LIMITS.paragraph,
        description: 'As minuted; it changes with its minute, not here.',
      }),
    ),
    owner: Action.properties.owner,
    due: Action.properties.due,
    status: Action.properties.status,
  },
  'An action minuted at a meeting, tracked afterwards (its status, owner and due date).',
);
export type ActionResource = Shape<typeof ActionResource>;

export const ActionPage = Page(ActionResource);
export type ActionPage = Shape<typeof ActionPage>;

/** Follow-up after the meeting: the status, owner or due date. A GET body may be sent back as is. */
export const ActionPatch = PatchOf('ActionPatch', ActionResource.properties);
export type ActionPatch = Shape<typeof ActionPatch>;

/** The sort fields of `GET /actions`: the service's `SORTABLE` keys. */
export const ACTION_SORT_FIELDS = ['due', 'status', 'owner'] as const;

export const ActionQuery = ListQuery(ACTION_SORT_FIELDS, {
  meetingId: Type.Optional(MeetingIdText('Only actions of this meeting.')),
  status: Type.Optional(ActionStatus),
  owner: Type.Optional(Text({ description: 'Only actions owned by exactly this owner.' })),
  dueBefore: Type.Optional(
    BrandedString<LocalDate>({
      format: 'date',
      pattern: String(LocalDate.pattern),
      description: 'Only actions due on or before this date (YYYY-MM-DD).',
    }),
  ),
});
export type ActionQuery = Shape<typeof ActionQuery>;

export const ActionParams = IdParam('id', 'The action’s id.');
