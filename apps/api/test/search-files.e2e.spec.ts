// Full-text search over attached files' text (issue 13 item 3): a PDF's words (tagged or not) and
// a Word report's converted text are read at upload and found with a highlighted passage; the
// index follows every upload, replace, delete and supplement; an exempt file's text only for
// callers who may read exempt content, a pending late paper's only for callers who may read
// unpublished papers until its supplement is published; files stored before text was read get
// it on the next rebuild. Real files, real HTTP, on SQLite and PostgreSQL.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { FILE_UNIT_CHARS } from '@scrutineer/domain';
import { renderPerformanceReport } from '@scrutineer/reporter';
import { makeDocxReport } from '@scrutineer/reporter/testing';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { MAX_FILE_TEXT_BYTES } from '../src/files/file-texts.js';
import { ensureSearchIndex } from '../src/search/search-index.js';
import { makePdf, uploadDocument } from './support/attachments.js';
import { exportMeeting, withMeetingId } from './support/documents.js';
import { createMeeting, publishAgenda, publishSupplement, reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MEETING = 'search-files-meeting';
/** Words no sample paper holds, each planted in one file only. */
const WORD = {
  tagged: 'wombattagged',
  untagged: 'numbatplain',
  docx: 'quollconverted',
  exemptDocument: 'bilbyexemptdoc',
  exemptItem: 'potorooexemptitem',
  late: 'dugonglatepaper',
  replaced: 'quokkaoriginal',
  replacement: 'quokkareplacement',
  long: 'kowarilongtail',
  imported: 'dunnartimported',
} as const;

type Hit = {
  meetingId: string;
  kind: string;
  number: string | null;
  title: string;
  exempt: boolean;
  snippet: { text: string; match: boolean }[];
  document?: { title: string; fileName: string; mediaType: string };
};
type SearchPage = { items: Hit[]; total: number };
type Uploaded = { id: string; version: number; content: { file: { sha256: string } } };

/** A performance report as our reporter draws it (tagged, fonts mapped), `marker` in its title. */
const taggedPdf = async (marker: string): Promise<Buffer> => {
  const dataset = loadSampleCouncil();
  const report = dataset.performanceReports.find((r) => r.id === sampleIds.cfseQ3Update2021);
  if (report === undefined) throw new Error('the sample council has changed');
  (report as { title: string }).title = `${report.title} ${marker}`;
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderPerformanceReport(dataset, sampleIds.cfseQ3Update2021, out);
  return Buffer.concat(chunks);
};

describeEachDatabase('search over attached files’ text', (kind) => {
  let t: TestApp;
  let openItem: string;
  let exemptItem: string;
  const docs: Record<string, Uploaded> = {};

  const search = async (q: string, token?: string): Promise<SearchPage> => {
    const call = t.http().get('/api/v1/search').query({ q, limit: 100 });
    const response = await (token === undefined ? call : call.set(bearer(token))).expect(200);
    return response.body as SearchPage;
  };
  const version = async (itemId: string): Promise<number> =>
    (await t.http().get(`/api/v1/agenda-items/${itemId}`).set(bearer(t.tokens.clerk)).expect(200))
      .body.version as number;
  const upload = async (
    itemId: string,
    title: string,
    bytes: Buffer,
    fileName: string,
    fields: Record<string, string> = {},
  ): Promise<Uploaded> => {
    const response = await uploadDocument(t, itemId, {
      file: bytes,
      filename: fileName,
      fields: { title, role: 'appendix', ...fields },
    }).expect(201);
    return response.body as Uploaded;
  };
  /** The hit of `word` the caller finds, checked to be the file's, its word highlighted. */
  const fileHit = async (word: string, token?: string): Promise<Hit> => {
    const page = await search(word, token);
    expect({ word, total: page.total }).toEqual({ word, total: 1 });
    const hit = page.items[0] as Hit;
    expect(hit.snippet.some((s) => s.match && s.text.toLowerCase().includes(word))).toBe(true);
    expect(hit.meetingId).toBe(MEETING);
    expect(hit.kind).toBe('agenda-item');
    return hit;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const clerk = bearer(t.tokens.clerk);
    await createMeeting(t, { id: MEETING, date: '2030-09-10' });
    const item = async (fields: Record<string, unknown>): Promise<string> =>
      (
        await t
          .http()
          .post(`/api/v1/meetings/${MEETING}/agenda-items`)
          .set(clerk)
          .send(reportItem(fields))
          .expect(201)
      ).body.id as string;
    openItem = await item({ number: '1', order: 1, title: 'Home to school transport' });
    await item({
      number: '2',
      order: 2,
      kind: 'exclusion-of-public',
      title: 'Exclusion of the public',
      summary: null,
      recommendations: null,
      reportOf: [],
      contacts: [],
      documents: [],
    });
    exemptItem = await item({
      number: '3',
      order: 3,
      title: 'Transport contract award',
      exemption: { paragraph: 3 },
    });
    docs.tagged = await upload(openItem, 'Appendix A', await taggedPdf(WORD.tagged), 'a.pdf');
    docs.untagged = await upload(
      openItem,
      'Appendix B',
      await makePdf(`Consultant table ${WORD.untagged}`, 2),
      'b.pdf',
    );
    docs.docx = await upload(
      openItem,
      'Appendix C',
      Buffer.from(await makeDocxReport({ clean: true, marker: WORD.docx })),
      'c.docx',
    );
    docs.exemptDocument = await upload(
      openItem,
      'Appendix D – bids',
      await makePdf(`Bid scores ${WORD.exemptDocument}`, 1),
      'd.pdf',
      { exemptParagraph: '3' },
    );
    docs.exemptItem = await upload(
      exemptItem,
      'Tender report',
      await makePdf(`Tender ${WORD.exemptItem}`, 1),
      'e.pdf',
    );
    docs.replaced = await upload(
      openItem,
      'Appendix F',
      await makePdf(`Draft ${WORD.replaced}`, 1),
      'f.pdf',
    );
    const meeting = await t.http().get(`/api/v1/meetings/${MEETING}`).set(clerk).expect(200);
    await publishAgenda(t, MEETING, meeting.body.version as number);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('finds a word only inside a tagged PDF, an untagged PDF and a Word document, highlighted', async () => {
    const expected = {
      tagged: ['Appendix A', 'a.pdf', 'application/pdf'],
      untagged: ['Appendix B', 'b.pdf', 'application/pdf'],
      docx: [
        'Appendix C',
        'c.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
    } as const;
    for (const [which, [title, fileName, mediaType]] of Object.entries(expected)) {
      const word = WORD[which as keyof typeof expected];
      for (const token of [undefined, t.tokens.officer, t.tokens.clerk]) {
        const hit = await fileHit(word, token);
        expect(hit).toMatchObject({
          number: '1',
          title: '1. Home to school transport',
          document: { title, fileName, mediaType },
          exempt: false,
        });
      }
    }
    // The text was read once, stored with the file.
    const rows = (await t.dataSource.query(
      `SELECT "full_length" FROM "file_texts" WHERE "sha256" = '${docs.untagged?.content.file.sha256}'`,
    )) as { full_length: number | string }[];
    expect(rows.length).toBe(1);
    expect(Number(rows[0]?.full_length)).toBeGreaterThan(0);
  });

  it('finds an exempt file’s text (the document’s exemption or its item’s) for clerks only', async () => {
    for (const word of [WORD.exemptDocument, WORD.exemptItem]) {
      expect((await search(word)).total).toBe(0);
      expect((await search(word, t.tokens.officer)).total).toBe(0);
      const hit = await fileHit(word, t.tokens.clerk);
      expect(hit.exempt).toBe(true);
      expect((await fileHit(word, t.tokens.member)).exempt).toBe(true);
    }
  });

  it('finds a pending late paper’s text for callers who may read it, and the public once its supplement is out', async () => {
    const late = await upload(
      openItem,
      'Appendix G – late letter',
      await makePdf(`Late letter ${WORD.late}`, 1),
      'g.pdf',
      { urgencyReason: 'Received after the agenda was published' },
    );
    docs.late = late;
    expect((await search(WORD.late)).total).toBe(0);
    // Nor is the late paper's title found by the public on its item.
    expect((await search('"late letter"')).total).toBe(0);
    expect((await fileHit(WORD.late, t.tokens.clerk)).exempt).toBe(false);
    await fileHit(WORD.late, t.tokens.officer);
    await publishSupplement(t, MEETING);
    const hit = await fileHit(WORD.late);
    expect(hit.document?.title).toBe('Appendix G – late letter');
  });

  it('follows a replace (PUT): the new file’s words are found, the old one’s not', async () => {
    await fileHit(WORD.replaced);
    const replacement = await makePdf(`Final ${WORD.replacement}`, 1);
    await t
      .http()
      .put(`/api/v1/agenda-items/${openItem}/documents/${docs.replaced?.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${await version(openItem)}"`)
      .field('title', 'Appendix F')
      .field('role', 'appendix')
      .field('urgencyReason', 'Received after the agenda was published')
      .attach('file', replacement, 'f2.pdf')
      .expect(200);
    for (const token of [undefined, t.tokens.clerk])
      expect((await search(WORD.replaced, token)).total).toBe(0);
    expect((await fileHit(WORD.replacement)).document?.fileName).toBe('f2.pdf');
    // The old file went (nothing else used it), and its text with it.
    const left = (await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "file_texts" WHERE "sha256" = '${docs.replaced?.content.file.sha256}'`,
    )) as { n: number | string }[];
    expect(Number(left[0]?.n)).toBe(0);
  });

  it('follows a DELETE: the deleted file’s words are not found any more', async () => {
    await fileHit(WORD.docx);
    await t
      .http()
      .delete(`/api/v1/agenda-items/${openItem}/documents/${docs.docx?.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${await version(openItem)}"`)
      .expect(204);
    for (const token of [undefined, t.tokens.clerk])
      expect((await search(WORD.docx, token)).total).toBe(0);
    // The other files' words are still found.
    await fileHit(WORD.untagged);
  });

  it('reads the text of files stored before it was read at upload at the first start of this code', async () => {
    // A database from before file texts: none stored, the index built by version 2.
    await t.dataSource.query(`DELETE FROM "file_texts"`);
    await t.dataSource.query(`UPDATE "search_index_state" SET "version" = 2`);
    // What the API does at start (database/prepare.ts).
    expect(await ensureSearchIndex(t.dataSource)).toBe(true);
    const count = async (sql: string): Promise<number> =>
      Number(((await t.dataSource.query(sql)) as { n: number | string }[])[0]?.n);
    // Every attached file's text is read again, one row per file.
    const attached = await count(
      `SELECT COUNT(DISTINCT "file_sha256") AS "n" FROM "item_documents" WHERE "file_sha256" IS NOT NULL`,
    );
    expect(attached).toBeGreaterThanOrEqual(6);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "file_texts"`)).toBe(attached);
    await fileHit(WORD.tagged);
    await fileHit(WORD.untagged);
    await fileHit(WORD.exemptDocument, t.tokens.clerk);
    expect((await search(WORD.exemptDocument)).total).toBe(0);
  });

  it('searches a long file’s first MiB of text, in parts', async () => {
    // About 1.3 MB of short distinct words: the last ones are past what is read.
    const lines = Array.from(
      { length: 26_000 },
      (_, i) => `Line ${i} w${i}a w${i}b w${i}c w${i}d w${i}e w${i}f`,
    );
    lines[10] = `${lines[10]} ${WORD.long}`;
    lines[25_990] = `${lines[25_990]} lastlinemarker`;
    // A PDF of many lines: 50 a page.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let start = 0; start < lines.length; start += 50) {
      const page = pdf.addPage();
      lines
        .slice(start, start + 50)
        .forEach((line, i) => page.drawText(line, { x: 20, y: 800 - i * 15, size: 8, font }));
    }
    const long = await upload(
      openItem,
      'Appendix H – long',
      Buffer.from(await pdf.save({ useObjectStreams: false })),
      'h.pdf',
      { urgencyReason: 'Received after the agenda was published' },
    );
    const rows = (await t.dataSource.query(
      `SELECT "full_length", LENGTH("text") AS "stored" FROM "file_texts" WHERE "sha256" = '${long.content.file.sha256}'`,
    )) as { full_length: number | string; stored: number | string }[];
    expect(Number(rows[0]?.full_length)).toBeGreaterThan(MAX_FILE_TEXT_BYTES);
    expect(Number(rows[0]?.stored)).toBeLessThanOrEqual(MAX_FILE_TEXT_BYTES);
    expect((await fileHit(WORD.long, t.tokens.clerk)).document?.title).toBe('Appendix H – long');
    expect((await search('lastlinemarker', t.tokens.clerk)).total).toBe(0);
  }, 120_000);

  it('indexes the long file in parts of a few KB, and PostgreSQL keeps their vectors in their rows', async () => {
    // Every part a hit's passage is drawn from is short: ts_headline parses all of it.
    const parts = (await t.dataSource.query(
      `SELECT COUNT(*) AS "parts", MAX(LENGTH("body")) AS "longest" FROM "search_entries" WHERE "file_document" LIKE '%h.pdf%'`,
    )) as { parts: number | string; longest: number | string }[];
    expect(Number(parts[0]?.parts)).toBeGreaterThan(100);
    expect(Number(parts[0]?.longest)).toBeLessThanOrEqual(FILE_UNIT_CHARS);
    if (kind !== 'postgres') return;
    // PostgreSQL keeps each vector in its row where it fits a page (STORAGE MAIN), so ranking
    // reads no TOAST. On the bench council with 1,000 files (docs/benchmarks.md) ranking
    // `performance` read 47,535 buffers with the vectors in TOAST and 3,269 with them in their rows.
    const [{ storage }] = (await t.dataSource.query(
      `SELECT "attstorage" AS "storage" FROM "pg_attribute" WHERE "attrelid" = 'search_entries'::regclass AND "attname" = 'document'`,
    )) as [{ storage: string }];
    expect(storage).toBe('m');
  });

  // Last: the copy holds the other files too, so their words are found twice from here on.
  it('reads the text of a file stored by POST /files, found once an imported meeting names it', async () => {
    const clerk = bearer(t.tokens.clerk);
    const bytes = await makePdf(`Imported appendix ${WORD.imported}`, 1);
    const stored = await t
      .http()
      .post('/api/v1/files')
      .set(clerk)
      .attach('file', bytes, 'imported.pdf')
      .expect(201);
    const document = withMeetingId(
      await exportMeeting(t, MEETING),
      `${MEETING}-copy`,
    ) as unknown as {
      agendaItems: { number: string; documents: unknown[] }[];
    };
    document.agendaItems
      .find((item) => item.number === '1')
      ?.documents.push({
        title: 'Appendix I – imported',
        role: 'appendix',
        exemption: null,
        content: {
          kind: 'file',
          file: {
            sha256: stored.body.sha256,
            mediaType: 'application/pdf',
            byteLength: bytes.length,
            fileName: 'imported.pdf',
            pageCount: 1,
          },
        },
      });
    expect((await search(WORD.imported, t.tokens.clerk)).total).toBe(0);
    await t.http().post('/api/v1/imports/meetings').set(clerk).send(document).expect(201);
    const found = await search(WORD.imported, t.tokens.clerk);
    expect(found.items.map((hit) => [hit.meetingId, hit.document?.fileName])).toEqual([
      [`${MEETING}-copy`, 'imported.pdf'],
    ]);
  });
});
