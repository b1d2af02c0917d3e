/** The imports resource: `POST /api/v1/imports/meetings` takes a MeetingDocument. */
import { MeetingId } from '../model/meeting.js';
import { Closed, Type, type Shape } from '../schema/kit.js';

const count = (what: string) =>
  Type.Integer({ minimum: 0, description: `How many ${what} were written.` });

export const MeetingImportResult = Closed(
  {
    meetingId: MeetingId,
    agendaItems: count('agenda items'),
    declarations: count('declarations'),
    minutes: count('minutes'),
  },
  { title: 'MeetingImportResult', description: 'What one meeting document’s import wrote.' },
);
export type MeetingImportResult = Shape<typeof MeetingImportResult>;
