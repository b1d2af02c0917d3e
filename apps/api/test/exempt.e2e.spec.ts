import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { CouncilDataset } from '@scrutineer/domain';
import { makeDocxReport } from '@scrutineer/reporter/testing';
import { exemptPassages } from '@scrutineer/sample-council';
import { makePdf, uploadDocument } from './support/attachments.js';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { reportItem } from './support/meetings.js';
import { everythingIn, fetchPdf, isIn, parsePdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MARKER = 'ZX-EXEMPT-MARKER-7f3c9a';
/** Planted inside exempt attached files (a PDF, a Word document): each holds MARKER. */
const FILE_MARKERS = { pdf: `${MARKER}-IN-PDF`, docx: `${MARKER}-IN-DOCX` } as const;
/**
 * Planted in a late item and a late document of the marker meeting that no supplementary agenda
 * has published yet: members, officers and the clerk read them, the public nowhere. (Not a
 * substring of MARKER, nor MARKER of it: the search below looks for the word MARKER.)
 */
const LATE_MARKER = 'ZQ-PENDING-LATE-4b8e1d';

/**
 * Everything a reader could find in the PDF (text, bookmarks, metadata) with all whitespace
 * removed: the marker has none, and a line may break after one of its hyphens.
 */
const pdfText = async (pdf: Buffer): Promise<string> =>
  everythingIn(await parsePdf(pdf)).replace(/\s+/g, '');

/**
 * The same search over an English sample meeting and the Welsh one: the Welsh pack and minutes
 * must withhold their exempt item exactly as the English ones do. The Welsh paragraphs are Part 4's
 * (12–18): an English paragraph would be refused on import.
 */
const VARIANTS = [
  {
    label: 'England',
    sample: SAMPLE.stockportMarch2022,
    meeting: 'marker-meeting',
    paragraph: 3,
    minuted: true,
  },
  {
    label: 'Wales',
    sample: SAMPLE.flintshireJanuary2022,
    meeting: 'marker-meeting-wales',
    paragraph: 14,
    minuted: true,
  },
] as const;

type Doc = {
  agendaItems: {
    exemption: unknown;
    summary: string | null;
    reportOf: string[];
    documents: { title: string; role: string; exemption: unknown; content: unknown }[];
  }[];
  minutes: null | {
    minutes: {
      exemption: unknown;
      blocks: unknown[];
      actions: unknown[];
      resolution: unknown;
      motions: unknown[];
    }[];
  };
};

/** A sample meeting with the marker planted in every exempt place: item, report, appendix, minute (if minuted). */
const plantMarkers = (document: Doc, paragraph: number): Doc => {
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
    exemption: { paragraph },
    content: {
      kind: 'table',
      caption: `Prices ${MARKER}`,
      header: ['Bidder', 'Price'],
      rows: [[`Bidder ${MARKER}`, '£1']],
    },
  });
  if (document.minutes === null) return document;
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

for (const { label, sample, meeting: MEETING, paragraph, minuted } of VARIANTS)
  describeEachDatabase(`exempt content never reaches the public (${label})`, (kind) => {
    let t: TestApp;
    /** The exempt attached files' document paths (their bytes at `…/file`). */
    const exemptFiles: string[] = [];
    /** The pending late papers' own reads: the late item's document, the late document, its file. */
    const pendingLate: string[] = [];
    beforeAll(async () => {
      t = await createTestApp(kind);
      const document = plantMarkers(
        withMeetingId(await exportMeeting(t, sample), MEETING) as unknown as Doc,
        paragraph,
      );
      expect(document.minutes !== null).toBe(minuted);
      await t
        .http()
        .post('/api/v1/imports/meetings')
        .set(bearer(t.tokens.clerk))
        .send(document)
        .expect(201);
      // Exempt attached files on the open report, the marker inside their bytes: a PDF merged
      // into the confidential pack and a Word document converted into it.
      const items = await t
        .http()
        .get(`/api/v1/agenda-items?meetingId=${MEETING}&limit=100`)
        .set(bearer(t.tokens.clerk))
        .expect(200);
      const open = (
        items.body.items as { id: string; exemption: unknown; kind: string; documents?: unknown }[]
      ).find((item) => item.exemption === null && item.kind === 'report');
      if (!open) throw new Error('the marker meeting lacks an open report item');
      const files: [string, Buffer, string][] = [
        [
          'prices.pdf',
          await makePdf(`Tender prices ${FILE_MARKERS.pdf}`, 2),
          'Appendix Y – Tenders',
        ],
        [
          'bidders.docx',
          Buffer.from(await makeDocxReport({ clean: true, marker: FILE_MARKERS.docx })),
          'Appendix X – Bidders',
        ],
      ];
      for (const [name, bytes, title] of files) {
        const uploaded = await uploadDocument(t, open.id, {
          file: bytes,
          filename: name,
          fields: {
            title,
            role: 'appendix',
            urgencyReason: 'Received after the agenda was published',
            exemptParagraph: String(paragraph),
          },
        }).expect(201);
        exemptFiles.push(`/api/v1/agenda-items/${open.id}/documents/${uploaded.body.id as string}`);
      }
      // Late papers no supplement has published yet (the supplement test below publishes them
      // with the exempt files): a late item, and a late document of the open report.
      const lateItem = await t
        .http()
        .post(`/api/v1/meetings/${MEETING}/agenda-items`)
        .set(bearer(t.tokens.clerk))
        .send(
          reportItem({
            number: '99',
            order: 99,
            title: `Urgent: ${LATE_MARKER}`,
            summary: `To consider ${LATE_MARKER} before the next meeting.`,
            late: { urgencyReason: 'The contract ends before the next meeting' },
          }),
        )
        .expect(201);
      const lateDocument = await uploadDocument(t, open.id, {
        file: await makePdf(`Figures ${LATE_MARKER}`, 1),
        filename: `${LATE_MARKER}.pdf`,
        fields: {
          title: `Appendix W – ${LATE_MARKER}`,
          role: 'appendix',
          urgencyReason: 'The figures arrived after publication',
        },
      }).expect(201);
      const lateDocumentPath = `/api/v1/agenda-items/${open.id}/documents/${lateDocument.body.id as string}`;
      pendingLate.push(
        `/api/v1/agenda-items/${lateItem.body.id as string}/documents/${lateItem.body.documents[0].id as string}`,
        lateDocumentPath,
        `${lateDocumentPath}/file`,
      );
    });
    afterAll(async () => {
      await t?.close();
    });

    it('shows the pending late papers to clerks, members and officers (so the crawls below can find them)', async () => {
      for (const token of [t.tokens.clerk, t.tokens.member, t.tokens.officer]) {
        const meeting = await t
          .http()
          .get(`/api/v1/meetings/${MEETING}`)
          .set(bearer(token))
          .expect(200);
        expect(meeting.text.split(LATE_MARKER).length - 1).toBe(2 * 2);
        for (const path of pendingLate) await t.http().get(path).set(bearer(token)).expect(200);
      }
    });

    it('shows the planted text to clerks and members (so the search below can find it)', async () => {
      for (const token of [t.tokens.clerk, t.tokens.member]) {
        const meeting = await t
          .http()
          .get(`/api/v1/meetings/${MEETING}`)
          .set(bearer(token))
          .expect(200);
        expect(JSON.stringify(meeting.body)).toContain(MARKER);
        if (!minuted) continue;
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
        meetings: [MEETING, sample],
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
      expect(markerIds.actions?.length).toBe(minuted ? 1 : 0);
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
      // A document's path has two ids: the pending late papers' own, by name.
      for (const path of pendingLate) urls.add(path);
      let served = 0;
      /** The URLs whose anonymous answer holds a pending late paper (officers may read them). */
      const lateLeaks: string[] = [];
      for (const url of urls) {
        for (const token of [null, t.tokens.officer]) {
          const request = t.http().get(url);
          const response = token === null ? await request : await request.set(bearer(token));
          if (response.status === 200) served += 1;
          // A file's bytes are not read as text: its name (Content-Disposition) holds the marker.
          // The late papers' own reads are 404, whatever they hold (the late item's document
          // does not carry the marker).
          const text = response.text ?? '';
          if (
            token === null &&
            (text.includes(LATE_MARKER) ||
              JSON.stringify(response.headers).includes(LATE_MARKER) ||
              (pendingLate.includes(url) && response.status !== 404))
          )
            lateLeaks.push(url);
          expect({
            url,
            token: token === null ? 'anonymous' : 'officer',
            leaked: text.includes(MARKER),
          }).toEqual({
            url,
            token: token === null ? 'anonymous' : 'officer',
            leaked: false,
          });
        }
      }
      expect(lateLeaks).toEqual([]);
      expect(served).toBeGreaterThan(30);
    }, 60_000);

    it('keeps it out of every calendar, feed, open-data list and CSV file, anonymous and officer', async () => {
      const openapi = await t.http().get('/api/docs-json').expect(200);
      const templates = Object.entries(
        openapi.body.paths as Record<string, { get?: { tags?: string[] } }>,
      )
        .filter(([, operations]) => operations.get?.tags?.includes('public-record') === true)
        .map(([path]) => path);
      // Every route of issue 13's public record: calendars, feeds, OCD and CSV.
      expect(templates.sort()).toEqual([
        '/api/v1/calendar.ics',
        '/api/v1/committees/{id}/calendar.ics',
        '/api/v1/committees/{id}/feed.atom',
        '/api/v1/feed.atom',
        '/api/v1/open-data/decisions.csv',
        '/api/v1/open-data/events',
        '/api/v1/open-data/meetings.csv',
        '/api/v1/open-data/organizations',
        '/api/v1/open-data/people',
        '/api/v1/open-data/results.csv',
      ]);
      const committees = idsOf(
        (await t.http().get('/api/v1/committees?limit=100').set(bearer(t.tokens.clerk))).body,
      );
      const markerMeeting = await t
        .http()
        .get(`/api/v1/meetings/${MEETING}`)
        .set(bearer(t.tokens.clerk))
        .expect(200);
      expect(committees).toContain(markerMeeting.body.committeeId);
      const urls = templates.flatMap((template) =>
        template.includes('{id}')
          ? committees.map((id) => template.replace('{id}', encodeURIComponent(id)))
          : template.endsWith('.csv') || template.endsWith('.ics') || template.endsWith('.atom')
            ? [template]
            : [`${template}?limit=100`, `${template}?limit=100&offset=100`],
      );
      const markerMeetingSeen = new Set<string>();
      for (const url of urls)
        for (const token of [null, t.tokens.officer, t.tokens.clerk]) {
          const request = t.http().get(url);
          const response = token === null ? await request : await request.set(bearer(token));
          expect({ url, status: response.status }).toEqual({ url, status: 200 });
          if (response.text.includes(MEETING)) markerMeetingSeen.add(url);
          // The public edition whoever asks: a clerk's token shows no more here.
          expect({ url, leaks: response.text.split(MARKER).length - 1 }).toEqual({ url, leaks: 0 });
          // Nor a late paper waiting for its supplement: the public record is what is published.
          expect({ url, late: response.text.split(LATE_MARKER).length - 1 }).toEqual({
            url,
            late: 0,
          });
        }
      // The marker meeting is in the calendars, feeds, events and CSV files searched: not vacuous.
      const committee = encodeURIComponent(markerMeeting.body.committeeId as string);
      expect([...markerMeetingSeen].sort()).toEqual(
        [
          '/api/v1/calendar.ics',
          `/api/v1/committees/${committee}/calendar.ics`,
          `/api/v1/committees/${committee}/feed.atom`,
          '/api/v1/feed.atom',
          '/api/v1/open-data/decisions.csv',
          '/api/v1/open-data/events?limit=100',
          '/api/v1/open-data/meetings.csv',
        ].sort(),
      );
    }, 60_000);

    it('keeps it out of full-text search for the public and officers, which clerks search', async () => {
      // The marker's words, as a phrase and one by one: every unit it was planted in is exempt.
      for (const q of [`"${MARKER}"`, MARKER.split('-').join(' ')]) {
        for (const token of [null, t.tokens.officer]) {
          const call = t.http().get('/api/v1/search').query({ q, limit: 100 });
          const response = await (token === null ? call : call.set(bearer(token))).expect(200);
          expect(JSON.stringify(response.body)).not.toContain('MARKER');
          expect(response.body.total).toBe(0);
        }
        const clerk = await t
          .http()
          .get('/api/v1/search')
          .query({ q, limit: 100 })
          .set(bearer(t.tokens.clerk))
          .expect(200);
        expect(clerk.body.total).toBeGreaterThan(0);
        expect(clerk.body.items.every((hit: { exempt: boolean }) => hit.exempt)).toBe(true);
        // The exempt attached files' own text is among what the clerk finds, so the public's
        // and the officer's empty answers above are about file text too, not vacuous for it.
        // (By the marker's words: PostgreSQL reads the files' longer hyphenated words as other
        // compounds than the phrase's; each file's whole marker is searched below.)
        if (q.startsWith('"')) continue;
        const files = (clerk.body.items as { document?: { fileName: string } }[])
          .map((hit) => hit.document?.fileName)
          .filter((name) => name !== undefined)
          .sort();
        expect(files).toEqual(['bidders.docx', 'prices.pdf']);
      }
      // Each file's marker, found only in its file's text.
      for (const [which, marker] of Object.entries(FILE_MARKERS)) {
        const q = `"${marker}"`;
        for (const token of [null, t.tokens.officer]) {
          const call = t.http().get('/api/v1/search').query({ q, limit: 100 });
          const response = await (token === null ? call : call.set(bearer(token))).expect(200);
          expect({ which, total: response.body.total }).toEqual({ which, total: 0 });
        }
        const clerk = await t
          .http()
          .get('/api/v1/search')
          .query({ q, limit: 100 })
          .set(bearer(t.tokens.clerk))
          .expect(200);
        expect(
          clerk.body.items.map((hit: { document?: { fileName: string }; exempt: boolean }) => [
            hit.document?.fileName,
            hit.exempt,
          ]),
        ).toEqual([[which === 'pdf' ? 'prices.pdf' : 'bidders.docx', true]]);
      }
    });

    it('keeps it out of the public agenda pack and the minutes PDF', async () => {
      for (const path of [
        `/api/v1/meetings/${MEETING}/agenda-pack.pdf`,
        ...(minuted ? [`/api/v1/meetings/${MEETING}/minutes.pdf`] : []),
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
      const printed = await pdfText(confidential.body as Buffer);
      expect(printed).toContain(MARKER);
      // The exempt attached files too: merged and converted into the confidential pack only.
      for (const marker of Object.values(FILE_MARKERS)) expect(printed).toContain(marker);
      expect(printed).toContain('NOTFORPUBLICATION');
    }, 60_000);

    it('keeps it out of the public supplement pack and every public publication record', async () => {
      // The exempt files uploaded above came after publication: late papers, in Supplement No. 1.
      const meeting = await t
        .http()
        .get(`/api/v1/meetings/${MEETING}`)
        .set(bearer(t.tokens.clerk))
        .expect(200);
      await t
        .http()
        .post(`/api/v1/meetings/${MEETING}/supplements`)
        .set(bearer(t.tokens.clerk))
        .set('If-Match', String(meeting.body.version))
        .expect(200);
      const publicRecords = await t
        .http()
        .get(`/api/v1/meetings/${MEETING}/publications`)
        .expect(200);
      const records = publicRecords.body.items as { id: string; edition: string }[];
      expect(records.map((r) => r.edition)).toEqual(['public']);
      const paths = [
        `/api/v1/meetings/${MEETING}/supplement-pack.pdf`,
        ...records.map((r) => `/api/v1/meetings/${MEETING}/publications/${r.id}.pdf`),
      ];
      for (const path of paths) {
        for (const token of [undefined, t.tokens.officer]) {
          const response = await fetchPdf(t, path, token).expect(200);
          const leaks = (await pdfText(response.body as Buffer)).split(MARKER).length - 1;
          expect({ path, leaks }).toEqual({ path, leaks: 0 });
        }
      }
      // The confidential edition prints them, so the search cannot pass vacuously.
      const confidential = await fetchPdf(
        t,
        `/api/v1/meetings/${MEETING}/supplement-pack.pdf?edition=confidential`,
        t.tokens.clerk,
      ).expect(200);
      expect(await pdfText(confidential.body as Buffer)).toContain(MARKER);
    }, 60_000);

    it('serves the exempt attached files, and what they are, to no public caller', async () => {
      expect(exemptFiles).toHaveLength(2);
      for (const path of exemptFiles) {
        for (const token of [null, t.tokens.officer]) {
          for (const url of [path, `${path}/file`]) {
            const request = t.http().get(url);
            const response = token === null ? await request : await request.set(bearer(token));
            expect({ url, status: response.status }).toEqual({ url, status: 404 });
          }
        }
        // A clerk gets them, so the 404s above are not for a wrong path.
        await t.http().get(`${path}/file`).set(bearer(t.tokens.clerk)).expect(200);
      }
    });

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

    it('keeps the sample meeting’s own exempt passages (its exempt minute among them) out of every public answer', async () => {
      const document = await exportMeeting(t, sample);
      const passages = exemptPassages({ meetings: [document] } as unknown as CouncilDataset);
      const exemptMinute = document.minutes?.minutes.find((m) => m.exemption !== null);
      const resolution =
        exemptMinute?.resolution?.kind === 'single' ? exemptMinute.resolution.text : undefined;
      if (resolution === undefined)
        throw new Error('the sample meeting lacks an exempt resolution');
      expect(passages).toContain(resolution);
      // Clerks and members see the exempt minute in the confidential minutes: the search is not vacuous.
      for (const token of [t.tokens.clerk, t.tokens.member]) {
        const minutes = await t
          .http()
          .get(`/api/v1/meetings/${sample}/minutes`)
          .set(bearer(token))
          .expect(200);
        expect(minutes.text).toContain(resolution);
      }
      const answers: Record<string, string> = {};
      for (const path of [
        `/api/v1/meetings/${sample}`,
        `/api/v1/meetings/${sample}/minutes`,
        `/api/v1/minutes?meetingId=${sample}&limit=100`,
        `/api/v1/resolutions?meetingId=${sample}&limit=100`,
        `/api/v1/actions?meetingId=${sample}&limit=100`,
        `/api/v1/agenda-items?meetingId=${sample}&limit=100`,
        `/api/v1/meetings/${sample}/dataset?edition=public`,
        '/api/v1/calendar.ics',
        '/api/v1/feed.atom',
        '/api/v1/open-data/events?limit=100',
        '/api/v1/open-data/meetings.csv',
        '/api/v1/open-data/decisions.csv',
      ])
        for (const token of [null, t.tokens.officer]) {
          const request = t.http().get(path);
          const response = token === null ? await request : await request.set(bearer(token));
          expect({ path, status: response.status }).toEqual({ path, status: 200 });
          answers[`${path} ${token === null ? 'anonymous' : 'officer'}`] = response.text;
        }
      for (const path of [
        `/api/v1/meetings/${sample}/minutes.pdf`,
        `/api/v1/meetings/${sample}/agenda-pack.pdf`,
      ]) {
        const response = await fetchPdf(t, path).expect(200);
        answers[path] = everythingIn(await parsePdf(response.body as Buffer));
      }
      // The public minutes print the Welsh or English exclusion and say the item was taken in private.
      expect(answers[`/api/v1/meetings/${sample}/minutes.pdf`]).toContain('considered in private');
      const leaks = Object.entries(answers).flatMap(([where, text]) =>
        passages.filter((p) => isIn(text, p)).map((p) => `${where}: ${p}`),
      );
      expect(leaks).toEqual([]);
    }, 60_000);

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
