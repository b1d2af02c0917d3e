import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { everythingIn, fetchPdf, parsePdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MARKER = 'ZX-EXEMPT-MARKER-7f3c9a';

/**
 * Everything a reader could find in the PDF (text, bookmarks, metadata) with all whitespace
 * removed: the marker has none, and a line may break after one of its hyphens.
 */
const pdfText = async (pdf: Buffer): Promise<string> =>
  everythingIn(await parsePdf(pdf)).replace(/\s+/g, '');
const MEETING = 'marker-meeting';

type Doc = {
  agendaItems: {
    exemption: unknown;
    summary: string | null;
    reportOf: string[];
    documents: { title: string; role: string; exemption: unknown; content: unknown }[];
  }[];
  minutes: {
    minutes: {
      exemption: unknown;
      blocks: unknown[];
      actions: unknown[];
      resolution: unknown;
      motions: unknown[];
    }[];
  };
};

/** The March 2022 sample meeting with the marker planted in every exempt place: item, report, appendix, minute. */
const plantMarkers = (document: Doc): Doc => {
  const exemptItem = document.agendaItems.find((i) => i.exemption !== null);
  const publicReport = document.agendaItems.find(
    (i) => i.exemption === null && i.documents.length > 0,
  );
  if (!exemptItem || !publicReport)
    throw new Error('the sample meeting lacks an exempt item or a public report');
  exemptItem.summary = `To consider ${MARKER} in private.`;
  exemptItem.reportOf = [`Director of ${MARKER}`];
  exemptItem.documents.push({
    title: 'Exempt report',
    role: 'report',
    exemption: null,
    content: {
      kind: 'sections',
      sections: [{ heading: `Heading ${MARKER}`, paragraphs: [`Paragraph ${MARKER}`] }],
    },
  });
  publicReport.documents.push({
    title: 'Appendix Z – Prices',
    role: 'appendix',
    exemption: { paragraph: 3 },
    content: {
      kind: 'table',
      caption: `Prices ${MARKER}`,
      header: ['Bidder', 'Price'],
      rows: [[`Bidder ${MARKER}`, '£1']],
    },
  });
  const exemptMinute = document.minutes.minutes.find((m) => m.exemption !== null);
  if (!exemptMinute) throw new Error('the sample meeting lacks an exempt minute');
  exemptMinute.blocks = [
    {
      kind: 'paragraph',
      ref: null,
      text: `Discussed ${MARKER}.`,
      comments: [{ topic: MARKER, point: MARKER, response: MARKER }],
    },
  ];
  exemptMinute.actions = [
    { text: `Action ${MARKER}`, owner: `Owner ${MARKER}`, due: null, status: 'open' },
  ];
  exemptMinute.resolution = { kind: 'single', text: `RESOLVED – ${MARKER}` };
  exemptMinute.motions = [
    { text: `Motion ${MARKER}`, proposer: null, seconder: null, vote: null, outcome: 'carried' },
  ];
  return document;
};

const idsOf = (body: unknown): string[] => {
  const items = Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? []);
  return items.flatMap((item) => {
    const record = item as { id?: unknown; code?: unknown };
    const id = record.id ?? record.code;
    return typeof id === 'string' ? [id] : [];
  });
};

describeEachDatabase('exempt content never reaches the public', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const document = plantMarkers(
      withMeetingId(await exportMeeting(t, SAMPLE.stockportMarch2022), MEETING) as unknown as Doc,
    );
    await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(document)
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the planted text to clerks and members (so the search below can find it)', async () => {
    for (const token of [t.tokens.clerk, t.tokens.member]) {
      const meeting = await t
        .http()
        .get(`/api/v1/meetings/${MEETING}`)
        .set(bearer(token))
        .expect(200);
      expect(JSON.stringify(meeting.body)).toContain(MARKER);
      const minutes = await t
        .http()
        .get(`/api/v1/meetings/${MEETING}/minutes`)
        .set(bearer(token))
        .expect(200);
      expect(JSON.stringify(minutes.body)).toContain(MARKER);
      const actions = await t
        .http()
        .get(`/api/v1/actions?meetingId=${MEETING}`)
        .set(bearer(token))
        .expect(200);
      expect(JSON.stringify(actions.body)).toContain(MARKER);
    }
  });

  it('keeps it out of every public GET route of the OpenAPI document, anonymous and officer, lists and items', async () => {
    const openapi = await t.http().get('/api/docs-json').expect(200);
    const templates = Object.entries(openapi.body.paths as Record<string, { get?: unknown }>)
      .filter(([, operations]) => operations.get !== undefined)
      .map(([path]) => path);
    // Ids to put in path parameters: from each list (seen by a clerk) and every record of the marker meeting.
    const candidates = new Map<string, string[]>();
    for (const template of templates.filter((p) => !p.includes('{'))) {
      const list = await t.http().get(`${template}?limit=100`).set(bearer(t.tokens.clerk));
      if (list.status === 200) candidates.set(template, idsOf(list.body));
    }
    const markerIds = {
      meetings: [MEETING, SAMPLE.stockportMarch2022],
      'agenda-items': idsOf(
        (
          await t
            .http()
            .get(`/api/v1/agenda-items?meetingId=${MEETING}&limit=100`)
            .set(bearer(t.tokens.clerk))
        ).body,
      ),
      minutes: idsOf(
        (
          await t
            .http()
            .get(`/api/v1/minutes?meetingId=${MEETING}&limit=100`)
            .set(bearer(t.tokens.clerk))
        ).body,
      ),
      actions: idsOf(
        (
          await t
            .http()
            .get(`/api/v1/actions?meetingId=${MEETING}&limit=100`)
            .set(bearer(t.tokens.clerk))
        ).body,
      ),
      resolutions: idsOf(
        (
          await t
            .http()
            .get(`/api/v1/resolutions?meetingId=${MEETING}&limit=100`)
            .set(bearer(t.tokens.clerk))
        ).body,
      ),
    } as Record<string, string[]>;
    expect(markerIds['agenda-items']?.length).toBeGreaterThan(0);
    expect(markerIds.actions?.length).toBe(1);
    const urls = new Set<string>();
    for (const template of templates) {
      // PDFs are searched as text below.
      if (template.endsWith('.pdf')) continue;
      if (!template.includes('{')) {
        urls.add(`${template}?limit=100`);
        urls.add(`${template}?limit=100&meetingId=${MEETING}`);
        continue;
      }
      const resource = template.split('/')[3] ?? '';
      const ids = [
        ...(markerIds[resource] ?? []),
        ...(candidates.get(`/api/v1/${resource}`) ?? []).slice(0, 3),
      ];
      for (const id of ids) urls.add(template.replace(/\{[^}]+\}/g, encodeURIComponent(id)));
    }
    let served = 0;
    for (const url of urls) {
      for (const token of [null, t.tokens.officer]) {
        const request = t.http().get(url);
        const response = token === null ? await request : await request.set(bearer(token));
        if (response.status === 200) served += 1;
        expect({
          url,
          token: token === null ? 'anonymous' : 'officer',
          leaked: response.text.includes(MARKER),
        }).toEqual({
          url,
          token: token === null ? 'anonymous' : 'officer',
          leaked: false,
        });
      }
    }
    expect(served).toBeGreaterThan(30);
  }, 60_000);

  it('keeps it out of the public agenda pack and the minutes PDF', async () => {
    for (const path of [
      `/api/v1/meetings/${MEETING}/agenda-pack.pdf`,
      `/api/v1/meetings/${MEETING}/minutes.pdf`,
    ]) {
      const response = await fetchPdf(t, path).expect(200);
      const leaks = (await pdfText(response.body as Buffer)).split(MARKER).length - 1;
      expect({ path, leaks }).toEqual({ path, leaks: 0 });
    }
    // The confidential edition prints the planted text, so the search above cannot pass vacuously.
    const confidential = await fetchPdf(
      t,
      `/api/v1/meetings/${MEETING}/agenda-pack.pdf?edition=confidential`,
      t.tokens.clerk,
    ).expect(200);
    expect(await pdfText(confidential.body as Buffer)).toContain(MARKER);
  }, 60_000);

  it('keeps it out of the public edition of the dataset the PDFs are drawn from', async () => {
    const path = `/api/v1/meetings/${MEETING}/dataset`;
    for (const token of [null, t.tokens.officer, t.tokens.clerk]) {
      const request = t.http().get(`${path}?edition=public`);
      const response = token === null ? await request : await request.set(bearer(token));
      expect(response.status).toBe(200);
      expect(response.text.split(MARKER).length - 1).toBe(0);
    }
    // The confidential edition holds the planted text, so the search above cannot pass vacuously.
    const confidential = await t
      .http()
      .get(`${path}?edition=confidential`)
      .set(bearer(t.tokens.member))
      .expect(200);
    expect(confidential.text).toContain(MARKER);
  });

  it('leaves exempt actions and resolutions out of public counts', async () => {
    const publicActions = await t.http().get(`/api/v1/actions?meetingId=${MEETING}`).expect(200);
    expect(publicActions.body).toMatchObject({ total: 0, items: [] });
    const clerkResolutions = await t
      .http()
      .get(`/api/v1/resolutions?meetingId=${MEETING}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    const publicResolutions = await t
      .http()
      .get(`/api/v1/resolutions?meetingId=${MEETING}`)
      .expect(200);
    expect(publicResolutions.body.total).toBe(clerkResolutions.body.total - 1);
  });
});
