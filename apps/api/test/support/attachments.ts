import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Test } from 'supertest';
import { bearer, type TestApp } from './test-app.js';

/** A real PDF of `pages` pages, each with `text` drawn on it (pdf-lib). */
export const makePdf = async (text: string, pages = 3): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page += 1)
    pdf.addPage().drawText(`${text} (page ${page})`, { x: 50, y: 700, size: 12, font });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};

/** A real Word document (the `docx` package) with a heading and a paragraph. */
export const makeDocx = async (text: string): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Officer’s report', heading: HeadingLevel.HEADING_1 }),
            new Paragraph(text),
          ],
        },
      ],
    }),
  );

/** A PDF whose trailer names an encryption dictionary (as a password-protected one does). */
export const makeEncryptedPdf = async (): Promise<Buffer> => {
  const source = (await makePdf('locked', 1)).toString('latin1');
  return Buffer.from(
    source
      .replace('trailer\n<<', 'trailer\n<<\n/Encrypt 99 0 R')
      .replace(
        'xref',
        '99 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\nendobj\nxref',
      ),
    'latin1',
  );
};

/** A PDF with no pages at all. */
export const makeEmptyPdf = async (): Promise<Buffer> =>
  Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));

/** A PDF header followed by nothing a reader can use. */
export const damagedPdf = (): Buffer =>
  Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nthis is not a PDF any more');

/** A ZIP archive renamed .docx: no Word package inside. */
export const renamedZip = (): Buffer =>
  Buffer.from(zipSync({ 'notes.txt': strToU8('just a zip') }));

/** An Office package that is not Word (a spreadsheet's parts). */
export const spreadsheetPackage = (): Buffer =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
      'xl/workbook.xml': strToU8('<workbook/>'),
    }),
  );

/** The first bytes of a PNG image. */
export const pngBytes = (): Buffer =>
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

/** A Word document saved macro-enabled (.docm): its main part's content type says so. */
export const macroEnabledDocx = async (): Promise<Buffer> => {
  const parts = unzipSync(new Uint8Array(await makeDocx('MACROS')));
  const types = strFromU8(parts['[Content_Types].xml'] ?? new Uint8Array());
  parts['[Content_Types].xml'] = strToU8(
    types.replace(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'application/vnd.ms-word.document.macroEnabled.main+xml',
    ),
  );
  return Buffer.from(zipSync(parts));
};

/**
 * A Word document one of whose parts says it unpacks to 300 MB (a ZIP bomb's claim, made cheaply:
 * the sizes in its local and central headers are rewritten; nothing that large is ever made).
 */
export const docxBomb = async (): Promise<Buffer> => {
  const parts = unzipSync(new Uint8Array(await makeDocx('BOMB')));
  parts['word/media/padding.bin'] = strToU8('0123456789');
  const zip = Buffer.from(zipSync(parts, { level: 0 }));
  const name = Buffer.from('word/media/padding.bin');
  const claimed = 300 * 1024 * 1024;
  for (let at = zip.indexOf(name); at !== -1; at = zip.indexOf(name, at + 1)) {
    // The name follows a local header (30 bytes, sizes at 18 and 22) or a central one (46, at 20 and 24).
    if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(claimed, at - 30 + 22);
    else if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(claimed, at - 46 + 24);
  }
  return zip;
};

/** A real PDF cut short, as an upload that stopped part-way. */
export const truncatedPdf = async (): Promise<Buffer> => {
  const whole = await makePdf('cut short', 2);
  return whole.subarray(0, Math.floor(whole.length * 0.6));
};

/** One `POST /agenda-items/{id}/documents` as a clerk's browser sends it (multipart). */
export type DocumentUpload = {
  /** The file part; null sends the form without one. */
  readonly file: Buffer | null;
  readonly filename?: string;
  /** The part's declared type; supertest guesses it from the file name when absent. */
  readonly contentType?: string;
  /** The form's text fields (title, role, urgencyReason, exemptParagraph …), in this order. */
  readonly fields: Readonly<Record<string, string>>;
  /** The caller's token: the clerk's unless given; null for an anonymous caller. */
  readonly token?: string | null;
};

/** Starts the upload; the caller adds its `.expect(…)`. */
export const uploadDocument = (t: TestApp, itemId: string, upload: DocumentUpload): Test => {
  const request = t.http().post(`/api/v1/agenda-items/${itemId}/documents`);
  const token = upload.token === undefined ? t.tokens.clerk : upload.token;
  if (token !== null) request.set(bearer(token));
  for (const [field, value] of Object.entries(upload.fields)) request.field(field, value);
  if (upload.file === null) return request;
  return request.attach('file', upload.file, {
    filename: upload.filename ?? 'upload.pdf',
    ...(upload.contentType === undefined ? {} : { contentType: upload.contentType }),
  });
};
