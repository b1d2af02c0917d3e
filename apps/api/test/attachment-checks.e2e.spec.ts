// The accessibility pre-flight of attached files (issue 12, item 5): made on upload by the
// reporter's checkers (the PDF/UA checker, the Word conversion), stored with the file, shown
// read-only as `checks` on the document, and read by the publication check's ATTACHMENT.*
// warnings. Real files: a tagged PDF our reporter draws, pdf-lib's untagged one, an image-only
// "scan", Word documents with text boxes, comments and an image without alt text.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { renderPerformanceReport } from '@scrutineer/reporter';
import { makeDocxEdgeCases, makeDocxReport } from '@scrutineer/reporter/testing';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { StoredFileChecks1795441000000 } from '../src/database/migrations/1795441000000-StoredFileChecks.js';
import { makePdf, uploadDocument } from './support/attachments.js';
import { createMeeting, reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MEETING = 'stockport-cfsc-2030-07-03';
const SCAN_TITLE = 'Appendix C: Signed letter';
const EXEMPT_TITLE = 'Appendix F: Tender scores';

/** A performance report as our reporter draws it: tagged, titled, in English, fonts embedded. */
const taggedPdf = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderPerformanceReport(loadSampleCouncil(), sampleIds.cfseQ3Update2021, out);
  return Buffer.concat(chunks);
};

/** A 1×1 grey PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);

/** Pages that are only an image, like a scan: titled and in English, but no text at all. */
const scannedPdf = async (pages: number, marker = ''): Promise<Buffer> => {
  const document = await PDFDocument.create();
  document.setTitle(`Scanned letter${marker}`);
  document.catalog.set(PDFName.of('Lang'), PDFString.of('en-GB'));
  const image = await document.embedPng(PNG);
  for (let index = 0; index < pages; index += 1)
    document.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595, height: 841 });
  return Buffer.from(await document.save({ useObjectStreams: false }));
};

type Checks = Record<string, unknown> & { kind: string };
type Doc = {
  id: string;
  title: string;
  content: { kind: string; file?: { sha256: string; checks?: Checks | null } };
};
type Finding = { code: string; severity: string; message: string; where: { path: string } };

describeEachDatabase('the accessibility pre-flight of attached files', (kind) => {
  let t: TestApp;
  let itemId: string;
  /** The documents as uploaded, by title. */
  const uploaded = new Map<string, Doc>();
  const files: Record<string, Buffer> = {};

  const upload = async (
    title: string,
    file: Buffer,
    name: string,
    extra: Record<string, string> = {},
  ): Promise<Doc> => {
    const res = await uploadDocument(t, itemId, {
      file,
      filename: name,
      fields: { title, role: 'appendix', ...extra },
    }).expect(201);
    uploaded.set(title, res.body as Doc);
    return res.body as Doc;
  };
  const document = async (docId: string): Promise<Doc> =>
    (
      await t
        .http()
        .get(`/api/v1/agenda-items/${itemId}/documents/${docId}`)
        .set(bearer(t.tokens.clerk))
        .expect(200)
    ).body as Doc;
  const checksOf = (doc: Doc | undefined): Checks | null | undefined => doc?.content.file?.checks;
  const check = async (token: string): Promise<Finding[]> =>
    (
      (
        await t
          .http()
          .get(`/api/v1/meetings/${MEETING}/publication-check`)
          .set(bearer(token))
          .expect(200)
      ).body.findings as Finding[]
    ).filter((finding) => finding.code.startsWith('ATTACHMENT.'));

  beforeAll(async () => {
    t = await createTestApp(kind);
    await createMeeting(t, { id: MEETING, date: '2030-07-03' });
    const item = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(reportItem({ number: '1', order: 1 }))
      .expect(201);
    itemId = item.body.id as string;
    files.tagged = await taggedPdf();
    files.untagged = await makePdf('UNTAGGED APPENDIX', 2);
    files.scan = await scannedPdf(2);
    files.report = Buffer.from(await makeDocxReport());
    files.edges = Buffer.from(await makeDocxEdgeCases());
    files.exemptScan = await scannedPdf(1, ' (exempt)');
    await upload('Appendix A: Our own report', files.tagged, 'a.pdf');
    await upload('Appendix B: Consultant’s table', files.untagged, 'b.pdf');
    await upload(SCAN_TITLE, files.scan, 'c.pdf');
    await upload('Appendix D: Officer’s draft', files.report, 'd.docx');
    await upload('Appendix E: Edge cases', files.edges, 'e.docx');
    await upload(EXEMPT_TITLE, files.exemptScan, 'f.pdf', { exemptParagraph: '3' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('stores a PDF’s checks with it and shows them on the document: tagged, scanned, untagged', async () => {
    const tagged = uploaded.get('Appendix A: Our own report');
    expect(checksOf(tagged)).toEqual({
      kind: 'pdf',
      pageCount: expect.any(Number),
      tagged: true,
      hasTitle: true,
      language: 'en-GB',
      fontsEmbedded: true,
      fontsUnicodeMapped: true,
      imageOnly: false,
      imageOnlyPages: [],
      pdfUaRulesFailed: [],
    });
    // GET …/documents/{docId} answers what the upload did, read back from the stored file.
    expect((await document(tagged!.id)).content).toEqual(tagged!.content);
    const untagged = await document(uploaded.get('Appendix B: Consultant’s table')!.id);
    expect(checksOf(untagged)).toMatchObject({
      kind: 'pdf',
      pageCount: 2,
      tagged: false,
      language: null,
      // pdf-lib's Helvetica is a standard font: not embedded, and without a ToUnicode map.
      fontsEmbedded: false,
      imageOnly: false,
    });
    const scan = await document(uploaded.get(SCAN_TITLE)!.id);
    expect(checksOf(scan)).toMatchObject({
      kind: 'pdf',
      pageCount: 2,
      tagged: false,
      hasTitle: true,
      language: 'en-GB',
      imageOnly: true,
      imageOnlyPages: [1, 2],
    });
  });

  it('stores a Word document’s conversion warnings: text box, comment, tracked changes, alt text', async () => {
    const report = checksOf(await document(uploaded.get('Appendix D: Officer’s draft')!.id));
    expect(report).toMatchObject({ kind: 'docx' });
    const codes = (report?.warnings as { code: string }[]).map((warning) => warning.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'text-box',
        'comment',
        'tracked-insertion',
        'tracked-deletion',
        'embedded-object',
      ]),
    );
    expect(report?.headingCount).toBeGreaterThan(0);
    const edges = checksOf(await document(uploaded.get('Appendix E: Edge cases')!.id));
    expect(edges).toMatchObject({ kind: 'docx', imagesWithoutAlt: 1 });
    expect((edges?.warnings as { code: string }[]).map((w) => w.code)).toEqual(
      expect.arrayContaining(['image-without-alt', 'heading-level-skipped', 'header-footer']),
    );
  });

  it('lists the checks with the item’s documents, and on POST /files', async () => {
    const item = await t
      .http()
      .get(`/api/v1/agenda-items/${itemId}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    for (const listed of item.body.documents as Doc[]) {
      const shown = uploaded.get(listed.title);
      if (shown === undefined) continue;
      expect(listed.content).toEqual(shown.content);
    }
    const stored = await t
      .http()
      .post('/api/v1/files')
      .set(bearer(t.tokens.clerk))
      .attach('file', files.scan!, 'again.pdf')
      .expect(201);
    expect(stored.body.checks).toEqual(checksOf(uploaded.get(SCAN_TITLE)));
  });

  it('warns the clerk of each inaccessible attachment by its title, and never of the tagged one', async () => {
    const findings = await check(t.tokens.clerk);
    const about = (title: string) =>
      findings.filter((finding) => finding.message.startsWith(`${title} (item 1)`));
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(about('Appendix A: Our own report')).toEqual([]);
    expect(about(SCAN_TITLE).map((f) => f.code)).toEqual(['ATTACHMENT.NOT_ACCESSIBLE']);
    expect(about(SCAN_TITLE)[0]?.message).toContain(
      'is a scanned image with no text and is not a tagged PDF',
    );
    expect(about(SCAN_TITLE)[0]?.message).toContain(
      'it does not meet WCAG 2.1 AA; ask the author for an accessible version.',
    );
    const untagged = about('Appendix B: Consultant’s table');
    expect(untagged.map((f) => f.code)).toEqual(['ATTACHMENT.NOT_ACCESSIBLE']);
    expect(untagged[0]?.message).toContain('is not a tagged PDF');
    expect(untagged[0]?.message).toContain('does not say what language');
    expect(untagged[0]?.message).toContain('uses fonts it does not embed');
    const draft = about('Appendix D: Officer’s draft');
    expect(draft.map((f) => f.code)).toEqual(['ATTACHMENT.CONVERSION_WARNINGS']);
    expect(draft[0]?.message).toContain('text box');
    expect(draft[0]?.message).toContain('comment');
    expect(about('Appendix E: Edge cases')[0]?.message).toContain('an image without alt text');
    // Placed at the document's checks, which a clerk can read at that path of the export.
    const scanIndex = (
      (await t.http().get(`/api/v1/agenda-items/${itemId}`).set(bearer(t.tokens.clerk))).body
        .documents as Doc[]
    ).findIndex((doc) => doc.title === SCAN_TITLE);
    expect(about(SCAN_TITLE)[0]?.where.path).toBe(
      `$.agendaItems[0].documents[${scanIndex}].content.file.checks`,
    );
    // The exempt scan is checked in the clerk's (confidential) edition …
    expect(about(EXEMPT_TITLE).map((f) => f.code)).toEqual(['ATTACHMENT.NOT_ACCESSIBLE']);
  });

  it('says nothing of an exempt attachment to an officer (the public edition)', async () => {
    const findings = await check(t.tokens.officer);
    expect(findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(findings)).not.toContain(EXEMPT_TITLE);
    expect(JSON.stringify(findings)).not.toContain('Appendix F');
  });

  it('ignores checks sent back in a PUT: the stored ones are shown, never stored with the document', async () => {
    const item = await t.http().get(`/api/v1/agenda-items/${itemId}`).set(bearer(t.tokens.clerk));
    const forged = (item.body.documents as Doc[]).map((doc) =>
      doc.content.kind === 'file'
        ? {
            ...doc,
            content: {
              ...doc.content,
              file: {
                ...doc.content.file,
                checks: {
                  ...checksOf(doc),
                  ...(doc.content.file?.checks?.kind === 'pdf'
                    ? { tagged: true, imageOnly: false, imageOnlyPages: [] }
                    : { warnings: [] }),
                },
              },
            },
          }
        : doc,
    );
    const put = await t
      .http()
      .put(`/api/v1/agenda-items/${itemId}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${item.body.version}"`)
      .send({ ...item.body, documents: forged })
      .expect(200);
    // Nothing changed: same version, same ids, the stored checks.
    expect(put.body.version).toBe(item.body.version);
    expect(put.body.documents).toEqual(item.body.documents);
    // A change to the item writes its documents again, still without the forged checks.
    const amended = await t
      .http()
      .put(`/api/v1/agenda-items/${itemId}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${item.body.version}"`)
      .send({ ...item.body, title: 'School Place Planning (amended)', documents: forged })
      .expect(200);
    expect(amended.body.documents).toEqual(item.body.documents);
    const rows = (await t.dataSource.query(
      `SELECT "content" FROM "item_documents" WHERE "agenda_item_id" = '${itemId}'`,
    )) as { content: string }[];
    expect(rows.length).toBe(item.body.documents.length);
    for (const row of rows) expect(String(row.content)).not.toContain('"checks"');
    // An invalid value is refused like any other read-only field of the wrong shape.
    await t
      .http()
      .put(`/api/v1/agenda-items/${itemId}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${amended.body.version}"`)
      .send({
        ...amended.body,
        documents: (amended.body.documents as Doc[]).map((doc) =>
          doc.content.kind === 'file'
            ? { ...doc, content: { ...doc.content, file: { ...doc.content.file, checks: 'fine' } } }
            : doc,
        ),
      })
      .expect(400);
  });

  it('answers null (not checked) for files stored before the column, says so in the check, and fills them on a new upload', async () => {
    const migration = new StoredFileChecks1795441000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const columns = (await runner.getTable('stored_files'))?.columns.map((c) => c.name);
      expect(columns).not.toContain('checks');
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const scanId = uploaded.get(SCAN_TITLE)!.id;
    expect(checksOf(await document(scanId))).toBeNull();
    const findings = await check(t.tokens.clerk);
    const notChecked = findings.filter((f) => f.code === 'ATTACHMENT.NOT_CHECKED');
    expect(notChecked.length).toBe(uploaded.size);
    expect(notChecked.map((f) => f.message).join(' ')).toContain(
      `${SCAN_TITLE} (item 1) was stored before attached files were checked`,
    );
    expect(findings.filter((f) => f.code === 'ATTACHMENT.NOT_ACCESSIBLE')).toEqual([]);
    // The same bytes uploaded again are checked again.
    await t
      .http()
      .post('/api/v1/files')
      .set(bearer(t.tokens.clerk))
      .attach('file', files.scan!, 'again.pdf')
      .expect(201);
    expect(checksOf(await document(scanId))).toEqual(checksOf(uploaded.get(SCAN_TITLE)));
  });
});
