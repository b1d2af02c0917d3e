// Attached files (issue 12): PDF and Word papers uploaded to agenda items, stored once by SHA-256
// in the database with their document, served back byte for byte, withheld when exempt, refused
// with a problem document when unusable (and then nothing is stored), and carried by reference
// through a meeting document's export and import.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MeetingDocument } from '@scrutineer/domain';
import type { Response } from 'supertest';
import {
  damagedPdf,
  docxBomb,
  macroEnabledDocx,
  makeDocx,
  makeEmptyPdf,
  makeEncryptedPdf,
  makePdf,
  pngBytes,
  renamedZip,
  spreadsheetPackage,
  truncatedPdf,
  uploadDocument,
} from './support/attachments.js';
import { randomUUID } from 'node:crypto';
import { DatabaseFileStore } from '../src/files/database-file-store.js';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { publishSupplement } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Small, so the 413 test sends little; the default (50 MB) is tested in config.spec.ts. */
const LIMIT = 400_000;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Reads a binary body whole, whatever its Content-Type. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describeEachDatabase('attached files on agenda items', (kind) => {
  let t: TestApp;
  let itemId: string;
  let otherItemId: string;
  let pdf: Buffer;
  let docx: Buffer;

  const count = async (table: 'stored_files' | 'item_documents'): Promise<number> => {
    const rows = (await t.dataSource.query(`SELECT COUNT(*) AS "n" FROM "${table}"`)) as {
      n: number | string;
    }[];
    return Number(rows[0]?.n);
  };
  const version = async (id: string): Promise<number> =>
    (await t.http().get(`/api/v1/agenda-items/${id}`).set(bearer(t.tokens.clerk)).expect(200)).body
      .version as number;

  const upload = (
    id: string,
    file: Buffer | null,
    fields: Record<string, string> = { title: 'Appendix A: Budget', role: 'appendix' },
    name = 'appendix-a.pdf',
  ) =>
    uploadDocument(t, id, {
      file,
      filename: name,
      contentType: PDF,
      fields: { urgencyReason: 'Received after the agenda was published', ...fields },
    });
  const download = (id: string, docId: string, token?: string) => {
    const req = t
      .http()
      .get(`/api/v1/agenda-items/${id}/documents/${docId}/file`)
      .buffer(true)
      .parse(binary);
    return token === undefined ? req : req.set(bearer(token));
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { config: { attachmentMaxBytes: LIMIT } });
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-items`)
      .expect(200);
    const open = (agenda.body.items as { id: string; kind: string; exemption: unknown }[]).filter(
      (item) => item.exemption === null && item.kind === 'report',
    );
    expect(open.length).toBeGreaterThanOrEqual(2);
    itemId = open[0]!.id;
    otherItemId = open[1]!.id;
    pdf = await makePdf('ATTACHED PDF MARKER');
    docx = await makeDocx('ATTACHED DOCX MARKER');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores an uploaded PDF with its document and serves the same bytes back', async () => {
    const before = await version(itemId);
    const res = await upload(itemId, pdf).expect(201);
    expect(res.body).toMatchObject({
      agendaItemId: itemId,
      title: 'Appendix A: Budget',
      role: 'appendix',
      exemption: null,
      isWithheld: false,
      content: {
        kind: 'file',
        file: {
          sha256: sha256(pdf),
          mediaType: PDF,
          byteLength: pdf.length,
          fileName: 'appendix-a.pdf',
          pageCount: 3,
        },
      },
      version: before + 1,
    });
    expect(res.headers['etag']).toBe(`"${before + 1}"`);
    const docId = res.body.id as string;
    // A late paper: the public reads it once its supplementary agenda is out.
    await t.http().get(`/api/v1/agenda-items/${itemId}/documents/${docId}`).expect(404);
    await publishSupplement(t, SAMPLE.stockportMarch2022);
    // Anyone may read an open document, its metadata and its bytes.
    const meta = await t
      .http()
      .get(`/api/v1/agenda-items/${itemId}/documents/${docId}`)
      .expect(200);
    expect(meta.body.content).toEqual(res.body.content);
    const file = await download(itemId, docId).expect(200);
    expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
    expect(file.headers['content-type']).toBe(PDF);
    expect(file.headers['content-length']).toBe(String(pdf.length));
    expect(file.headers['etag']).toBe(`"${sha256(pdf)}"`);
    expect(file.headers['content-disposition']).toContain('filename="appendix-a.pdf"');
    await t
      .http()
      .get(`/api/v1/agenda-items/${itemId}/documents/${docId}/file`)
      .set('If-None-Match', `"${sha256(pdf)}"`)
      .expect(304);
    // The item lists it with its id.
    const item = await t.http().get(`/api/v1/agenda-items/${itemId}`).expect(200);
    expect(item.body.documents.at(-1)).toMatchObject({ id: docId, content: { kind: 'file' } });
  });

  it('stores a Word document, read from its bytes whatever the client called it', async () => {
    const res = await uploadDocument(t, itemId, {
      file: docx,
      filename: 'Rapport – été.docx',
      contentType: 'application/octet-stream',
      fields: {
        title: 'Director’s report',
        role: 'report',
        urgencyReason: 'Received after the agenda was published',
      },
    }).expect(201);
    await publishSupplement(t, SAMPLE.stockportMarch2022);
    expect(res.body.content.file).toEqual({
      sha256: sha256(docx),
      mediaType: DOCX,
      byteLength: docx.length,
      fileName: 'Rapport – été.docx',
      // The conversion's findings, stored with the file (a Word document has no pages).
      checks: { kind: 'docx', headingCount: 1, imagesWithoutAlt: 0, warnings: [] },
    });
    const file = await download(itemId, res.body.id as string).expect(200);
    expect(Buffer.compare(file.body as Buffer, docx)).toBe(0);
    expect(file.headers['content-type']).toBe(DOCX);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Rapport – été.docx')}`,
    );
  });

  it('keeps the same bytes once however many items attach them, and deletes them with the last', async () => {
    const same = await makePdf('SHARED APPENDIX', 2);
    const files = await count('stored_files');
    const first = await upload(itemId, same, { title: 'Shared', role: 'supporting' }).expect(201);
    const second = await upload(otherItemId, same, {
      title: 'Shared too',
      role: 'appendix',
    }).expect(201);
    expect(await count('stored_files')).toBe(files + 1);
    expect(second.body.content.file.sha256).toBe(first.body.content.file.sha256);
    await t
      .http()
      .delete(`/api/v1/agenda-items/${itemId}/documents/${first.body.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${await version(itemId)}"`)
      .expect(204);
    expect(await count('stored_files')).toBe(files + 1);
    // Read as the clerk: late papers no supplement has published yet (the public's 404).
    const stillThere = await download(otherItemId, second.body.id as string, t.tokens.clerk).expect(
      200,
    );
    expect(Buffer.compare(stillThere.body as Buffer, same)).toBe(0);
    await t
      .http()
      .delete(`/api/v1/agenda-items/${otherItemId}/documents/${second.body.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${await version(otherItemId)}"`)
      .expect(204);
    expect(await count('stored_files')).toBe(files);
    await t
      .http()
      .get(`/api/v1/agenda-items/${otherItemId}/documents/${second.body.id}`)
      .set(bearer(t.tokens.clerk))
      .expect(404);
  });

  it('indexes an uploaded document for search in its transaction, and drops it with the document', async () => {
    const word = 'zygomorphic';
    // The sample meeting's agenda is published: the upload is a late paper, which the clerk
    // finds and the public does not until a supplement publishes it (search-files.e2e).
    const found = async (token: string | null = t.tokens.clerk): Promise<number> => {
      const call = t.http().get('/api/v1/search').query({ q: word });
      return (await (token === null ? call : call.set(bearer(token))).expect(200)).body
        .total as number;
    };
    expect(await found()).toBe(0);
    const created = await upload(otherItemId, await makePdf('SEARCHED', 1), {
      title: `Appendix S: ${word} survey`,
      role: 'appendix',
    }).expect(201);
    expect(await found()).toBeGreaterThan(0);
    expect(await found(null)).toBe(0);
    await t
      .http()
      .delete(`/api/v1/agenda-items/${otherItemId}/documents/${created.body.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${await version(otherItemId)}"`)
      .expect(204);
    expect(await found()).toBe(0);
  });

  it('takes simultaneous uploads of the same bytes to one item: every one stored, the file once', async () => {
    const same = await makePdf('UPLOADED FIVE TIMES AT ONCE', 1);
    const [files, documents] = [await count('stored_files'), await count('item_documents')];
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        upload(otherItemId, same, { title: `Copy ${i + 1}`, role: 'supporting' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.position)).size).toBe(5);
    expect([await count('stored_files'), await count('item_documents')]).toEqual([
      files + 1,
      documents + 5,
    ]);
    for (const answer of answers)
      await t
        .http()
        .delete(`/api/v1/agenda-items/${otherItemId}/documents/${answer.body.id}`)
        .set(bearer(t.tokens.clerk))
        .set('If-Match', `"${await version(otherItemId)}"`)
        .expect(204);
    expect([await count('stored_files'), await count('item_documents')]).toEqual([
      files,
      documents,
    ]);
  });

  (kind === 'postgres' ? it : it.skip)(
    'keeps a file another transaction takes into use while it is being deleted as unreferenced',
    async () => {
      const file = await makePdf('RACED', 1);
      const created = await upload(otherItemId, file, {
        title: 'Raced',
        role: 'supporting',
      }).expect(201);
      const hash = sha256(file);
      await t.dataSource.query(`DELETE FROM "item_documents" WHERE "id" = $1`, [created.body.id]);
      // Nothing names the file now. A transaction takes it into use, and before it commits
      // another deletes it as unreferenced: the delete waits for the row, then meets the new
      // reference in its foreign key.
      const race = async (guarded: boolean): Promise<unknown> => {
        const taker = t.dataSource.createQueryRunner();
        await taker.connect();
        await taker.startTransaction();
        const docId = randomUUID();
        await taker.query(
          `INSERT INTO "item_documents" ("id", "agenda_item_id", "position", "title", "role", "content", "file_sha256") VALUES ($1, $2, 99, 'Taken', 'supporting', '{}', $3)`,
          [docId, otherItemId, hash],
        );
        const deleting = t.dataSource.transaction((manager) =>
          guarded
            ? new DatabaseFileStore().deleteUnreferenced(manager, [hash])
            : manager.query(`DELETE FROM "stored_files" WHERE "sha256" = $1`, [hash]),
        );
        const outcome = deleting.then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        await taker.commitTransaction();
        await taker.release();
        const result = await outcome;
        await t.dataSource.query(`DELETE FROM "item_documents" WHERE "id" = $1`, [docId]);
        return result;
      };
      // Unguarded, the race is real: the delete fails on the foreign key.
      const unguarded = (await race(false)) as { error?: { driverError?: { code?: string } } };
      expect(
        unguarded.error?.driverError?.code ?? (unguarded.error as { code?: string })?.code,
      ).toBe('23503');
      // The store undoes only its delete, keeps the file, and its transaction goes on.
      expect(await race(true)).toEqual({ value: 0 });
      const left = (await t.dataSource.query(
        `SELECT COUNT(*) AS "n" FROM "stored_files" WHERE "sha256" = $1`,
        [hash],
      )) as { n: string }[];
      expect(Number(left[0]?.n)).toBe(1);
      expect(
        await t.dataSource.transaction((manager) =>
          new DatabaseFileStore().deleteUnreferenced(manager, [hash]),
        ),
      ).toBe(1);
    },
  );

  it('serves an exempt file only to roles that may read exempt content; to others it does not exist', async () => {
    const secret = await makePdf('EXEMPT TENDER SCORES', 1);
    const res = await upload(
      itemId,
      secret,
      { title: 'Appendix C: Tender scores', role: 'appendix', exemptParagraph: '3' },
      'tender-scores-confidential.pdf',
    ).expect(201);
    expect(res.body.exemption).toEqual({ paragraph: 3 });
    const docId = res.body.id as string;
    // Published in a supplement, so what follows is withholding, not a late paper's 404.
    await publishSupplement(t, SAMPLE.stockportMarch2022);
    for (const token of [undefined, t.tokens.officer]) {
      const meta = t.http().get(`/api/v1/agenda-items/${itemId}/documents/${docId}`);
      await (token === undefined ? meta : meta.set(bearer(token))).expect(404);
      await download(itemId, docId, token).expect(404);
    }
    for (const token of [t.tokens.member, t.tokens.clerk, t.tokens.admin]) {
      const file = await download(itemId, docId, token).expect(200);
      expect(Buffer.compare(file.body as Buffer, secret)).toBe(0);
      expect(file.headers['cache-control']).toBe('private, no-store');
    }
    // The item shows the public its title and paragraph, never the file.
    const item = await t.http().get(`/api/v1/agenda-items/${itemId}`).expect(200);
    const listed = (item.body.documents as { id: string; content: unknown }[]).find(
      (d) => d.id === docId,
    );
    expect(listed).toMatchObject({ content: null, isWithheld: true });
    expect(JSON.stringify(item.body)).not.toContain('tender-scores-confidential');
    // A Welsh paragraph is refused for an English authority, at the field that gave it.
    const welsh = await upload(itemId, secret, {
      title: 'Wrong nation',
      role: 'appendix',
      exemptParagraph: '14',
    }).expect(400);
    expect(JSON.stringify(welsh.body.errors)).toContain('$.exemptParagraph');
  });

  describe('refusals store nothing', () => {
    const cases: [string, () => Promise<Buffer>, number, string][] = [
      ['an empty file', async () => Buffer.alloc(0), 422, 'FILE.EMPTY'],
      ['an encrypted PDF', makeEncryptedPdf, 422, 'FILE.PDF_ENCRYPTED'],
      ['a damaged PDF', async () => damagedPdf(), 422, 'FILE.PDF_DAMAGED'],
      ['a PDF with no pages', makeEmptyPdf, 422, 'FILE.PDF_NO_PAGES'],
      ['a truncated PDF', truncatedPdf, 422, 'FILE.PDF_DAMAGED'],
      ['a renamed ZIP', async () => renamedZip(), 422, 'FILE.DOCX_INVALID'],
      ['a Word document that unpacks to 300 MB', docxBomb, 422, 'FILE.DOCX_INVALID'],
      ['a macro-enabled Word document', macroEnabledDocx, 415, 'FILE.UNSUPPORTED_TYPE'],
      ['a spreadsheet', async () => spreadsheetPackage(), 415, 'FILE.UNSUPPORTED_TYPE'],
      ['a PNG called .pdf', async () => pngBytes(), 415, 'FILE.UNSUPPORTED_TYPE'],
      [
        'a file over the limit',
        async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(LIMIT + 1, 32)]),
        413,
        'FILE.TOO_LARGE',
      ],
    ];
    for (const [what, make, status, code] of cases) {
      it(`${what}: ${status} ${code}`, async () => {
        const [files, documents, before] = [
          await count('stored_files'),
          await count('item_documents'),
          await version(itemId),
        ];
        const res = await upload(itemId, await make()).expect(status);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.code).toBe(code);
        expect(String(res.body.detail).length).toBeGreaterThan(10);
        expect([await count('stored_files'), await count('item_documents')]).toEqual([
          files,
          documents,
        ]);
        expect(await version(itemId)).toBe(before);
      });
    }

    it('refuses a ZIP bomb by the sizes its directory claims, before anything inflates it', async () => {
      const res = await upload(itemId, await docxBomb()).expect(422);
      expect(res.body.detail).toContain('unpacks to 301 MB');
    });

    it('names what is accepted in a 415', async () => {
      const res = await upload(itemId, pngBytes()).expect(415);
      expect(res.body.data.accepted).toEqual([PDF, DOCX]);
      expect(res.body.detail).toContain('Word document (.docx');
    });

    it('refuses a body that is not multipart, a missing file and bad fields with 4xx', async () => {
      const files = await count('stored_files');
      const json = await t
        .http()
        .post(`/api/v1/agenda-items/${itemId}/documents`)
        .set(bearer(t.tokens.clerk))
        .send({ title: 'x', role: 'report' })
        .expect(415);
      expect(json.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
      const missing = await upload(itemId, null).expect(400);
      expect(JSON.stringify(missing.body.errors)).toContain('body:file');
      const bad = await upload(itemId, pdf, { title: '', role: 'minutes', colour: 'red' }).expect(
        400,
      );
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        '$.colour',
        '$.role',
        '$.title',
      ]);
      await upload(itemId, pdf, { title: 'x', role: 'report', exemptParagraph: '9' }).expect(400);
      expect(await count('stored_files')).toBe(files);
    });

    it('refuses callers who may not write, before reading the file', async () => {
      const fields = {
        title: 'x',
        role: 'report',
        urgencyReason: 'Received after the agenda was published',
      };
      const file = { file: pdf, filename: 'x.pdf', fields };
      await uploadDocument(t, itemId, { ...file, token: null }).expect(401);
      await uploadDocument(t, itemId, { ...file, token: t.tokens.officer }).expect(403);
      await upload('no-such-item', pdf).expect(404);
    });
  });

  it('replaces and deletes a document only at the item’s version (If-Match)', async () => {
    const original = await makePdf('TO BE REPLACED', 1);
    const created = await upload(itemId, original, { title: 'Draft', role: 'supporting' }).expect(
      201,
    );
    const docId = created.body.id as string;
    const path = `/api/v1/agenda-items/${itemId}/documents/${docId}`;
    const put = (ifMatch?: string) => {
      const req = t
        .http()
        .put(path)
        .set(bearer(t.tokens.clerk))
        .field('title', 'Final')
        .field('role', 'supporting')
        .field('urgencyReason', 'Received after the agenda was published')
        .attach('file', docx, 'final.docx');
      return ifMatch === undefined ? req : req.set('If-Match', ifMatch);
    };
    await put().expect(428);
    await put(`"${created.body.version - 1}"`).expect(412);
    const replaced = await put(`"${created.body.version}"`).expect(200);
    expect(replaced.body).toMatchObject({
      id: docId,
      title: 'Final',
      position: created.body.position,
      content: { kind: 'file', file: { sha256: sha256(docx), mediaType: DOCX } },
      version: created.body.version + 1,
    });
    // The draft's bytes were used by nothing else: gone with it.
    const left = (await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "stored_files" WHERE "sha256" = '${sha256(original)}'`,
    )) as { n: number | string }[];
    expect(Number(left[0]?.n)).toBe(0);
    await t.http().delete(path).set(bearer(t.tokens.clerk)).expect(428);
    await t
      .http()
      .delete(path)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${created.body.version}"`)
      .expect(412);
    await t
      .http()
      .delete(path)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${replaced.body.version}"`)
      .expect(204);
    await t.http().get(path).expect(404);
  });

  it('keeps document ids and files across a PUT of the item, and refuses a file it does not hold', async () => {
    const item = await t.http().get(`/api/v1/agenda-items/${itemId}`).set(bearer(t.tokens.clerk));
    const files = await count('stored_files');
    const again = await t
      .http()
      .put(`/api/v1/agenda-items/${itemId}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${item.body.version}"`)
      .send({ ...item.body, title: `${item.body.title as string} (amended)` })
      .expect(200);
    expect(again.body.documents.map((d: { id: string }) => d.id)).toEqual(
      item.body.documents.map((d: { id: string }) => d.id),
    );
    expect(await count('stored_files')).toBe(files);
    const invented = await t
      .http()
      .put(`/api/v1/agenda-items/${itemId}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${again.body.version}"`)
      .send({
        ...again.body,
        documents: [
          ...again.body.documents,
          {
            title: 'Invented',
            role: 'appendix',
            exemption: null,
            content: {
              kind: 'file',
              file: { sha256: 'f'.repeat(64), mediaType: PDF, byteLength: 10, fileName: 'x.pdf' },
            },
          },
        ],
      })
      .expect(400);
    expect(invented.body.code).toBe('FILE.NOT_STORED');
    expect(JSON.stringify(invented.body.errors)).toContain('content.file.sha256');
  });

  it('carries files through export and import by SHA-256, the bytes uploaded first', async () => {
    // A meeting of its own, with a PDF and a Word document on its first report item.
    const copyId = `${SAMPLE.stockportMarch2022}-files`;
    const base = withMeetingId(await exportMeeting(t, SAMPLE.stockportMarch2022), copyId);
    const plain: MeetingDocument = {
      ...base,
      agendaItems: base.agendaItems.map((item) => ({
        ...item,
        documents: item.documents.filter((d) => d.content.kind !== 'file'),
      })),
    };
    await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(plain)
      .expect(201);
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${copyId}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    const target = (agenda.body.items as { id: string; kind: string; exemption: unknown }[]).find(
      (i) => i.kind === 'report' && i.exemption === null,
    )!;
    const onlyHere = await makePdf('ONLY IN THE COPY', 4);
    await upload(target.id, onlyHere, { title: 'Appendix Z', role: 'appendix' }).expect(201);
    await upload(target.id, docx, { title: 'Report Z', role: 'report' }, 'report-z.docx').expect(
      201,
    );
    const exported = await exportMeeting(t, copyId);
    const fileDocs = exported.agendaItems.flatMap((i) =>
      i.documents.filter((d) => d.content.kind === 'file'),
    );
    expect(fileDocs).toHaveLength(2);
    // Fetch each file's bytes, then delete the meeting: its files no other meeting uses go too.
    const bytes = new Map<string, Buffer>();
    const rows = (
      await t.http().get(`/api/v1/agenda-items/${target.id}`).set(bearer(t.tokens.clerk))
    ).body.documents as { id: string; content: { kind: string; file?: { sha256: string } } }[];
    for (const row of rows.filter((r) => r.content.kind === 'file')) {
      const file = await download(target.id, row.id, t.tokens.clerk).expect(200);
      bytes.set(row.content.file!.sha256, file.body as Buffer);
    }
    const meeting = await t.http().get(`/api/v1/meetings/${copyId}`).set(bearer(t.tokens.clerk));
    await t
      .http()
      .delete(`/api/v1/meetings/${copyId}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${meeting.body.version}"`)
      .expect(204);
    const gone = (await t.dataSource.query(
      `SELECT COUNT(*) AS "n" FROM "stored_files" WHERE "sha256" = '${sha256(onlyHere)}'`,
    )) as { n: number | string }[];
    expect(Number(gone[0]?.n)).toBe(0);
    // Importing before the bytes are there is refused, naming the file.
    const refused = await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(exported)
      .expect(400);
    expect(refused.body.code).toBe('FILE.NOT_STORED');
    expect(
      await t.http().get(`/api/v1/meetings/${copyId}`).set(bearer(t.tokens.clerk)),
    ).toMatchObject({ status: 404 });
    for (const [hash, file] of bytes) {
      const stored = await t
        .http()
        .post('/api/v1/files')
        .set(bearer(t.tokens.clerk))
        .attach('file', file, 'upload.bin')
        .expect(201);
      expect(stored.body.sha256).toBe(hash);
    }
    await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(exported)
      .expect(201);
    expect(await exportMeeting(t, copyId)).toEqual(exported);
    const back = (
      await t
        .http()
        .get(`/api/v1/agenda-items`)
        .query({ meetingId: copyId, limit: 100 })
        .set(bearer(t.tokens.clerk))
    ).body.items as {
      id: string;
      documents: { id: string; content: { kind: string; file?: { sha256: string } } }[];
    }[];
    for (const item of back)
      for (const d of item.documents.filter((x) => x.content.kind === 'file')) {
        const file = await download(item.id, d.id, t.tokens.clerk).expect(200);
        expect(Buffer.compare(file.body as Buffer, bytes.get(d.content.file!.sha256)!)).toBe(0);
      }
  });
});
