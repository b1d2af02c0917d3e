import type { MeetingDocument } from '@scrutineer/domain';
import { bearer, type TestApp } from './test-app.js';

/** A meeting of the seeded sample council, exported as a document (clerk view: exempt content included). */
export const exportMeeting = async (t: TestApp, id: string): Promise<MeetingDocument> => {
  const response = await t
    .http()
    .get(`/api/v1/meetings/${id}/document`)
    .set(bearer(t.tokens.clerk))
    .expect(200);
  return response.body as MeetingDocument;
};

/** A copy of a document under a new meeting id (JSON round trip, so it can be edited freely). */
export const withMeetingId = (document: MeetingDocument, id: string): MeetingDocument => {
  const copy = JSON.parse(JSON.stringify(document)) as { meeting: { id: string } };
  copy.meeting.id = id;
  return copy as unknown as MeetingDocument;
};

export const SAMPLE = {
  stockportJune2021: 'stockport-cfsc-2021-06-16',
  stockportNovember2021: 'stockport-cfsc-2021-11-24',
  stockportMarch2022: 'stockport-cfsc-2022-03-09',
  westSussexNovember2021: 'west-sussex-cypssc-2021-11-17',
  flintshireJanuary2022: 'flintshire-cros-2022-01-13',
  committee: 'stockport-cfsc',
} as const;
