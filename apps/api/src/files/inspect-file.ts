import { createHash } from 'node:crypto';
import {
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentMediaType,
  type ConvertedReport,
  type DocxAttachmentChecks,
  type PdfAttachmentChecks,
} from '@scrutineer/domain';
import { isReporterError, MAX_UNPACKED_BYTES, preflightPdf } from '@scrutineer/reporter';
import { unzipSync } from 'fflate';
import { ApiError } from '../common/problem.js';
import { convertDocx } from './file-conversions.js';
import type { FileToStore } from './file-store.js';
import { docxText, readPdfText, type FileText } from './file-texts.js';

export const PDF = 'application/pdf' satisfies AttachmentMediaType;
export const DOCX =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document' satisfies AttachmentMediaType;

/** What the refusals name as accepted. */
export const ACCEPTED_TEXT = `a PDF (${PDF}) or a Word document (.docx, ${DOCX})`;

/** PDF readers accept the `%PDF-` header anywhere in the first 1024 bytes. */
const isPdf = (bytes: Buffer): boolean => bytes.subarray(0, 1024).includes('%PDF-');
/** A ZIP archive's local file header. */
const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

const refuse = (
  code:
    | 'FILE.EMPTY'
    | 'FILE.PDF_ENCRYPTED'
    | 'FILE.PDF_DAMAGED'
    | 'FILE.PDF_NO_PAGES'
    | 'FILE.DOCX_INVALID',
  message: string,
): ApiError => new ApiError(code, message, [{ path: 'body:file', message, code }]);

const unsupported = (what: string): ApiError =>
  new ApiError(
    'FILE.UNSUPPORTED_TYPE',
    `${what}: upload ${ACCEPTED_TEXT}.`,
    [{ path: 'body:file', message: `must be ${ACCEPTED_TEXT}`, code: 'FILE.UNSUPPORTED_TYPE' }],
    { accepted: [...ATTACHMENT_MEDIA_TYPES] },
  );

/**
 * A PDF checked by the reporter's pre-flight (`preflightPdf`, which opens it as `validatePdf`
 * does, decoding every page, and then runs the PDF/UA checker over it): refused when it cannot
 * be merged into a pack (encrypted, damaged, no pages), otherwise its accessibility facts.
 */
const checkPdf = async (bytes: Buffer): Promise<PdfAttachmentChecks> => {
  let preflight: Awaited<ReturnType<typeof preflightPdf>>;
  try {
    preflight = await preflightPdf(bytes);
  } catch (error) {
    if (!isReporterError(error)) throw error;
    if (error.code === 'REPORTER.PDF_NO_PAGES')
      throw refuse('FILE.PDF_NO_PAGES', 'The PDF has no pages.');
    if (error.code === 'REPORTER.PDF_ENCRYPTED') throw encrypted();
    throw refuse(
      'FILE.PDF_DAMAGED',
      `${error.message.replace(/^The file is a damaged PDF/, 'The PDF is damaged').replace(/^The file is not a PDF/, 'The file is not a readable PDF')} Save it again from the program that made it.`,
    );
  }
  if (preflight.encrypted) throw encrypted();
  return {
    kind: 'pdf',
    pageCount: preflight.pageCount,
    tagged: preflight.tagged,
    hasTitle: preflight.hasTitle,
    language: preflight.language === null ? null : preflight.language.slice(0, 100),
    fontsEmbedded: preflight.fontsEmbedded,
    fontsUnicodeMapped: preflight.fontsUnicodeMapped,
    imageOnly: preflight.imageOnly,
    imageOnlyPages: [...preflight.imageOnlyPages],
    pdfUaRulesFailed: [...preflight.pdfUaRulesFailed],
  };
};

const encrypted = (): ApiError =>
  refuse(
    'FILE.PDF_ENCRYPTED',
    'The PDF is encrypted (password-protected or restricted): the council cannot publish, check or merge it. Save it without a password or restrictions and upload it again.',
  );

/** Larger than this, a package's `[Content_Types].xml` is not read (it is a few KB in a real one). */
const MAX_TYPES_BYTES = 1024 * 1024;

/**
 * What a ZIP archive's central directory says, before anything else is inflated: its
 * `[Content_Types].xml` (null when it has none, so it is no Office Open XML package) and how much
 * its entries unpack to. The reporter's reader (JSZip) inflates every entry to check its CRC
 * before it adds the sizes up, so a ZIP bomb is refused here, by its own sizes, first.
 */
const zipDirectoryOf = (bytes: Buffer): { types: string | null; unpackedBytes: number } => {
  let unpackedBytes = 0;
  try {
    const part = unzipSync(bytes, {
      filter: (entry) => {
        unpackedBytes += entry.originalSize;
        return entry.name === '[Content_Types].xml' && entry.originalSize <= MAX_TYPES_BYTES;
      },
    })['[Content_Types].xml'];
    return { types: part === undefined ? null : Buffer.from(part).toString('utf8'), unpackedBytes };
  } catch {
    // Not a ZIP fflate can read: the reporter says what is wrong with it.
    return { types: null, unpackedBytes };
  }
};

/** A heading anywhere in the converted blocks (lists and tables hold none). */
const headingCount = (blocks: readonly { kind: string }[]): number =>
  blocks.filter((block) => block.kind === 'heading').length;

/**
 * A Word document converted by the reporter (`docxToReport`, as the pack prints it): refused
 * when it is not a Word document the pack can read, otherwise what the conversion warned of, and
 * the conversion itself, stored with the file (file-conversions.ts): this is the one conversion.
 */
const checkDocx = async (
  bytes: Buffer,
): Promise<{ checks: DocxAttachmentChecks; text: FileText; conversion: ConvertedReport }> => {
  const { types, unpackedBytes } = zipDirectoryOf(bytes);
  if (unpackedBytes > MAX_UNPACKED_BYTES)
    throw refuse(
      'FILE.DOCX_INVALID',
      `The Word document unpacks to ${Math.ceil(unpackedBytes / 1024 / 1024)} MB, more than the ${MAX_UNPACKED_BYTES / 1024 / 1024} MB a document may: it is refused unread.`,
    );
  if (types !== null && types.includes('macroEnabled.main+xml'))
    // The reporter reads a .docm as Word, but it is not the type we store it as (nor one we take).
    throw unsupported('The file is a macro-enabled Word document (.docm)');
  let conversion: ConvertedReport;
  try {
    conversion = await convertDocx(bytes);
  } catch (error) {
    if (!isReporterError(error)) throw error;
    if (error.data['reason'] === 'not-a-word-document' && types !== null)
      // An Office package of another kind (a spreadsheet, a presentation): a type we do not take.
      throw unsupported('The file is an Office Open XML package but not a Word document');
    throw refuse(
      'FILE.DOCX_INVALID',
      error.data['reason'] === 'not-a-word-document'
        ? 'The file is a ZIP archive but not a Word document: it has no [Content_Types].xml or no main document (a renamed .zip, or another kind of file). Save it from Word as a .docx document.'
        : error.message,
    );
  }
  return {
    checks: {
      kind: 'docx',
      headingCount: headingCount(conversion.blocks),
      imagesWithoutAlt: conversion.warnings
        .filter((warning) => warning.code === 'image-without-alt')
        .reduce((sum, warning) => sum + warning.count, 0),
      warnings: conversion.warnings.map(({ code, message, count }) => ({ code, message, count })),
    },
    // Search's text of it, from the same conversion (file-texts.ts).
    text: docxText(conversion),
    conversion,
  };
};

/**
 * What a file is, from its bytes alone (never the uploader's name or Content-Type), whether the
 * council can use it, and its accessibility pre-flight (stored with it as `checks`). The checks
 * are the reporter's, the ones the pack and the PDF/UA test suite use: a readable, unencrypted
 * PDF with pages, or a Word document the pack can convert. Anything else is refused with a
 * problem naming what was wrong (415 for another kind of file, 422 for one of ours that is
 * unusable); nothing is stored before this has passed. Its text, for search (file-texts.ts), is
 * read too unless `options.text` is false (a pack the API printed itself is not searched); a
 * Word document's conversion is kept, to be stored with it (file-conversions.ts).
 */
export const inspectFile = async (
  bytes: Buffer,
  options: { readonly text: boolean } = { text: true },
): Promise<FileToStore> => {
  if (bytes.length === 0) throw refuse('FILE.EMPTY', 'The file is empty (0 bytes).');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isPdf(bytes)) {
    const checks = await checkPdf(bytes);
    return {
      sha256,
      mediaType: PDF,
      byteLength: bytes.length,
      pageCount: checks.pageCount,
      checks,
      bytes,
      ...(options.text ? { text: await readPdfText(bytes) } : {}),
    };
  }
  if (isZip(bytes)) {
    const { checks, text, conversion } = await checkDocx(bytes);
    return {
      sha256,
      mediaType: DOCX,
      byteLength: bytes.length,
      pageCount: null,
      checks,
      bytes,
      conversion,
      ...(options.text ? { text } : {}),
    };
  }
  throw unsupported('The file is neither a PDF nor a Word document');
};
