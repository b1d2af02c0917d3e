/**
 * Opening an attached PDF, with the three refusals the API maps to problem documents: a file
 * that is encrypted, one that is damaged (or not a PDF at all) and one with no pages are told
 * apart by their ReporterError code.
 */
import { decodePDFRawStream, ParseSpeeds, PDFDocument, PDFRawStream } from 'pdf-lib';
import { entry, itemsOf, resolve } from '../pdfua/pdf-objects.js';
import { ReporterError } from '../errors.js';

/** Where `%PDF-` may start: readers accept a little junk before it (ISO 32000-1 Annex H). */
const HEADER_WINDOW = 1024;

const hasPdfHeader = (bytes: Uint8Array): boolean => {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, HEADER_WINDOW),
  );
  return head.includes('%PDF-');
};

/** `%%EOF` must be this close to the end: a file cut short (an upload that stopped) lacks it. */
const EOF_WINDOW = 1024;

const hasEndMarker = (bytes: Uint8Array): boolean => {
  const from = Math.max(0, bytes.byteLength - EOF_WINDOW);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.byteLength - from).includes(
    '%%EOF',
  );
};

/** Whether every page's content streams decode (a corrupt Flate stream throws). */
const contentsDecode = (document: PDFDocument): boolean => {
  try {
    for (const page of document.getPages()) {
      for (const part of itemsOf(entry(page.node, 'Contents'))) {
        const stream = resolve(document.context, part);
        if (stream instanceof PDFRawStream) decodePDFRawStream(stream).decode();
      }
    }
    return true;
  } catch {
    return false;
  }
};

/** How the file is described in errors: its title when the caller has one. */
const named = (title: string | undefined): string => (title ? `“${title}”` : 'The file');

export type OpenedPdf = {
  readonly document: PDFDocument;
  readonly pageCount: number;
  /** True when the file is encrypted (only with `allowEncrypted`; its pages are not readable). */
  readonly encrypted: boolean;
};

/**
 * Loads `bytes` with pdf-lib. Throws REPORTER.PDF_DAMAGED (not a PDF, or a structure pdf-lib
 * cannot read), REPORTER.PDF_ENCRYPTED (unless `allowEncrypted`) or REPORTER.PDF_NO_PAGES.
 */
export const openPdf = async (
  bytes: Uint8Array,
  options: {
    readonly title?: string;
    readonly allowEncrypted?: boolean;
    /** Decode every page's content to find corruption (on by default; the merge, reading files already checked, skips it). */
    readonly checkContents?: boolean;
  } = {},
): Promise<OpenedPdf> => {
  const who = named(options.title);
  if (bytes.byteLength === 0 || !hasPdfHeader(bytes)) {
    throw new ReporterError(
      'REPORTER.PDF_DAMAGED',
      `${who} is not a PDF: it does not start with a PDF header.`,
      { reason: 'no-header', byteLength: bytes.byteLength },
    );
  }
  if (!hasEndMarker(bytes)) {
    throw new ReporterError(
      'REPORTER.PDF_DAMAGED',
      `${who} is a damaged PDF: it is cut short (it has no end-of-file marker), as when an upload or a download stops part-way.`,
      { reason: 'truncated', byteLength: bytes.byteLength },
    );
  }
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    throw new ReporterError(
      'REPORTER.PDF_DAMAGED',
      `${who} is a damaged PDF that cannot be read (${error instanceof Error ? error.message : String(error)}).`,
      { reason: 'unreadable' },
    );
  }
  if (document.isEncrypted && options.allowEncrypted !== true) {
    throw new ReporterError(
      'REPORTER.PDF_ENCRYPTED',
      `${who} is encrypted (it has a password or restrictions), so its pages cannot be read or merged into the pack: ask the author for a copy saved without a password or restrictions.`,
      { reason: 'encrypted' },
    );
  }
  let pageCount: number;
  try {
    pageCount = document.getPageCount();
  } catch (error) {
    throw new ReporterError(
      'REPORTER.PDF_DAMAGED',
      `${who} is a damaged PDF: its page tree cannot be read (${error instanceof Error ? error.message : String(error)}).`,
      { reason: 'page-tree' },
    );
  }
  if (
    pageCount > 0 &&
    !document.isEncrypted &&
    options.checkContents !== false &&
    !contentsDecode(document)
  ) {
    throw new ReporterError(
      'REPORTER.PDF_DAMAGED',
      `${who} is a damaged PDF: the content of one of its pages cannot be decoded.`,
      { reason: 'content' },
    );
  }
  if (pageCount === 0) {
    // pdf-lib recovers what it can from a truncated file: a file with no readable catalog or
    // page tree comes back with no pages, like a file that truly has none.
    throw new ReporterError('REPORTER.PDF_NO_PAGES', `${who} is a PDF with no pages.`, {
      reason: 'no-pages',
    });
  }
  return { document, pageCount, encrypted: document.isEncrypted };
};

/** What the API stores after checking an upload: the page count (the pack reserves that many pages). */
export type PdfValidation = { readonly pageCount: number };

/**
 * Checks that `bytes` is a PDF the pack can merge: readable, not encrypted, with pages.
 * Throws a ReporterError (REPORTER.PDF_DAMAGED, REPORTER.PDF_ENCRYPTED, REPORTER.PDF_NO_PAGES)
 * naming what is wrong, for the API to answer with a 4xx problem document.
 */
export const validatePdf = async (
  bytes: Uint8Array,
  options: { readonly title?: string } = {},
): Promise<PdfValidation> => {
  const { pageCount } = await openPdf(bytes, options);
  return { pageCount };
};
