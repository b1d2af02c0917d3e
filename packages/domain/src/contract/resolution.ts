/** The resolutions resource: `/api/v1/resolutions` (written with their minute; read here). */
import { Resolution } from '../model/minutes.js';
import { ReadOnly, Text, Type, type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, Resource } from './common.js';
import { AssignedId, MeetingIdText } from './minute.js';

export const ResolutionResource = Resource(
  'ResolutionResource',
  {
    id: AssignedId('The resolution’s id, assigned when its minute is written.'),
    meetingId: ReadOnly(MeetingIdText('The meeting that resolved it.')),
    minuteId: AssignedId('The minute it belongs to.'),
    minuteRef: ReadOnly(
      Text({ maxLength: 30, description: 'The minute’s reference as printed, e.g. `33`.' }),
    ),
    resolution: Resolution,
  },
  'A resolution, verbatim, with the minute it was made under. Written with its minute.',
);
export type ResolutionResource = Shape<typeof ResolutionResource>;

export const ResolutionPage = Page(ResolutionResource);
export type ResolutionPage = Shape<typeof ResolutionPage>;

/** The sort fields of `GET /resolutions`. */
export const RESOLUTION_SORT_FIELDS = ['date'] as const;

export const ResolutionQuery = ListQuery(RESOLUTION_SORT_FIELDS, {
  meetingId: Type.Optional(MeetingIdText('Only resolutions of this meeting.')),
});
export type ResolutionQuery = Shape<typeof ResolutionQuery>;

export const ResolutionParams = IdParam('id', 'The resolution’s id.');
