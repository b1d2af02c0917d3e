// A late paper is not published until a supplementary agenda carries it (`isPublishedPaper`):
// until then the public reads it nowhere in the API (lists, reads, the meeting, its data set and
// pack, open data, calendars, feeds, CSV files), while members, officers and the clerk do; and
// once the supplement is out the public reads it everywhere, under new ETags.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { makePdf, uploadDocument } from './support/attachments.js';
import { SAMPLE } from './support/documents.js';
import { createMeeting, publishAgenda, publishSupplement, reportItem } from './support/meetings.js';
import { everythingIn, fetchPdf, parsePdf } from './support/pdf.js';
import { isProblem } from './support/problem.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MEETING = 'cfsc-2031-01-20';
/** In the late item's title and summary, and the late document's title, file name and text. */
const ITEM_MARKER = 'QJ-LATEITEM-5d1e';
const DOCUMENT_MARKER = 'QJ-LATEDOC-9a4c';
const MARKERS = [ITEM_MARKER, DOCUMENT_MARKER] as const;

/** Every text a PDF holds, whitespace removed (a marker may break across a line at a hyphen). */
const pdfText = async (pdf: Buffer): Promise<string> =>
  everythingIn(await parsePdf(pdf)).replace(/\s+/g, '');

describeEachDatabase('late papers waiting for their supplement are not the public’s', (kind) => {
  let t: TestApp;
  let onAgendaId: string;
  let lateItemId: string;
  let lateItemDocumentId: string;
  let lateDocumentId: string;

  const clerk = () => bearer(t.tokens.clerk);
  /** The JSON and text routes open to the public that list, read or embed the meeting's papers. */
  const routes = (): string[] => [
    `/api/v1/meetings/${MEETING}`,
    `/api/v1/meetings/${MEETING}/agenda-items`,
    `/api/v1/meetings/${MEETING}/agenda-items?sort=-order`,
    `/api/v1/agenda-items?meetingId=${MEETING}&limit=100`,
    `/api/v1/agenda-items?limit=100`,
    `/api/v1/agenda-items/${onAgendaId}`,
    `/api/v1/meetings/${MEETING}/dataset`,
    `/api/v1/meetings/${MEETING}/dataset?edition=public`,
    `/api/v1/meetings/${MEETING}/publications`,
    '/api/v1/open-data/events?limit=100',
    '/api/v1/open-data/meetings.csv',
    '/api/v1/open-data/decisions.csv',
    '/api/v1/feed.atom',
    '/api/v1/calendar.ics',
    `/api/v1/committees/${SAMPLE.committee}/feed.atom`,
    `/api/v1/committees/${SAMPLE.committee}/calendar.ics`,
  ];
  /** The late papers' own reads: the late item, its document, the late document and its file. */
  const paperRoutes = (): string[] => [
    `/api/v1/agenda-items/${lateItemId}`,
    `/api/v1/agenda-items/${lateItemId}/documents/${lateItemDocumentId}`,
    `/api/v1/agenda-items/${onAgendaId}/documents/${lateDocumentId}`,
    `/api/v1/agenda-items/${onAgendaId}/documents/${lateDocumentId}/file`,
  ];
  const get = (path: string, token?: string) => {
    const request = t.http().get(path);
    return token === undefined ? request : request.set(bearer(token));
  };
  /** How many times each marker appears in what `token` (anonymous when undefined) is served. */
  const sightings = async (token?: string): Promise<Record<string, number>> => {
    const seen: Record<string, number> = {};
    for (const path of routes()) {
      const response = await get(path, token);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      for (const marker of MARKERS) {
        const count = response.text.split(marker).length - 1;
        if (count > 0) seen[`${path} ${marker}`] = count;
      }
    }
    return seen;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const meeting = await createMeeting(t, { id: MEETING, date: '2031-01-20' });
    onAgendaId = (
      await t
        .http()
        .post(`/api/v1/meetings/${MEETING}/agenda-items`)
        .set(clerk())
        .send(reportItem({ number: '1', order: 1 }))
        .expect(201)
    ).body.id;
    await publishAgenda(t, MEETING, meeting.version);
    const lateItem = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda-items`)
      .set(clerk())
      .send(
        reportItem({
          number: '2',
          order: 2,
          title: `Urgent: ${ITEM_MARKER}`,
          summary: `To consider ${ITEM_MARKER} before the contract ends.`,
          late: { urgencyReason: 'The contract ends before the next meeting' },
        }),
      )
      .expect(201);
    lateItemId = lateItem.body.id;
    lateItemDocumentId = lateItem.body.documents[0].id;
    const late = await uploadDocument(t, onAgendaId, {
      file: await makePdf(`Figures ${DOCUMENT_MARKER}`, 1),
      filename: `${DOCUMENT_MARKER}.pdf`,
      contentType: 'application/pdf',
      fields: {
        title: `Appendix ${DOCUMENT_MARKER}`,
        role: 'appendix',
        urgencyReason: 'The figures arrived after publication',
      },
    }).expect(201);
    lateDocumentId = late.body.id;
    expect(late.body.late.supplement).toBeNull();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows the pending late papers to the clerk, members and officers', async () => {
    for (const token of [t.tokens.clerk, t.tokens.member, t.tokens.officer]) {
      const seen = await sightings(token);
      for (const path of [
        `/api/v1/meetings/${MEETING}`,
        `/api/v1/meetings/${MEETING}/agenda-items`,
        `/api/v1/agenda-items?meetingId=${MEETING}&limit=100`,
        `/api/v1/meetings/${MEETING}/dataset?edition=public`,
      ])
        for (const marker of MARKERS) expect(seen[`${path} ${marker}`]).toBeGreaterThan(0);
      expect(seen[`/api/v1/agenda-items/${onAgendaId} ${DOCUMENT_MARKER}`]).toBeGreaterThan(0);
      for (const path of paperRoutes()) await get(path, token).expect(200);
    }
  }, 60_000);

  it('keeps them out of every public route: absent from lists and embeddings, 404 to read', async () => {
    expect(await sightings()).toEqual({});
    for (const path of paperRoutes()) {
      const response = await get(path).expect(404);
      isProblem(response);
    }
    // The same problem as for a record that does not exist, but for the id and the request's.
    const missing = await get('/api/v1/agenda-items/no-such-item').expect(404);
    const pending = await get(`/api/v1/agenda-items/${lateItemId}`).expect(404);
    const shape = (body: Record<string, unknown>, id: string) =>
      JSON.parse(
        JSON.stringify({ ...body, requestId: null })
          .split(id)
          .join('{id}'),
      ) as unknown;
    expect(shape(pending.body, lateItemId)).toEqual(shape(missing.body, 'no-such-item'));
    // Lists leave them out of their totals as well as their pages.
    const all = await get(`/api/v1/agenda-items?meetingId=${MEETING}&limit=100`).expect(200);
    expect(all.body.total).toBe(1);
    expect((all.body.items as { id: string }[]).map((item) => item.id)).toEqual([onAgendaId]);
    const agenda = await get(`/api/v1/meetings/${MEETING}/agenda-items`).expect(200);
    expect(agenda.body.total).toBe(1);
    const item = await get(`/api/v1/agenda-items/${onAgendaId}`).expect(200);
    expect(item.body.documents).toHaveLength(1);
    const clerkItem = await get(`/api/v1/agenda-items/${onAgendaId}`, t.tokens.clerk).expect(200);
    expect(clerkItem.body.documents).toHaveLength(2);
    // The public agenda pack does not print them (the reporter's own filter, fed the public slice).
    const pack = await fetchPdf(t, `/api/v1/meetings/${MEETING}/agenda-pack.pdf`).expect(200);
    const printed = await pdfText(pack.body as Buffer);
    for (const marker of MARKERS) expect(printed).not.toContain(marker);
  }, 60_000);

  it('never gives the public an answer made for a token, and the supplement changes its ETags', async () => {
    const anonymous = await get(`/api/v1/meetings/${MEETING}`).expect(200);
    const clerkMeeting = await get(`/api/v1/meetings/${MEETING}`, t.tokens.clerk).expect(200);
    expect(anonymous.headers['cache-control']).toBe('public, max-age=300');
    expect(anonymous.headers['vary']).toMatch(/Authorization/i);
    expect(clerkMeeting.headers['cache-control']).toMatch(/^private/);
    expect(clerkMeeting.headers['vary']).toMatch(/Authorization/i);
    const item = await get(`/api/v1/agenda-items/${onAgendaId}`).expect(200);
    for (const path of [`/api/v1/meetings/${MEETING}/dataset`]) {
      const officer = await get(path, t.tokens.officer).expect(200);
      expect(officer.headers['cache-control']).toMatch(/^private/);
    }

    await publishSupplement(t, MEETING);

    for (const [path, before] of [
      [`/api/v1/meetings/${MEETING}`, anonymous],
      [`/api/v1/agenda-items/${onAgendaId}`, item],
    ] as const) {
      const etag = before.headers['etag'] as string;
      expect(etag).toMatch(/^"\d+"$/);
      // What the public was told before is stale now: a conditional GET gets the new answer.
      const after = await get(path).set('If-None-Match', etag).expect(200);
      expect(after.headers['etag']).not.toBe(etag);
      expect(after.text).toContain(path.includes('meetings') ? ITEM_MARKER : DOCUMENT_MARKER);
    }
  }, 60_000);

  it('shows them to the public once the supplementary agenda is published', async () => {
    const seen = await sightings();
    for (const path of [
      `/api/v1/meetings/${MEETING}`,
      `/api/v1/meetings/${MEETING}/agenda-items`,
      `/api/v1/agenda-items?meetingId=${MEETING}&limit=100`,
      `/api/v1/meetings/${MEETING}/dataset`,
    ])
      for (const marker of MARKERS) expect(seen[`${path} ${marker}`]).toBeGreaterThan(0);
    expect(seen[`/api/v1/open-data/events?limit=100 ${ITEM_MARKER}`]).toBeGreaterThan(0);
    for (const path of paperRoutes()) await get(path).expect(200);
    const all = await get(`/api/v1/agenda-items?meetingId=${MEETING}&limit=100`).expect(200);
    expect(all.body.total).toBe(2);
    const pack = await fetchPdf(t, `/api/v1/meetings/${MEETING}/agenda-pack.pdf`).expect(200);
    const printed = await pdfText(pack.body as Buffer);
    for (const marker of MARKERS) expect(printed).toContain(marker);
  }, 60_000);
});
