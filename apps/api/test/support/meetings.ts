// Meetings and agenda items the suites create on top of the seeded sample council.
import { bearer, type TestApp } from './test-app.js';
import { SAMPLE } from './documents.js';

/** A valid report item (number 4) for the sample committee's meetings; fields override it. */
export const reportItem = (overrides: Record<string, unknown> = {}) => ({
  number: '4',
  order: 4,
  kind: 'report',
  title: 'School Place Planning',
  summary: 'To consider a report of the Director of Education.',
  recommendations: {
    lead: 'The Committee is asked to:',
    style: 'lettered',
    items: ['note the report'],
  },
  reportOf: ['Director of Education'],
  contacts: [
    {
      name: 'Jane Example',
      role: 'Head of School Organisation',
      email: 'jane.example@stockport.gov.uk',
      phone: '0161 474 0000',
    },
  ],
  exemption: null,
  documents: [
    {
      title: 'School Place Planning',
      role: 'report',
      exemption: null,
      content: {
        kind: 'sections',
        sections: [{ heading: '1. Introduction', paragraphs: ['1.1 Pupil numbers are rising.'] }],
      },
    },
  ],
  ...overrides,
});

/**
 * Creates a meeting of the sample committee as the clerk (18:00, Committee Room 2; the id and date
 * as given) and returns the created meeting.
 */
export const createMeeting = async (
  t: TestApp,
  fields: { readonly id?: string; readonly date: string },
): Promise<{ id: string; version: number }> => {
  const response = await t
    .http()
    .post('/api/v1/meetings')
    .set(bearer(t.tokens.clerk))
    .send({
      committeeId: SAMPLE.committee,
      startTime: '18:00',
      venue: 'Committee Room 2',
      ...fields,
    })
    .expect(201);
  return response.body as { id: string; version: number };
};

/** Publishes a meeting's agenda as the clerk, so anonymous callers can read the meeting. */
export const publishAgenda = async (t: TestApp, id: string, version: number): Promise<void> => {
  await t
    .http()
    .post(`/api/v1/meetings/${id}/agenda/publication`)
    .set(bearer(t.tokens.clerk))
    .set('If-Match', String(version))
    .expect(200);
};

/**
 * Publishes the next supplementary agenda of a meeting as the clerk: the late papers added since
 * the agenda was published (a file uploaded to a published sample meeting is one) then print in
 * the public pack too.
 */
export const publishSupplement = async (t: TestApp, id: string): Promise<number> => {
  const meeting = await t
    .http()
    .get(`/api/v1/meetings/${id}`)
    .set(bearer(t.tokens.clerk))
    .expect(200);
  const published = await t
    .http()
    .post(`/api/v1/meetings/${id}/supplements`)
    .set(bearer(t.tokens.clerk))
    .set('If-Match', String(meeting.body.version))
    .expect(200);
  return published.body.supplement as number;
};
