/** What every rule reads: the parsed document, its pages' content scans, its tree and fonts. */
import type { PDFContext, PDFDict, PDFRef } from 'pdf-lib';
import type { FontInfo } from './fonts.js';
import type { PdfUaFinding } from './findings.js';
import type { PageScan } from './page-scan.js';
import type { StructTree } from './struct-tree.js';

export type CheckedPage = {
  /** 1-based, as findings give it. */
  readonly number: number;
  readonly ref: PDFRef;
  readonly dict: PDFDict;
  readonly scan: PageScan;
};

export type CheckContext = {
  readonly context: PDFContext;
  readonly catalog: PDFDict;
  readonly pages: readonly CheckedPage[];
  /** Undefined when the catalog has no StructTreeRoot. */
  readonly tree: StructTree | undefined;
  readonly fonts: readonly FontInfo[];
};

export type Rule = (check: CheckContext) => PdfUaFinding[];
