/**
 * A Word report (DOCX) converted into the blocks Scrutineer typesets itself, with a warning for
 * the clerk for everything that could not be carried over. mammoth reads the document's
 * semantic structure (headings by style, lists by numbering, tables with their header rows,
 * images with alt text, footnotes) and writes it as HTML through a style map; that HTML is
 * read back here into `ConvertedBlock`s. What mammoth passes over without a message (tracked
 * changes, comments, text boxes, embedded objects) is found by reading the package's XML.
 *
 * Pure: the same bytes give the same blocks and warnings, so the API can store the result.
 */
import type {
  ConversionWarning,
  ConversionWarningCode,
  ConvertedBlock,
  ConvertedListItem,
  ConvertedNote,
  ConvertedRun,
  ConvertedTableCell,
} from '@scrutineer/domain';
import { CONVERSION_WARNING_CODES, LIMITS } from '@scrutineer/domain';
import mammoth from 'mammoth';
import { ReporterError } from '../errors.js';
import { UNDESCRIBED_IMAGE } from '../model/converted-report-blocks.js';
import { readDocxPackage, type DocxFeatureCounts } from './docx-package.js';
import { type HtmlElement, type HtmlNode, parseHtml, textOf } from './html-tree.js';
import { imageSize } from './image-size.js';

export type DocxWarning = ConversionWarning;

/**
 * The converter's version: raise it whenever the same bytes would convert to other blocks or
 * warnings (a new style in the map, a block read differently). A conversion kept by a file's
 * SHA-256 (the API's cache, its ETag) is only the same answer under the same version.
 */
export const DOCX_CONVERTER_VERSION = 1;

export type DocxConversion = {
  readonly blocks: ConvertedBlock[];
  readonly warnings: DocxWarning[];
};

/**
 * mammoth's own map (Heading 1–6, lists, Title …) plus the styles officers' reports commonly use
 * for body text, so those are not reported as unknown. Anything else unknown is a warning.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Body Text'] => p:fresh",
  "p[style-name='Body Text 2'] => p:fresh",
  "p[style-name='No Spacing'] => p:fresh",
  "p[style-name='Quote'] => p:fresh",
  "p[style-name='Intense Quote'] => p:fresh",
  "p[style-name='Caption'] => p:fresh",
  // Word's table of contents: its page numbers are Word's, and the pack's bookmarks replace it.
  "p[style-name^='toc '] => !",
  "p[style-name='TOC Heading'] => !",
  "r[style-name='Strong'] => strong",
  "r[style-name='Emphasis'] => em",
];

/** The image types pdfkit draws. */
const DRAWN_TYPES: Readonly<Record<string, 'image/png' | 'image/jpeg'>> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
};

type ImageRecord = {
  readonly contentType: string;
  readonly data: string | null;
  readonly alt: string;
};

const invalid = (reason: string, message: string): ReporterError =>
  new ReporterError('REPORTER.INVALID_DOCX', message, { reason });

/** Warnings gathered while converting: one per code and message, with how often it happened. */
class Warnings {
  private readonly entries = new Map<string, DocxWarning>();

  add(code: ConversionWarningCode, message: string, count = 1): void {
    if (count <= 0) return;
    const key = `${code}\u0000${message}`;
    const existing = this.entries.get(key);
    this.entries.set(key, { code, message, count: (existing?.count ?? 0) + count });
  }

  list(): DocxWarning[] {
    const order = (code: ConversionWarningCode): number => CONVERSION_WARNING_CODES.indexOf(code);
    return [...this.entries.values()].sort((a, b) => order(a.code) - order(b.code));
  }
}

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** What the package's XML shows that the pack cannot print as Word does. */
const featureWarnings = (features: DocxFeatureCounts, warnings: Warnings): void => {
  const { insertions, deletions, formatChanges, comments, textBoxes } = features;
  warnings.add(
    'tracked-insertion',
    `The document has ${plural(insertions, 'tracked insertion')}: the pack prints the inserted text as if the changes were accepted. Accept or reject the tracked changes in Word and upload the document again.`,
    insertions,
  );
  warnings.add(
    'tracked-deletion',
    `The document has ${plural(deletions, 'tracked deletion')}: the pack leaves the deleted text out, as if the changes were accepted. Accept or reject the tracked changes in Word and upload the document again.`,
    deletions,
  );
  warnings.add(
    'tracked-formatting',
    `The document has ${plural(formatChanges, 'tracked formatting change')}: the pack follows the new formatting.`,
    formatChanges,
  );
  warnings.add(
    'comment',
    `The document has ${plural(comments, 'comment')}: comments are not printed in the pack. Delete them in Word if they were not meant to be published.`,
    comments,
  );
  warnings.add(
    'text-box',
    `The document has ${plural(textBoxes, 'text box', 'text boxes')}: each box's text is printed as ordinary paragraphs where the box is anchored, not beside the text.`,
    textBoxes,
  );
  warnings.add(
    'embedded-object',
    `The document has ${plural(features.embeddedObjects, 'embedded object')} (a spreadsheet, a file or an OLE object): left out of the pack. Attach it as an appendix instead.`,
    features.embeddedObjects,
  );
  warnings.add(
    'chart',
    `The document has ${plural(features.charts, 'chart or SmartArt diagram', 'charts or SmartArt diagrams')}, left out of the pack. Paste each as a picture with alt text, or put its figures in a table.`,
    features.charts,
  );
  warnings.add(
    'table-of-contents',
    `The document has a table of contents (${plural(features.contentsEntries, 'entry', 'entries')}): it is left out, since its page numbers are Word's; the pack's bookmarks list the report's headings.`,
    features.contentsEntries,
  );
  warnings.add(
    'header-footer',
    `The document has ${plural(features.headersAndFooters, 'page header or footer', 'page headers and footers')} with words in: they are not printed (the pack prints its own). Put anything the reader needs, such as a protective marking, in the report's text.`,
    features.headersAndFooters,
  );
  warnings.add(
    'equation',
    `The document has ${plural(features.equations, 'equation')}: equations are left out of the pack.`,
    features.equations,
  );
};

/** mammoth's messages, in the clerk's terms; the ones the package scan already reports are dropped. */
const mammothWarning = (message: string, features: DocxFeatureCounts, warnings: Warnings): void => {
  const style = /^Unrecognised (paragraph|run|table) style: '(.*)' \(Style ID: (.*)\)$/.exec(
    message,
  );
  if (style) {
    const [, type, name] = style;
    warnings.add(
      'unrecognised-style',
      type === 'run'
        ? `The character style “${name}” is not one the pack knows: its text is printed in the body style.`
        : type === 'table'
          ? `The table style “${name}” is not one the pack knows: the table is printed in the council's table style.`
          : `The paragraph style “${name}” is not one the pack knows: its text is printed as an ordinary paragraph. Use Word's Heading styles for headings.`,
    );
    return;
  }
  if (/OLEObject|\}object$|\}embed$/.test(message) && features.embeddedObjects > 0) return;
  if (/\}oMath(Para)?$/.test(message) && features.equations > 0) return;
  if (/^Image of type .* is unlikely to display/.test(message)) return;
  warnings.add('ignored-content', `Part of the document was not read: ${message}.`);
};

type Style = {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly href?: string | undefined;
  /** The note a run is the mark of. */
  readonly note?: string | undefined;
};

const PLAIN: Style = { bold: false, italic: false };

/** A link the pack may print: the web or email, not a place inside the Word document. */
const printableHref = (href: string | undefined): string | undefined =>
  href !== undefined && /^(https?:|mailto:)/i.test(href) && href.length <= 2_000 ? href : undefined;

const sameStyle = (a: ConvertedRun, b: ConvertedRun): boolean =>
  (a.bold ?? false) === (b.bold ?? false) &&
  (a.italic ?? false) === (b.italic ?? false) &&
  a.href === b.href &&
  a.note === b.note;

const makeRun = (text: string, style: Style): ConvertedRun => ({
  text,
  ...(style.bold ? { bold: true } : {}),
  ...(style.italic ? { italic: true } : {}),
  ...(style.href ? { href: style.href } : {}),
  ...(style.note ? { note: style.note } : {}),
});

/** Joins runs of one style, collapses spaces, trims the ends and splits runs past the schema's limit. */
const tidyRuns = (runs: readonly ConvertedRun[]): ConvertedRun[] => {
  const merged: ConvertedRun[] = [];
  for (const run of runs) {
    const text = run.text.replace(/[\t\u00a0 ]+/g, (space) =>
      space.includes('\u00a0') ? '\u00a0' : ' ',
    );
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run))
      merged[merged.length - 1] = { ...last, text: last.text + text };
    else merged.push({ ...run, text });
  }
  const first = merged[0];
  if (first) merged[0] = { ...first, text: first.text.replace(/^[ \n]+/, '') };
  const lastIndex = merged.length - 1;
  const last = merged[lastIndex];
  if (last) merged[lastIndex] = { ...last, text: last.text.replace(/[ \n]+$/, '') };
  return merged
    .filter((run) => run.text !== '')
    .flatMap((run) => {
      if (run.text.length <= LIMITS.paragraph) return [run];
      const pieces: ConvertedRun[] = [];
      for (let start = 0; start < run.text.length; start += LIMITS.paragraph)
        pieces.push({ ...run, text: run.text.slice(start, start + LIMITS.paragraph) });
      return pieces;
    });
};

const hasText = (runs: readonly ConvertedRun[]): boolean =>
  runs.some((run) => run.text.trim() !== '');

type Converter = {
  readonly images: readonly ImageRecord[];
  readonly drawingSizes: readonly { readonly width: number; readonly height: number }[];
  readonly warnings: Warnings;
  /** Note id (`footnote-1`) → the label its reference prints (`1`). */
  readonly noteLabels: Map<string, string>;
  headingLevel: number;
};

const imageIndex = (element: HtmlElement): number | null => {
  const match = /^scrutineer-image:(\d+)$/.exec(element.attributes.src ?? '');
  return match ? Number(match[1]) : null;
};

/** Text standing in for an image where a figure cannot go (inside a list item or a table cell). */
const imageAsText = (element: HtmlElement, converter: Converter): string => {
  const index = imageIndex(element);
  const alt =
    (index === null ? undefined : converter.images[index]?.alt) ?? element.attributes.alt ?? '';
  converter.warnings.add(
    'unsupported-image',
    'An image inside a list item or a table cell is printed as its alt text in brackets; move it out of the list or table in Word to have it drawn.',
  );
  return alt.trim() === '' ? '[Image]' : `[Image: ${alt.trim()}]`;
};

/** The runs of inline content; images are handed to `onImage` in place (or printed as text). */
const inlineRuns = (
  nodes: readonly HtmlNode[],
  style: Style,
  converter: Converter,
  onImage: ((element: HtmlElement) => void) | null,
  out: ConvertedRun[],
): void => {
  for (const node of nodes) {
    if (node.kind === 'text') {
      out.push(makeRun(node.text, style));
      continue;
    }
    switch (node.name) {
      case 'strong':
      case 'b':
        inlineRuns(node.children, { ...style, bold: true }, converter, onImage, out);
        break;
      case 'em':
      case 'i':
        inlineRuns(node.children, { ...style, italic: true }, converter, onImage, out);
        break;
      case 'br':
        out.push(makeRun('\n', style));
        break;
      case 'img':
        if (onImage) onImage(node);
        else out.push(makeRun(imageAsText(node, converter), style));
        break;
      case 'a': {
        const href = node.attributes.href;
        // The back link at the end of a note ("↑") is Word's navigation, not the note's words.
        if (href?.startsWith('#footnote-ref-') || href?.startsWith('#endnote-ref-')) break;
        const note = /^#((?:footnote|endnote)-\d+)$/.exec(href ?? '');
        if (note?.[1]) {
          const label = textOf(node).replace(/^\[|\]$/g, '');
          converter.noteLabels.set(note[1], label);
          out.push(makeRun(`[${label}]`, { ...style, href: undefined, note: note[1] }));
          break;
        }
        const printable = printableHref(href);
        inlineRuns(
          node.children,
          printable ? { ...style, href: printable } : { ...style, href: undefined },
          converter,
          onImage,
          out,
        );
        break;
      }
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        // Paragraphs inside a list item or a cell: one line each.
        if (out.length > 0) out.push(makeRun('\n', style));
        inlineRuns(node.children, style, converter, onImage, out);
        break;
      case 'ul':
      case 'ol':
        for (const item of node.children) {
          if (item.kind !== 'element' || item.name !== 'li') continue;
          out.push(makeRun(node.name === 'ul' ? '\n• ' : '\n– ', style));
          inlineRuns(item.children, style, converter, onImage, out);
        }
        break;
      case 'table':
        converter.warnings.add(
          'ignored-content',
          'A table inside a table cell is printed as lines of text in that cell.',
        );
        for (const row of tableRows(node)) {
          out.push(makeRun('\n', style));
          row.cells.forEach((cell, index) => {
            if (index > 0) out.push(makeRun(' | ', style));
            inlineRuns(cell.children, style, converter, onImage, out);
          });
        }
        break;
      default:
        // sup, sub, span, u, s, code …: their words, in the surrounding style.
        inlineRuns(node.children, style, converter, onImage, out);
    }
  }
};

/** A figure for mammoth's `<img>`: drawn when pdfkit can, else its alt text is printed. */
const figureBlock = (element: HtmlElement, converter: Converter): ConvertedBlock => {
  const index = imageIndex(element);
  const record = index === null ? undefined : converter.images[index];
  const alt = (record?.alt ?? element.attributes.alt ?? '').trim();
  if (alt === '') {
    converter.warnings.add(
      'image-without-alt',
      `An image has no alt text in the Word document: the pack describes it only as “${UNDESCRIBED_IMAGE}”. Add alt text in Word (right-click the picture, Edit Alt Text) and upload the document again.`,
    );
  }
  const mediaType = record ? DRAWN_TYPES[record.contentType.toLowerCase()] : undefined;
  if (!record || !mediaType || record.data === null) {
    converter.warnings.add(
      'unsupported-image',
      `An image of type ${record?.contentType ?? 'unknown'} cannot be printed in the pack: its alt text is printed in its place. Save the picture as PNG or JPEG in Word and upload the document again.`,
    );
    return { kind: 'figure', alt, image: null };
  }
  const bytes = Buffer.from(record.data, 'base64');
  const placed =
    converter.drawingSizes.length === converter.images.length && index !== null
      ? converter.drawingSizes[index]
      : undefined;
  const size =
    placed && placed.width > 0 && placed.height > 0 ? placed : imageSize(bytes, mediaType);
  if (!size) {
    converter.warnings.add(
      'unsupported-image',
      'An image could not be read (its file is damaged): its alt text is printed in its place.',
    );
    return { kind: 'figure', alt, image: null };
  }
  return {
    kind: 'figure',
    alt,
    image: {
      mediaType,
      data: record.data,
      width: Math.min(size.width, 10_000),
      height: Math.min(size.height, 10_000),
    },
  };
};

/** A paragraph's runs, split around its images: text, figure, text. */
const paragraphBlocks = (element: HtmlElement, converter: Converter): ConvertedBlock[] => {
  const blocks: ConvertedBlock[] = [];
  let runs: ConvertedRun[] = [];
  const flush = (): void => {
    const tidy = tidyRuns(runs);
    if (hasText(tidy)) blocks.push({ kind: 'paragraph', runs: tidy });
    runs = [];
  };
  inlineRuns(
    element.children,
    PLAIN,
    converter,
    (image) => {
      flush();
      blocks.push(figureBlock(image, converter));
    },
    runs,
  );
  flush();
  return blocks;
};

const headingBlock = (
  element: HtmlElement,
  authorLevel: number,
  converter: Converter,
): ConvertedBlock[] => {
  const runs: ConvertedRun[] = [];
  const figures: ConvertedBlock[] = [];
  inlineRuns(
    element.children,
    PLAIN,
    converter,
    (image) => figures.push(figureBlock(image, converter)),
    runs,
  );
  const tidy = tidyRuns(runs);
  if (!hasText(tidy)) return figures;
  // Levels never skip: a Heading 3 straight after a Heading 1 is tagged (and printed) as level 2.
  const level = Math.min(authorLevel, converter.headingLevel + 1);
  if (level < authorLevel) {
    converter.warnings.add(
      'heading-level-skipped',
      'A heading skips a level (a Heading 3 straight after a Heading 1, say): the pack prints it one level below the heading before it, so a screen reader’s outline has no gaps.',
    );
  }
  converter.headingLevel = level;
  return [{ kind: 'heading', level: level as 1 | 2 | 3 | 4 | 5 | 6, runs: tidy }, ...figures];
};

/** A list and its nested lists, flattened in reading order with each item's depth. */
const listItems = (
  element: HtmlElement,
  depth: number,
  converter: Converter,
  out: ConvertedListItem[],
): void => {
  const ordered = element.name === 'ol';
  for (const item of element.children) {
    if (item.kind !== 'element') continue;
    if (item.name === 'ul' || item.name === 'ol') {
      listItems(item, depth + 1, converter, out);
      continue;
    }
    const own = item.children.filter(
      (child) => !(child.kind === 'element' && (child.name === 'ul' || child.name === 'ol')),
    );
    const runs: ConvertedRun[] = [];
    inlineRuns(own, PLAIN, converter, null, runs);
    const tidy = tidyRuns(runs);
    if (hasText(tidy)) out.push({ depth: Math.min(depth, 8), ordered, runs: tidy });
    for (const child of item.children)
      if (child.kind === 'element' && (child.name === 'ul' || child.name === 'ol'))
        listItems(child, hasText(tidy) ? depth + 1 : depth, converter, out);
  }
};

type HtmlRow = { readonly header: boolean; readonly cells: HtmlElement[] };

const elementsNamed = (nodes: readonly HtmlNode[], names: readonly string[]): HtmlElement[] =>
  nodes.filter((node): node is HtmlElement => node.kind === 'element' && names.includes(node.name));

const tableRows = (table: HtmlElement): HtmlRow[] =>
  table.children.flatMap((child): HtmlRow[] => {
    if (child.kind !== 'element') return [];
    if (child.name === 'tr')
      return [{ header: false, cells: elementsNamed(child.children, ['th', 'td']) }];
    if (['thead', 'tbody', 'tfoot'].includes(child.name))
      return elementsNamed(child.children, ['tr']).map((row) => ({
        header: child.name === 'thead',
        cells: elementsNamed(row.children, ['th', 'td']),
      }));
    return [];
  });

const MAX_COLUMNS = 50;

const tableBlock = (element: HtmlElement, converter: Converter): ConvertedBlock | null => {
  const rows = tableRows(element).filter((row) => row.cells.length > 0);
  if (rows.length === 0) return null;
  let merged = false;
  const converted = rows.map((row) =>
    row.cells.slice(0, MAX_COLUMNS).map((cell): ConvertedTableCell => {
      const runs: ConvertedRun[] = [];
      inlineRuns(cell.children, PLAIN, converter, null, runs);
      const colSpan = Math.min(Number(cell.attributes.colspan ?? '1') || 1, MAX_COLUMNS);
      if (colSpan > 1 || Number(cell.attributes.rowspan ?? '1') > 1) merged = true;
      return { runs: tidyRuns(runs), ...(colSpan > 1 ? { colSpan } : {}) };
    }),
  );
  if (merged) {
    converter.warnings.add(
      'merged-cells',
      'A table has merged cells: the pack prints a merged cell in its first row and column and leaves the cells it covered empty.',
    );
  }
  if (rows.some((row) => row.cells.length > MAX_COLUMNS)) {
    converter.warnings.add(
      'ignored-content',
      `A table has more than ${MAX_COLUMNS} columns: the columns after the ${MAX_COLUMNS}th are left out.`,
    );
  }
  const marked = rows.findIndex((row) => !row.header);
  const headerRows = marked === -1 ? rows.length : marked;
  // A table with no row marked as a header row takes its first row as its header.
  return {
    kind: 'table',
    headerRows: Math.min(headerRows > 0 ? headerRows : rows.length > 1 ? 1 : 0, 10),
    rows: converted,
  };
};

const isNoteList = (element: HtmlElement): boolean => {
  const items = elementsNamed(element.children, ['li']);
  return (
    items.length > 0 &&
    items.every((item) => /^(footnote|endnote)-\d+$/.test(item.attributes.id ?? ''))
  );
};

const notesBlock = (element: HtmlElement, converter: Converter): ConvertedBlock | null => {
  const notes = elementsNamed(element.children, ['li']).flatMap((item): ConvertedNote[] => {
    const id = item.attributes.id ?? '';
    const kind = id.startsWith('endnote-') ? 'endnote' : 'footnote';
    const runs: ConvertedRun[] = [];
    inlineRuns(item.children, PLAIN, converter, null, runs);
    const tidy = tidyRuns(runs);
    if (!hasText(tidy)) return [];
    const label = converter.noteLabels.get(id) ?? id.replace(/^\D+/, '');
    return [{ id, kind, label, runs: tidy }];
  });
  return notes.length > 0 ? { kind: 'notes', notes } : null;
};

const blocksOf = (nodes: readonly HtmlNode[], converter: Converter): ConvertedBlock[] =>
  nodes.flatMap((node): ConvertedBlock[] => {
    if (node.kind === 'text') {
      const runs = tidyRuns([makeRun(node.text, PLAIN)]);
      return hasText(runs) ? [{ kind: 'paragraph', runs }] : [];
    }
    const heading = /^h([1-6])$/.exec(node.name);
    if (heading) return headingBlock(node, Number(heading[1]), converter);
    switch (node.name) {
      case 'p':
        return paragraphBlocks(node, converter);
      case 'ul':
      case 'ol': {
        if (node.name === 'ol' && isNoteList(node)) {
          const notes = notesBlock(node, converter);
          return notes ? [notes] : [];
        }
        const items: ConvertedListItem[] = [];
        listItems(node, 0, converter, items);
        const first = items[0];
        // The schema's first item is at depth 0: a list that starts nested starts at the top.
        const shift = first ? first.depth : 0;
        return items.length > 0
          ? [
              {
                kind: 'list',
                items: items.map((item) => ({ ...item, depth: Math.max(item.depth - shift, 0) })),
              },
            ]
          : [];
      }
      case 'table': {
        const table = tableBlock(node, converter);
        return table ? [table] : [];
      }
      case 'img':
        return [figureBlock(node, converter)];
      default:
        return blocksOf(node.children, converter);
    }
  });

/**
 * Converts a DOCX into the report's blocks and the warnings for the clerk. Rejects with a
 * ReporterError `REPORTER.INVALID_DOCX` (data.reason: `not-a-zip`, `not-a-word-document`,
 * `damaged`, `too-large`) for bytes that are not a Word document it can read.
 */
export type DocxOptions = {
  /** The most the package may unpack to; 256 MB by default (MAX_UNPACKED_BYTES). */
  readonly maxUnpackedBytes?: number;
};

export const docxToReport = async (
  bytes: Uint8Array,
  options: DocxOptions = {},
): Promise<DocxConversion> => {
  const docx = await readDocxPackage(bytes, options.maxUnpackedBytes);
  const warnings = new Warnings();
  const images: ImageRecord[] = [];
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        // No file outside the package is ever read (a linked image's path, say).
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          const contentType = image.contentType ?? 'application/octet-stream';
          const drawn = DRAWN_TYPES[contentType.toLowerCase()] !== undefined;
          const record: ImageRecord = {
            contentType,
            data: drawn ? await image.readAsBase64String() : null,
            alt: (image as { altText?: string }).altText ?? '',
          };
          images.push(record);
          return { src: `scrutineer-image:${images.length - 1}` };
        }),
      },
    );
  } catch (error) {
    throw invalid(
      'damaged',
      `The Word document is damaged and cannot be read (${String((error as Error).message ?? error)}).`,
    );
  }
  featureWarnings(docx.features, warnings);
  for (const message of result.messages) mammothWarning(message.message, docx.features, warnings);
  let tree: HtmlNode[];
  try {
    tree = parseHtml(result.value);
  } catch (error) {
    throw invalid(
      'damaged',
      `The Word document could not be converted (${String((error as Error).message ?? error)}).`,
    );
  }
  const converter: Converter = {
    images,
    drawingSizes: docx.drawingSizes,
    warnings,
    noteLabels: new Map(),
    headingLevel: 0,
  };
  const blocks = blocksOf(tree, converter);
  return { blocks, warnings: warnings.list() };
};
