/**
 * The PDF/UA checker: parses a PDF's object graph with pdf-lib (not pdfjs, which hides the raw
 * structure), scans every page's content, reads the structure tree, and runs each rule module.
 * No finding means every rule passed. The test suite runs it on every document we write; the
 * attachment pre-flight (`src/attachments/preflight.ts`) runs the same reading and rules on an
 * uploaded PDF.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { CheckContext, CheckedPage, Rule } from './check-context.js';
import { PDF_UA_RULES, type PdfUaFinding, type PdfUaRule } from './findings.js';
import { FontRegistry } from './fonts.js';
import { scanPage } from './page-scan.js';
import { refText } from './pdf-objects.js';
import { checkAnnotations } from './rules/annotations.rules.js';
import { checkCatalog, checkXmp } from './rules/catalog.rules.js';
import { checkContent, checkMarkedContent } from './rules/content.rules.js';
import { checkFonts } from './rules/fonts.rules.js';
import { checkFigures, checkLists, checkNotes } from './rules/lists-figures.rules.js';
import { checkHeadings, checkStructureTypes } from './rules/structure.rules.js';
import { checkTables } from './rules/tables.rules.js';
import { readStructTree } from './struct-tree.js';

const RULES: readonly Rule[] = [
  checkCatalog,
  checkXmp,
  checkContent,
  checkMarkedContent,
  checkStructureTypes,
  checkHeadings,
  checkTables,
  checkLists,
  checkFigures,
  checkNotes,
  checkAnnotations,
  checkFonts,
];

const ORDER = Object.keys(PDF_UA_RULES) as PdfUaRule[];

/** What the rules read from a loaded document: its pages' content scans, its tree and fonts. */
export const readCheckContext = (document: PDFDocument): CheckContext => {
  const { context, catalog } = document;
  const fonts = new FontRegistry(context);
  const pages: CheckedPage[] = document.getPages().map((page, index) => ({
    number: index + 1,
    ref: page.ref,
    dict: page.node,
    scan: scanPage(context, page.node, index + 1, fonts),
  }));
  const pageIndex = new Map(pages.map((page, index) => [refText(page.ref) ?? '', index]));
  const check: CheckContext = {
    context,
    catalog,
    pages,
    tree: readStructTree(context, catalog, pageIndex),
    fonts: fonts.all(),
  };
  return check;
};

/** Every rule's findings on a read document, in the order of `PDF_UA_RULES`. */
export const runPdfUaRules = (check: CheckContext): PdfUaFinding[] => {
  const findings = RULES.flatMap((rule) => rule(check));
  return findings.sort((a, b) => ORDER.indexOf(a.rule) - ORDER.indexOf(b.rule));
};

/** Every PDF/UA-1 fault the checker finds in `bytes`, in the order of `PDF_UA_RULES`. */
export const checkPdfUa = async (bytes: Uint8Array): Promise<PdfUaFinding[]> => {
  // updateMetadata false: pdf-lib would otherwise rewrite the Info dictionary as it loads.
  const document = await PDFDocument.load(bytes, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  return runPdfUaRules(readCheckContext(document));
};

/** One line per finding, for a test failure's message. */
export const formatPdfUaFindings = (findings: readonly PdfUaFinding[]): string =>
  findings
    .map(({ rule, message, where }) => {
      const place = [
        where.page === undefined ? undefined : `page ${where.page}`,
        where.ref,
        where.path,
      ].filter((part) => part !== undefined);
      return `${rule}: ${message}${place.length > 0 ? ` [${place.join(', ')}]` : ''}`;
    })
    .join('\n');
