/**
 * PDF inspection for tests: parses a PDF back with pdfjs-dist and returns what a test asserts on
 * (text per page in reading order, metadata, bookmarks, structure tree, fonts, links).
 *
 * Used by the reporter's own specs and importable by other packages' tests as
 * `@scrutineer/reporter/testing`. pdfjs-dist is a dev dependency: never import this from
 * production code.
 */
import type {
  PDFDocumentProxy,
  PDFPageProxy,
  TextItem,
  TextMarkedContent,
} from 'pdfjs-dist/types/src/display/api.js';
import { readXmp, type ParsedXmp } from '../pdfua/read-xmp.js';

/** A structure element on one page (H1, P, Table, TR, TH, TD, L, LI, Link …). */
export type PdfStructNode = {
  /** The element's role after the role map, e.g. `H1`. */
  readonly role: string;
  /** Alternate text (`/Alt`) when the element has one (figures, logos). */
  readonly alt?: string;
  /** `/Lang` of the element when set on it. */
  readonly lang?: string;
  /** All text of the element and its descendants on this page, in content order, spaces collapsed. */
  readonly text: string;
  /** Child elements (marked-content leaves are folded into `text`). */
  readonly children: readonly PdfStructNode[];
  /** How many annotations (links) the element references as objects (`OBJR`). */
  readonly annotationCount: number;
};

export type PdfOutlineItem = {
  readonly title: string;
  /** 1-based page the bookmark points at; null when it has no resolvable destination. */
  readonly pageNumber: number | null;
  readonly children: readonly PdfOutlineItem[];
};

export type PdfLink = {
  /** `[x1, y1, x2, y2]` in PDF points from the bottom-left corner. */
  readonly rect: readonly [number, number, number, number];
  /** External target, or null for a link inside the document. */
  readonly url: string | null;
  /** 1-based target page of an internal link; null for external links or an unresolvable destination. */
  readonly destPageNumber: number | null;
  /** Whether the annotation is tied into the structure tree (`/StructParent` set), as PDF/UA asks. */
  readonly hasStructParent: boolean;
  /** The annotation's `/Contents` (its description), or null when it has none. */
  readonly contents: string | null;
};

export type PdfFont = {
  /** The font's name as written, with any subset prefix, e.g. `CZZZZZ+Arimo-Regular`. */
  readonly name: string;
  readonly isEmbedded: boolean;
  /** Subset fonts carry a six-letter `ABCDEF+` prefix. */
  readonly isSubset: boolean;
};

export type PdfMetadata = {
  readonly title: string | null;
  /** The catalog's `/Lang`, e.g. `en-GB`. */
  readonly lang: string | null;
  readonly pdfVersion: string | null;
  /** `/MarkInfo /Marked true`: the file declares itself tagged. */
  readonly isTagged: boolean;
  /** `pdfuaid:part` from the XMP metadata (`1` for PDF/UA-1); null when not declared or unreadable. */
  readonly pdfUaPart: number | null;
  /** `dc:title` from the XMP metadata; null when absent or the XMP is not well-formed. */
  readonly xmpTitle: string | null;
  /** Every field read from the XMP by an XML parser; null when there is none or it does not parse. */
  readonly xmpFields: ParsedXmp | null;
  /** Why the XMP could not be read as XML (the parser's message); null when it parses or is absent. */
  readonly xmpError: string | null;
  /** The whole info dictionary as pdfjs reports it (Producer, CreationDate …). */
  readonly info: Readonly<Record<string, unknown>>;
  /** The raw XMP packet, or null when there is none. */
  readonly xmp: string | null;
};

export type ParsedPdf = {
  readonly pageCount: number;
  /** Text of each page (index 0 is page 1): one line per baseline, words joined by single spaces. */
  readonly pages: readonly string[];
  /** Page size in points, `[width, height]` (A4 is about 595 × 842). */
  readonly pageSizes: readonly (readonly [number, number])[];
  readonly metadata: PdfMetadata;
  readonly outline: readonly PdfOutlineItem[];
  /** Per page, the structure elements that hold content on that page (the root's children). */
  readonly structTree: readonly (readonly PdfStructNode[])[];
  /** Every font the pages use, once each; empty when `readFonts` is false. */
  readonly fonts: readonly PdfFont[];
  /** Link annotations per page (index 0 is page 1). */
  readonly links: readonly (readonly PdfLink[])[];
};

export type ReadPdfOptions = {
  /** Fonts need each page's operator list, the slowest part (a few ms a page); default true. */
  readonly readFonts?: boolean;
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsModule: Promise<PdfJs> | undefined;
// pdfjs-dist is ESM only; the legacy build runs on Node 20 without DOMMatrix.
const loadPdfJs = (): Promise<PdfJs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Parses `buffer` as a PDF and extracts everything the tests check. Rejects when it is not a PDF. */
export const readPdf = async (
  buffer: Uint8Array,
  options: ReadPdfOptions = {},
): Promise<ParsedPdf> => {
  const pdfjs = await loadPdfJs();
  // pdfjs detaches the buffer it is given: hand it a copy so the caller's stays usable.
  const data = new Uint8Array(buffer);
  const document = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    const pageSizes: [number, number][] = [];
    const structTree: (readonly PdfStructNode[])[] = [];
    const links: PdfLink[][] = [];
    const fonts = new Map<string, PdfFont>();
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const [, , width, height] = page.view as [number, number, number, number];
      pageSizes.push([width, height]);
      const content = await page.getTextContent({ includeMarkedContent: true });
      pages.push(pageText(content.items));
      structTree.push(await pageStructure(page, markedContentText(content.items)));
      links.push(await pageLinks(document, page));
      if (options.readFonts ?? true) await collectFonts(pdfjs, page, fonts);
      page.cleanup();
    }
    return {
      pageCount: document.numPages,
      pages,
      pageSizes,
      metadata: await readMetadata(document),
      outline: await readOutline(document, (await document.getOutline()) ?? []),
      structTree,
      fonts: [...fonts.values()],
      links,
    };
  } finally {
    await document.destroy();
  }
};

/** Every structure element in `nodes` and below, depth first: `flattenStruct(pdf.structTree[0])`. */
export const flattenStruct = (nodes: readonly PdfStructNode[]): readonly PdfStructNode[] =>
  nodes.flatMap((node) => [node, ...flattenStruct(node.children)]);

/** The 1-based numbers of the pages whose text contains `needle` (after collapsing whitespace). */
export const pagesContaining = (pdf: ParsedPdf, needle: string): number[] =>
  pdf.pages.flatMap((text, index) => (collapse(text).includes(needle) ? [index + 1] : []));

const isTextItem = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Joins text items into lines in content-stream order (pdfkit writes in reading order).
 * A new line starts on an explicit end of line or when the baseline moves by more than a point;
 * items on one baseline separated by a gap (table cells) are joined with a space.
 */
const pageText = (items: readonly (TextItem | TextMarkedContent)[]): string => {
  const lines: string[] = [];
  let line = '';
  let previous: { y: number; endX: number } | null = null;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const x = Number(item.transform[4]);
    const y = Number(item.transform[5]);
    if (item.str !== '') {
      if (previous !== null && Math.abs(previous.y - y) > 1) {
        lines.push(line);
        line = '';
      } else if (previous !== null && x - previous.endX > 1 && line !== '') {
        line += ' ';
      }
      line += item.str;
      previous = { y, endX: x + item.width };
    }
    if (item.hasEOL && line !== '') {
      lines.push(line);
      line = '';
      previous = null;
    }
  }
  lines.push(line);
  return lines
    .map((text) => text.replace(/[ \t]+/g, ' ').trim())
    .filter((text) => text !== '')
    .join('\n');
};

/** Text inside each marked-content id (`p10R_mc0` → `Agenda`), for the structure tree's leaves. */
const markedContentText = (
  items: readonly (TextItem | TextMarkedContent)[],
): Map<string, string> => {
  const texts = new Map<string, string>();
  const open: (string | null)[] = [];
  for (const item of items) {
    if (isTextItem(item)) {
      const id = open.findLast((candidate) => candidate !== null);
      if (id !== undefined && id !== null) texts.set(id, `${texts.get(id) ?? ''} ${item.str}`);
    } else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
      open.push(item.type === 'beginMarkedContentProps' ? item.id : null);
    } else if (item.type === 'endMarkedContent') {
      open.pop();
    }
  }
  return texts;
};

type RawStructNode = {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: RawStructNode[];
};

const pageStructure = async (
  page: PDFPageProxy,
  texts: ReadonlyMap<string, string>,
): Promise<readonly PdfStructNode[]> => {
  const root = (await page.getStructTree()) as RawStructNode | null;
  const toNode = (raw: RawStructNode): PdfStructNode => {
    const children: PdfStructNode[] = [];
    const parts: string[] = [];
    let annotationCount = 0;
    for (const child of raw.children ?? []) {
      if (child.type === 'content' && child.id !== undefined) {
        parts.push(texts.get(child.id) ?? '');
      } else if (child.type === 'annotation' || child.type === 'object') {
        annotationCount += 1;
      } else if (child.role !== undefined) {
        const node = toNode(child);
        children.push(node);
        parts.push(node.text);
      }
    }
    return {
      role: raw.role ?? '',
      ...(raw.alt !== undefined ? { alt: raw.alt } : {}),
      ...(raw.lang !== undefined ? { lang: raw.lang } : {}),
      text: collapse(parts.join(' ')),
      children,
      annotationCount,
    };
  };
  return root === null ? [] : toNode(root).children;
};

type RawAnnotation = {
  subtype?: string;
  rect?: number[];
  url?: string;
  unsafeUrl?: string;
  dest?: string | unknown[] | null;
  structParent?: number;
  contentsObj?: { str?: string };
};

const pageLinks = async (document: PDFDocumentProxy, page: PDFPageProxy): Promise<PdfLink[]> => {
  const annotations = (await page.getAnnotations()) as RawAnnotation[];
  const links: PdfLink[] = [];
  for (const annotation of annotations) {
    if (annotation.subtype !== 'Link') continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = annotation.rect ?? [];
    const url = annotation.unsafeUrl ?? annotation.url ?? null;
    links.push({
      rect: [x1, y1, x2, y2],
      url,
      destPageNumber:
        url === null ? await destinationPage(document, annotation.dest ?? null) : null,
      hasStructParent: (annotation.structParent ?? -1) >= 0,
      contents: annotation.contentsObj?.str ? annotation.contentsObj.str : null,
    });
  }
  return links;
};

/** Resolves a named or explicit destination to a 1-based page number. */
const destinationPage = async (
  document: PDFDocumentProxy,
  dest: string | readonly unknown[] | null,
): Promise<number | null> => {
  const explicit = typeof dest === 'string' ? await document.getDestination(dest) : dest;
  const target = explicit?.[0];
  if (typeof target === 'number') return target + 1;
  if (typeof target === 'object' && target !== null && 'num' in target) {
    return (await document.getPageIndex(target as { num: number; gen: number })) + 1;
  }
  return null;
};

type RawOutlineItem = { title: string; dest: string | unknown[] | null; items: RawOutlineItem[] };

const readOutline = async (
  document: PDFDocumentProxy,
  items: readonly RawOutlineItem[],
): Promise<PdfOutlineItem[]> =>
  Promise.all(
    items.map(async (item) => ({
      title: item.title,
      pageNumber: await destinationPage(document, item.dest),
      children: await readOutline(document, item.items),
    })),
  );

const readMetadata = async (document: PDFDocumentProxy): Promise<PdfMetadata> => {
  const { info, metadata } = await document.getMetadata();
  const fields = info as Record<string, unknown>;
  const xmp = metadata?.getRaw() ?? null;
  const markInfo = await document.getMarkInfo();
  const reading = xmp === null ? null : readXmp(xmp);
  const xmpFields = reading?.ok === true ? reading.fields : null;
  return {
    title: typeof fields['Title'] === 'string' ? fields['Title'] : null,
    lang: typeof fields['Language'] === 'string' ? fields['Language'] : null,
    pdfVersion: typeof fields['PDFFormatVersion'] === 'string' ? fields['PDFFormatVersion'] : null,
    isTagged: markInfo?.Marked === true,
    pdfUaPart: xmpFields?.pdfUaPart ?? null,
    xmpTitle: xmpFields?.title ?? null,
    xmpFields,
    xmpError: reading?.ok === false ? reading.error : null,
    info: fields,
    xmp,
  };
};

const collectFonts = async (
  pdfjs: PdfJs,
  page: PDFPageProxy,
  fonts: Map<string, PdfFont>,
): Promise<void> => {
  const operators = await page.getOperatorList();
  operators.fnArray.forEach((fn, index) => {
    if (fn !== pdfjs.OPS.setFont) return;
    const loadedName = (operators.argsArray[index] as [string, number])[0];
    const font = page.commonObjs.get(loadedName) as { name?: string; missingFile?: boolean };
    const name = font.name ?? loadedName;
    if (!fonts.has(name)) {
      fonts.set(name, {
        name,
        isEmbedded: font.missingFile !== true,
        isSubset: /^[A-Z]{6}\+/.test(name),
      });
    }
  });
};
