import { createHash } from 'node:crypto';
import { ATTACHMENT_MEDIA_TYPES, type AttachmentMediaType } from '@scrutineer/domain';
import { unzipSync } from 'fflate';
import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { ApiError } from '../common/problem.js';
import type { FileToStore } from './file-store.js';

export const PDF = 'application/pdf' satisfies AttachmentMediaType;
export const DOCX =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document' satisfies AttachmentMediaType;

/** What the refusals name as accepted. */
export const ACCEPTED_TEXT = `a PDF (${PDF}) or a Word document (.docx, ${DOCX})`;

/** A Word package's parts unpacked to check it: larger than this is refused, not unpacked (a ZIP bomb). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

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

const pageCountOf = async (bytes: Buffer): Promise<number> => {
  let pages: number;
  try {
    const document = await PDFDocument.load(bytes, {
      ignoreEncryption: false,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
    pages = document.getPageCount();
  } catch (error) {
    // pdf-lib's errors are compiled to ES5 classes, so `instanceof` alone may not see them.
    if (
      error instanceof EncryptedPDFError ||
      (error instanceof Error && /is encrypted/.test(error.message))
    )
      throw refuse(
        'FILE.PDF_ENCRYPTED',
        'The PDF is encrypted (password-protected or restricted): the council cannot publish, check or merge it. Save it without a password or restrictions and upload it again.',
      );
    throw refuse(
      'FILE.PDF_DAMAGED',
      `The PDF is damaged and cannot be read (${error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : 'unreadable'}). Save it again from the program that made it.`,
    );
  }
  if (pages === 0) throw refuse('FILE.PDF_NO_PAGES', 'The PDF has no pages.');
  return pages;
};

const text = (part: Uint8Array | undefined): string =>
  part === undefined ? '' : Buffer.from(part).toString('utf8');

const unsupported = (what: string): ApiError =>
  new ApiError(
    'FILE.UNSUPPORTED_TYPE',
    `${what}: upload ${ACCEPTED_TEXT}.`,
    [{ path: 'body:file', message: `must be ${ACCEPTED_TEXT}`, code: 'FILE.UNSUPPORTED_TYPE' }],
    { accepted: [...ATTACHMENT_MEDIA_TYPES] },
  );

/** A Word document is an OPC package whose main part is word/document.xml (ECMA-376 Part 2). */
const checkWordPackage = (bytes: Buffer): void => {
  let parts: Record<string, Uint8Array>;
  let tooLarge: string | null = null;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        const wanted = entry.name === '[Content_Types].xml' || entry.name === 'word/document.xml';
        if (wanted && entry.originalSize > MAX_PART_BYTES) tooLarge = entry.name;
        return wanted && entry.originalSize <= MAX_PART_BYTES;
      },
    });
  } catch (error) {
    throw refuse(
      'FILE.DOCX_INVALID',
      `The file is a ZIP archive that cannot be read (${error instanceof Error ? error.message : 'damaged'}), so not a valid Word document.`,
    );
  }
  if (tooLarge !== null)
    throw refuse(
      'FILE.DOCX_INVALID',
      `The Word document's ${String(tooLarge)} would unpack to more than ${MAX_PART_BYTES / 1024 / 1024} MB.`,
    );
  const types = text(parts['[Content_Types].xml']);
  const body = text(parts['word/document.xml']);
  if (types !== '' && body === '')
    // An Office package of another kind (a spreadsheet, a presentation): a type we do not take.
    throw unsupported(
      'The file is an Office Open XML package but not a Word document (it has no word/document.xml)',
    );
  if (types === '' || body === '')
    throw refuse(
      'FILE.DOCX_INVALID',
      `The file is a ZIP archive but not a Word document: it has no ${types === '' ? '[Content_Types].xml' : 'word/document.xml'} (a renamed .zip, or another kind of file). Save it from Word as a .docx document.`,
    );
  if (!types.includes('wordprocessingml.document.main+xml') || !/<(\w+:)?document[\s>]/.test(body))
    throw refuse(
      'FILE.DOCX_INVALID',
      'The Word document is not a valid package: its content types or word/document.xml do not describe a Word document body.',
    );
};

/**
 * What a file is, from its bytes alone (never the uploader's name or Content-Type), and whether
 * the council can use it: a readable, unencrypted PDF with pages, or a valid Word package.
 * Anything else is refused with a problem naming what was wrong (415 for another kind of file,
 * 422 for one of ours that is unusable); nothing is stored before this has passed.
 */
export const inspectFile = async (bytes: Buffer): Promise<FileToStore> => {
  if (bytes.length === 0) throw refuse('FILE.EMPTY', 'The file is empty (0 bytes).');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isPdf(bytes)) {
    const pageCount = await pageCountOf(bytes);
    return { sha256, mediaType: PDF, byteLength: bytes.length, pageCount, bytes };
  }
  if (isZip(bytes)) {
    checkWordPackage(bytes);
    return { sha256, mediaType: DOCX, byteLength: bytes.length, pageCount: null, bytes };
  }
  throw unsupported('The file is neither a PDF nor a Word document');
};
