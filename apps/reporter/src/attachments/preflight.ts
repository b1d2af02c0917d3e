/**
 * The accessibility pre-flight of an attached PDF (issue 12, item 5): is it tagged, does it have
 * a title and a language, are its fonts embedded with Unicode mappings, is any page only an image
 * of text (a scan)? It reads the file with the PDF/UA checker the test suite runs on our own
 * documents (`src/pdfua`: the same page scans, structure tree, fonts and rules), and says what it
 * finds in words a clerk can act on.
 */
import type { PDFDocument } from 'pdf-lib';
import { readCheckContext, runPdfUaRules } from '../pdfua/check-pdf-ua.js';
import type { CheckContext } from '../pdfua/check-context.js';
import type { PdfUaRule } from '../pdfua/findings.js';
import { booleanAt, dictAt, entry, streamBytes, textAt } from '../pdfua/pdf-objects.js';
import { readXmp } from '../pdfua/read-xmp.js';
import { isUnreadable } from '../pdfua/rules/fonts.rules.js';
import { openPdf } from './open-pdf.js';

export type PreflightWarningCode =
  | 'ATTACHMENT.ENCRYPTED'
  | 'ATTACHMENT.SCANNED'
  | 'ATTACHMENT.UNTAGGED'
  | 'ATTACHMENT.NOT_PDF_UA'
  | 'ATTACHMENT.NO_TITLE'
  | 'ATTACHMENT.NO_LANGUAGE'
  | 'ATTACHMENT.FONTS_NOT_EMBEDDED'
  | 'ATTACHMENT.FONTS_NOT_UNICODE';

export type PreflightWarning = { readonly code: PreflightWarningCode; readonly message: string };

export type PdfPreflight = {
  readonly pageCount: number;
  readonly encrypted: boolean;
  /** `/MarkInfo /Marked true` and a structure tree with at least one element. */
  readonly tagged: boolean;
  /** A title in the document's properties (Info /Title or XMP dc:title). */
  readonly hasTitle: boolean;
  /** The catalog's `/Lang`, or null when it says no language. */
  readonly language: string | null;
  /** Every font that shows text is embedded. */
  readonly fontsEmbedded: boolean;
  /** Every code shown maps to Unicode text (ToUnicode), so the text can be read aloud and searched. */
  readonly fontsUnicodeMapped: boolean;
  /** Every page that paints anything is an image with no text: a scan. */
  readonly imageOnly: boolean;
  /** 1-based pages that paint images and show no text. */
  readonly imageOnlyPages: readonly number[];
  /** The PDF/UA rules the checker found broken (empty for a conforming tagged PDF). */
  readonly pdfUaRulesFailed: readonly PdfUaRule[];
  readonly warnings: readonly PreflightWarning[];
};

/** "pages 3, 4 and 9". */
const pageList = (pages: readonly number[]): string => {
  const shown = pages.slice(0, 10).map(String);
  const more = pages.length > 10 ? ` and ${pages.length - 10} more` : '';
  if (shown.length === 1) return `page ${shown[0]}`;
  return `pages ${shown.slice(0, -1).join(', ')}${more === '' ? ` and ${shown.at(-1)}` : `, ${shown.at(-1)}${more}`}`;
};

const infoTitle = (document: PDFDocument): string | undefined => {
  try {
    return document.getTitle();
  } catch {
    return undefined;
  }
};

const xmpTitle = (check: CheckContext): string | null => {
  const bytes = streamBytes(entry(check.catalog, 'Metadata'));
  if (bytes === undefined) return null;
  const reading = readXmp(new TextDecoder('utf-8').decode(bytes));
  return reading.ok ? reading.fields.title : null;
};

const isScanned = (page: CheckContext['pages'][number]): boolean =>
  page.scan.imageCount > 0 && page.scan.textCount === 0;

const fontNames = (names: readonly string[]): string => {
  const unique = [...new Set(names.map((name) => name.replace(/^[A-Z]{6}\+/, '')))];
  return unique.length > 4
    ? `${unique.slice(0, 4).join(', ')} and ${unique.length - 4} more`
    : unique.join(', ');
};

const ENCRYPTED_RESULT = (pageCount: number, who: string): PdfPreflight => ({
  pageCount,
  encrypted: true,
  tagged: false,
  hasTitle: false,
  language: null,
  fontsEmbedded: false,
  fontsUnicodeMapped: false,
  imageOnly: false,
  imageOnlyPages: [],
  pdfUaRulesFailed: [],
  warnings: [
    {
      code: 'ATTACHMENT.ENCRYPTED',
      message: `${who} is encrypted (it has a password or restrictions), so it cannot be checked or merged into the pack: ask the author for a copy saved without a password or restrictions.`,
    },
  ],
});

/**
 * Pre-flights `bytes` as an attached PDF called `title` ("Appendix B"). Throws REPORTER.PDF_DAMAGED
 * or REPORTER.PDF_NO_PAGES for a file that is not a readable PDF with pages; an encrypted file is
 * reported (`encrypted`, with a warning), as nothing else about it can be read.
 */
export const preflightPdf = async (
  bytes: Uint8Array,
  options: { readonly title?: string } = {},
): Promise<PdfPreflight> => {
  const who = options.title ? options.title : 'The attached PDF';
  const { document, pageCount, encrypted } = await openPdf(bytes, {
    ...options,
    allowEncrypted: true,
  });
  if (encrypted) return ENCRYPTED_RESULT(pageCount, who);
  const check = readCheckContext(document);
  const findings = runPdfUaRules(check);
  const failed = new Set(findings.map((finding) => finding.rule));

  const markInfo = dictAt(check.catalog, 'MarkInfo');
  const tagged =
    markInfo !== undefined &&
    booleanAt(markInfo, 'Marked') === true &&
    check.tree !== undefined &&
    check.tree.elements.length > 0;
  const title = (infoTitle(document) ?? '').trim() || (xmpTitle(check) ?? '').trim();
  const language = (textAt(check.catalog, 'Lang') ?? '').trim() || null;
  const shown = check.fonts.filter((font) => font.usedCodes.size > 0);
  const notEmbedded = shown.filter((font) => !font.isEmbedded).map((font) => font.name);
  // What the fonts.tounicode rule finds, font by font.
  const unmapped = shown
    .filter(
      ({ toUnicode, usedCodes }) =>
        toUnicode === null ||
        [...usedCodes.keys()].some((code) => isUnreadable(toUnicode.get(code))),
    )
    .map((font) => font.name);
  const painting = check.pages.filter((page) => page.scan.paintCount > 0);
  const imageOnlyPages = check.pages.filter(isScanned).map((page) => page.number);
  const imageOnly = painting.length > 0 && painting.every(isScanned);

  const warnings: PreflightWarning[] = [];
  if (imageOnly) {
    warnings.push({
      code: 'ATTACHMENT.SCANNED',
      message: `${who} is a scanned image with no text: it does not meet WCAG 2.1 AA; ask the author for an accessible version.`,
    });
  } else if (imageOnlyPages.length > 0) {
    warnings.push({
      code: 'ATTACHMENT.SCANNED',
      message: `${pageList(imageOnlyPages).replace(/^p/, 'P')} of ${who} ${imageOnlyPages.length === 1 ? 'is a scanned image' : 'are scanned images'} with no text: a screen reader cannot read ${imageOnlyPages.length === 1 ? 'it' : 'them'}, so the document does not meet WCAG 2.1 AA; ask the author for an accessible version.`,
    });
  }
  if (!tagged) {
    warnings.push({
      code: 'ATTACHMENT.UNTAGGED',
      message: `${who} is not a tagged PDF: a screen reader cannot tell its headings, lists and tables apart, so it does not meet WCAG 2.1 AA. The pack includes its pages as they are; ask the author to export it as a tagged (accessible) PDF.`,
    });
  } else {
    // Only the structure rules: the title, language and fonts have warnings of their own.
    const structural = [...failed].filter(
      (rule) => !rule.startsWith('fonts.') && !rule.startsWith('xmp.') && rule !== 'catalog.lang',
    );
    if (structural.length > 0) {
      warnings.push({
        code: 'ATTACHMENT.NOT_PDF_UA',
        message: `${who} is tagged, but the accessibility checker found problems in its tags (${structural.join(', ')}): a screen reader may read it out of order or miss parts; ask the author to check it with an accessibility checker and export it again.`,
      });
    }
  }
  if (title === '') {
    warnings.push({
      code: 'ATTACHMENT.NO_TITLE',
      message: `${who} has no title in its document properties, so a screen reader announces its file name instead: ask the author to set the title before exporting.`,
    });
  }
  if (language === null) {
    warnings.push({
      code: 'ATTACHMENT.NO_LANGUAGE',
      message: `${who} does not say what language it is written in, so a screen reader may read it with the wrong voice: ask the author to set the document language before exporting.`,
    });
  }
  if (notEmbedded.length > 0) {
    warnings.push({
      code: 'ATTACHMENT.FONTS_NOT_EMBEDDED',
      message: `${who} uses fonts it does not include (${fontNames(notEmbedded)}), so it may look different or show the wrong characters on other computers: ask the author to export it with fonts embedded.`,
    });
  }
  if (unmapped.length > 0) {
    warnings.push({
      code: 'ATTACHMENT.FONTS_NOT_UNICODE',
      message: `Some text in ${who} cannot be read as characters (fonts without a Unicode map: ${fontNames(unmapped)}), so a screen reader, search and copy-and-paste get nonsense: ask the author to export it again as a tagged PDF.`,
    });
  }
  return {
    pageCount,
    encrypted: false,
    tagged,
    hasTitle: title !== '',
    language,
    fontsEmbedded: notEmbedded.length === 0,
    fontsUnicodeMapped: unmapped.length === 0,
    imageOnly,
    imageOnlyPages,
    pdfUaRulesFailed: [...failed],
    warnings,
  };
};
