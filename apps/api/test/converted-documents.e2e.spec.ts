// A Word attachment's converted form (issue 13 item 2): GET …/documents/{docId}/converted answers
// the ConvertedReport the pack prints it from, to whoever may read the file (the same access
// path), with a strong ETag of the file's SHA-256 and the converter's version (304 on
// If-None-Match); a PDF has none (404 FILE.NOT_CONVERTIBLE), an exempt one is 404 to the public.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ConvertedReport, convertedReportText, problemsOf } from '@scrutineer/domain';
import { DOCX_CONVERTER_VERSION, docxToReport } from '@scrutineer/reporter';
import { samplePapers, sampleIds } from '@scrutineer/sample-council';
import { ensureFileConversions } from '../src/files/file-text-backfill.js';
import { docxConversionCount } from '../src/files/file-conversions.js';
import { makeDocx, makePdf, renamedZip, uploadDocument } from './support/attachments.js';
import { publishSupplement } from './support/meetings.js';
import { isProblem } from './support/problem.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const WORD_REPORT = samplePapers.find((paper) => paper.id === 'sufficiency-word-report')!;
const PDF_APPENDIX = samplePapers.find((paper) => paper.id === 'sufficiency-needs-analysis')!;

type DocumentRow = {
  id: string;
  title: string;
  content: { kind: string; file?: { sha256: string; mediaType: string } } | null;
};

describeEachDatabase('converted Word documents', (kind) => {
  let t: TestApp;
  let itemId: string;
  let wordId: string;
  let wordSha: string;
  let pdfId: string;
  let exemptId: string;

  const converted = (docId: string, token?: string, id = itemId) => {
    const req = t.http().get(`/api/v1/agenda-items/${id}/documents/${docId}/converted`);
    return token === undefined ? req : req.set(bearer(token));
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${sampleIds.stockportMarch2022}/agenda-items`)
      .expect(200);
    const item = (agenda.body.items as { id: string; number: string }[]).find(
      (candidate) => candidate.number === WORD_REPORT.itemNumber,
    )!;
    itemId = item.id;
    const read = await t.http().get(`/api/v1/agenda-items/${itemId}`).expect(200);
    const documents = read.body.documents as DocumentRow[];
    const word = documents.find((d) => d.title === WORD_REPORT.title)!;
    wordId = word.id;
    wordSha = word.content!.file!.sha256;
    pdfId = documents.find((d) => d.title === PDF_APPENDIX.title)!.id;
    const upload = await uploadDocument(t, itemId, {
      file: await makeDocx('EXEMPT CONVERTED MARKER'),
      filename: 'exempt.docx',
      contentType: DOCX,
      fields: {
        title: 'Exempt Word appendix',
        role: 'appendix',
        exemptParagraph: '3',
        urgencyReason: 'Received after the agenda was published',
      },
    }).expect(201);
    exemptId = upload.body.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  const docxBytes = async (docId: string): Promise<Buffer> =>
    (
      await t
        .http()
        .get(`/api/v1/agenda-items/${itemId}/documents/${docId}/file`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  it('answers the seeded Word report’s ConvertedReport, the blocks its file converts to', async () => {
    const res = await converted(wordId).expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(problemsOf(ConvertedReport, res.body)).toEqual([]);
    const body = res.body as ConvertedReport;
    // The very blocks the converter makes from the stored bytes.
    const file = await t
      .http()
      .get(`/api/v1/agenda-items/${itemId}/documents/${wordId}/file`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = file.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(wordSha);
    const direct = await docxToReport(bytes);
    expect(body).toEqual({ blocks: direct.blocks, warnings: direct.warnings });
    // What the paper says, in its structure.
    const headings = body.blocks.flatMap((b) =>
      b.kind === 'heading' ? [{ level: b.level, text: b.runs.map((r) => r.text).join('') }] : [],
    );
    expect(headings).toEqual([
      { level: 1, text: WORD_REPORT.heading },
      ...WORD_REPORT.sections.map((s) => ({ level: 2, text: s.heading })),
    ]);
    const list = body.blocks.find((b) => b.kind === 'list');
    expect(
      list?.kind === 'list' ? list.items.map((i) => i.runs.map((r) => r.text).join('')) : [],
    ).toEqual(WORD_REPORT.sections.flatMap((s) => s.bullets ?? []));
    const table = body.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ kind: 'table', headerRows: 1 });
    expect(
      table?.kind === 'table'
        ? table.rows.map((row) => row.map((c) => c.runs.map((r) => r.text).join('')))
        : [],
    ).toEqual([WORD_REPORT.table!.header, ...WORD_REPORT.table!.rows]);
    expect(convertedReportText(body)).toContain(WORD_REPORT.sections[0]!.paragraphs[0]);
  });

  it('tags it with the file’s SHA-256 and the converter’s version, and answers 304 to it', async () => {
    const first = await converted(wordId).set('Accept-Encoding', 'identity').expect(200);
    const tag = first.headers['etag'];
    expect(tag).toBe(`"${wordSha}-docx${DOCX_CONVERTER_VERSION}"`);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await converted(wordId)
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', tag!)
      .expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers['etag']).toBe(tag);
    // Another coding is another representation, with its own tag.
    const gzipped = await converted(wordId).set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['etag']).toBe(`"${wordSha}-docx${DOCX_CONVERTER_VERSION}-gzip"`);
    expect(gzipped.body).toEqual(first.body);
    await converted(wordId)
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', '"other"')
      .expect(200);
  });

  it('is 404 to the public and officers for an exempt document, and answered to the clerk', async () => {
    for (const token of [undefined, t.tokens.officer]) {
      const res = await converted(exemptId, token).expect(404);
      isProblem(res);
      expect(JSON.stringify(res.body)).not.toContain('EXEMPT CONVERTED MARKER');
    }
    const clerk = await converted(exemptId, t.tokens.clerk).expect(200);
    expect(clerk.headers['cache-control']).toBe('private, no-store');
    expect(convertedReportText(clerk.body as ConvertedReport)).toContain('EXEMPT CONVERTED MARKER');
  });

  it('is 404 to the public for a late Word paper until a supplementary agenda publishes it', async () => {
    const upload = await uploadDocument(t, itemId, {
      file: await makeDocx('LATE CONVERTED MARKER'),
      filename: 'late.docx',
      contentType: DOCX,
      fields: {
        title: 'Late Word paper',
        role: 'supporting',
        urgencyReason: 'Received after the agenda was published',
      },
    }).expect(201);
    const lateId = upload.body.id as string;
    isProblem(await converted(lateId).expect(404));
    await converted(lateId, t.tokens.clerk).expect(200);
    await publishSupplement(t, sampleIds.stockportMarch2022);
    const published = await converted(lateId).expect(200);
    expect(convertedReportText(published.body as ConvertedReport)).toContain(
      'LATE CONVERTED MARKER',
    );
  });

  it('answers a PDF with a 404 problem saying only Word documents have a converted form', async () => {
    const res = await converted(pdfId).expect(404);
    isProblem(res);
    expect(res.body).toMatchObject({
      code: 'FILE.NOT_CONVERTIBLE',
      title: 'Only Word documents have a converted form',
    });
    const uploaded = await uploadDocument(t, itemId, {
      file: await makePdf('A PDF'),
      filename: 'a.pdf',
      contentType: 'application/pdf',
      fields: {
        title: 'Another PDF',
        role: 'appendix',
        urgencyReason: 'Received after the agenda was published',
      },
    }).expect(201);
    const clerk = await converted(uploaded.body.id as string, t.tokens.clerk).expect(404);
    expect(clerk.body.code).toBe('FILE.NOT_CONVERTIBLE');
  });

  it('is 404 for an unknown item or document, and for a document that is not a file', async () => {
    isProblem(await converted(wordId, undefined, 'no-such-item').expect(404));
    isProblem(await converted('no-such-document').expect(404));
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${sampleIds.stockportMarch2022}/agenda-items`)
      .expect(200);
    const inline = (
      agenda.body.items as { id: string; exemption: unknown; documents: DocumentRow[] }[]
    )
      .filter((item) => item.exemption === null)
      .flatMap((item) =>
        item.documents
          .filter((d) => d.content !== null && d.content.kind !== 'file')
          .map((d) => ({ item: item.id, doc: d.id })),
      )[0];
    expect(inline).toBeDefined();
    const res = await converted(inline!.doc, undefined, inline!.item).expect(404);
    expect(res.body.code).toBe('FILE.NOT_A_FILE');
  });

  const conversionRow = async (
    sha: string,
  ): Promise<{ converter_version: number | string; report: string } | undefined> =>
    (
      (await t.dataSource.query(
        `SELECT "converter_version", "report" FROM "file_conversions" WHERE "sha256" = '${sha}'`,
      )) as { converter_version: number | string; report: string }[]
    )[0];
  const digest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
  const uploadWord = (bytes: Buffer, fields: Record<string, string>) =>
    uploadDocument(t, itemId, {
      file: bytes,
      filename: 'stored.docx',
      contentType: DOCX,
      fields: { title: 'Stored conversion', role: 'supporting', ...fields },
    });

  it('stores the conversion with the uploaded file, the one inspecting it made, by this converter', async () => {
    const bytes = await makeDocx('STORED AT UPLOAD MARKER');
    const before = docxConversionCount();
    await uploadWord(bytes, { urgencyReason: 'Received after the agenda was published' }).expect(
      201,
    );
    // Converted once, at upload.
    expect(docxConversionCount() - before).toBe(1);
    const row = await conversionRow(digest(bytes));
    expect(Number(row?.converter_version)).toBe(DOCX_CONVERTER_VERSION);
    const direct = await docxToReport(bytes);
    expect(JSON.parse(row!.report)).toEqual({ blocks: direct.blocks, warnings: direct.warnings });
  });

  it('stores no conversion when the upload is refused, before or after the file was converted', async () => {
    const count = async (): Promise<number> =>
      Number(
        (
          (await t.dataSource.query(`SELECT COUNT(*) AS "n" FROM "file_conversions"`)) as {
            n: number | string;
          }[]
        )[0]?.n,
      );
    const rows = await count();
    // Converted, then refused by a rule of the write (a late paper gives its reason): rolled back.
    const late = await makeDocx('REFUSED AFTER CONVERSION MARKER');
    const conversions = docxConversionCount();
    const refused = await uploadWord(late, {});
    expect(docxConversionCount() - conversions).toBe(1);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    isProblem(refused);
    expect(await conversionRow(digest(late))).toBeUndefined();
    // Refused by the converter itself.
    const zip = renamedZip();
    const invalid = await uploadWord(zip, {
      urgencyReason: 'Received after the agenda was published',
    }).expect(422);
    expect(invalid.body.code).toBe('FILE.DOCX_INVALID');
    expect(await conversionRow(digest(zip))).toBeUndefined();
    expect(await count()).toBe(rows);
  });

  it('answers the stored conversion, converting nothing on read', async () => {
    const stored = await conversionRow(wordSha);
    expect(stored).toBeDefined();
    // A row that says something else than the file converts to: the route answers the row.
    const planted = JSON.parse(stored!.report) as ConvertedReport;
    const altered: ConvertedReport = {
      ...planted,
      blocks: [
        { kind: 'paragraph', runs: [{ text: 'PLANTED IN THE STORED ROW' }] },
        ...planted.blocks,
      ],
    };
    const params = t.dataSource.options.type === 'postgres' ? ['$1', '$2'] : ['?', '?'];
    await t.dataSource.query(
      `UPDATE "file_conversions" SET "report" = ${params[0]} WHERE "sha256" = ${params[1]}`,
      [JSON.stringify(altered), wordSha],
    );
    try {
      const before = docxConversionCount();
      const res = await converted(wordId).set('Accept-Encoding', 'identity').expect(200);
      expect(res.body).toEqual(altered);
      expect(docxConversionCount()).toBe(before);
    } finally {
      await t.dataSource.query(
        `UPDATE "file_conversions" SET "report" = ${params[0]} WHERE "sha256" = ${params[1]}`,
        [stored!.report, wordSha],
      );
    }
  });

  it('converts and stores on read a Word document stored without a current conversion', async () => {
    await t.dataSource.query(`DELETE FROM "file_conversions" WHERE "sha256" = '${wordSha}'`);
    const before = docxConversionCount();
    const res = await converted(wordId).set('Accept-Encoding', 'identity').expect(200);
    expect(docxConversionCount() - before).toBe(1);
    const row = await conversionRow(wordSha);
    expect(Number(row?.converter_version)).toBe(DOCX_CONVERTER_VERSION);
    expect(JSON.parse(row!.report)).toEqual(res.body);
    // Stored: the next read converts nothing.
    await converted(wordId).set('Accept-Encoding', 'identity').expect(200);
    expect(docxConversionCount() - before).toBe(1);
  });

  it('converts again at start a conversion by an older converter, and a Word document with none', async () => {
    const late = await makeDocx('BACKFILLED MARKER');
    await uploadWord(late, { urgencyReason: 'Received after the agenda was published' }).expect(
      201,
    );
    const lateSha = digest(late);
    // One converted by converter 0 (its blocks are not what this one makes), one with none.
    await t.dataSource.query(
      `UPDATE "file_conversions" SET "converter_version" = 0, "report" = '{"blocks":[],"warnings":[]}' WHERE "sha256" = '${wordSha}'`,
    );
    await t.dataSource.query(`DELETE FROM "file_conversions" WHERE "sha256" = '${lateSha}'`);
    const before = docxConversionCount();
    // What the API does at start (database/prepare.ts).
    expect(await ensureFileConversions(t.dataSource)).toBe(2);
    expect(docxConversionCount() - before).toBe(2);
    for (const [sha, bytes] of [
      [wordSha, await docxBytes(wordId)],
      [lateSha, late],
    ] as const) {
      const row = await conversionRow(sha);
      expect(Number(row?.converter_version)).toBe(DOCX_CONVERTER_VERSION);
      const direct = await docxToReport(bytes);
      expect(JSON.parse(row!.report)).toEqual({ blocks: direct.blocks, warnings: direct.warnings });
    }
    // Nothing is due any more: the next start converts none.
    expect(await ensureFileConversions(t.dataSource)).toBe(0);
    expect(docxConversionCount() - before).toBe(2);
  });

  it('is in the OpenAPI document with its schema, 304 and 404', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const operation = doc.paths['/api/v1/agenda-items/{id}/documents/{docId}/converted']?.['get'];
    expect(operation).toBeDefined();
    expect(Object.keys(operation!.responses)).toEqual(
      expect.arrayContaining(['200', '304', '400', '404', '429']),
    );
    expect(JSON.stringify(operation!.responses['200'])).toContain('ConvertedReport');
  });
});
