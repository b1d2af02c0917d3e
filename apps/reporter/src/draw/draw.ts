import type { PlacedOp, PlacedPage, StructNode, Tagging } from '../layout/placed.js';
import { COLOURS, PAGE, TYPE } from '../layout/geometry.js';
import type { TextMetrics } from '../layout/metrics.js';
import type { TextWriter } from './fonts.js';

/**
 * What drawing keeps between pages: the open structure elements (by layout key), the marked
 * content sequence in progress, the open bookmarks by heading level, and pdfkit's text state.
 */
export type DrawState = {
  readonly doc: PDFKit.PDFDocument;
  readonly writeText: TextWriter;
  readonly metrics: TextMetrics;
  readonly debug: boolean;
  readonly elements: Map<string, PDFKit.PDFStructureElement>;
  /** Structure keys drawn on the page before this one and on this one (see `endFinished`). */
  previousKeys: Set<string>;
  currentKeys: Set<string>;
  open: string | null;
  /** The last bookmark of each heading level still open, lowest level first. */
  outline: { level: number; item: PDFKit.PDFOutline }[];
  colour: string | null;
};

export const createDrawState = (
  doc: PDFKit.PDFDocument,
  fonts: { writeText: TextWriter; metrics: TextMetrics },
  debug = false,
): DrawState => ({
  doc,
  writeText: fonts.writeText,
  metrics: fonts.metrics,
  debug,
  elements: new Map(),
  previousKeys: new Set(),
  currentKeys: new Set(),
  open: null,
  outline: [],
  colour: null,
});

const element = (state: DrawState, path: readonly StructNode[]): PDFKit.PDFStructureElement => {
  let parent: PDFKit.PDFStructureElement | null = null;
  for (const node of path) {
    state.currentKeys.add(node.key);
    let current = state.elements.get(node.key);
    if (!current) {
      const options: Record<string, unknown> = {};
      if (node.alt) options.alt = node.alt;
      if (node.scope) options.scope = node.scope;
      if (node.title) options.title = node.title;
      current = state.doc.struct(node.tag, options);
      // pdfkit's struct() takes no ID; a Note needs one, written into its dictionary.
      if (node.id)
        (
          current as unknown as { dictionary: { data: Record<string, unknown> } }
        ).dictionary.data.ID = new String(node.id);
      if (parent) parent.add(current);
      else state.doc.addStructure(current);
      state.elements.set(node.key, current);
    }
    parent = current;
  }
  if (!parent) throw new Error('A structure path must not be empty');
  return parent;
};

const closeMarked = (state: DrawState): void => {
  if (state.open !== null) {
    state.doc.endMarkedContent();
    state.open = null;
  }
};

/** Opens the marked-content sequence for `tag` unless it is already open. */
const mark = (state: DrawState, tag: Tagging): PDFKit.PDFStructureElement | null => {
  if (tag.kind === 'artifact') {
    const key = `artifact:${tag.type}`;
    if (state.open !== key) {
      closeMarked(state);
      state.doc.markContent('Artifact', { type: tag.type });
      state.open = key;
    }
    return null;
  }
  const leaf = tag.path[tag.path.length - 1];
  const target = element(state, tag.path);
  if (leaf && state.open !== leaf.key) {
    closeMarked(state);
    target.add(state.doc.markStructureContent(leaf.tag));
    state.open = leaf.key;
  }
  return target;
};

const setColour = (state: DrawState, colour: string): void => {
  if (state.colour !== colour) {
    state.doc.fillColor(colour);
    state.colour = colour;
  }
};

/** A link's /Contents: where it goes, in words ("Go to …", "Email …"), never a bare "mailto:". */
const linkDescription = (
  text: string,
  link: NonNullable<Extract<PlacedOp, { kind: 'text' }>['link']>,
): string => {
  if (link.kind === 'dest') return link.description ?? `Go to ${text.trim()}`;
  if (link.description) return link.description;
  return link.url.startsWith('mailto:') ? `Email ${link.url.slice('mailto:'.length)}` : link.url;
};

const drawOp = (state: DrawState, op: PlacedOp): void => {
  const { doc } = state;
  switch (op.kind) {
    case 'text': {
      const target = mark(state, op.tag);
      setColour(state, op.colour);
      state.writeText(op.font, op.size, op.x, op.y, op.text);
      if (op.link) {
        const height = op.size * 1.2;
        // PDF/UA asks links for a description (/Contents) besides their place in the structure.
        const description = linkDescription(op.text, op.link);
        const options = (
          target ? { structParent: target, Contents: new String(description) } : {}
        ) as PDFKit.Mixins.AnnotationOption;
        if (op.link.kind === 'dest')
          doc.goTo(op.x, op.y - 1, op.width, height, op.link.name, options);
        else doc.link(op.x, op.y - 1, op.width, height, op.link.url, options);
      }
      break;
    }
    case 'rect':
      mark(state, op.tag);
      doc.save();
      doc.rect(op.x, op.y, op.width, op.height);
      if (op.fill && op.stroke) doc.lineWidth(0.8).fillAndStroke(op.fill, op.stroke);
      else if (op.fill) doc.fill(op.fill);
      else if (op.stroke) doc.lineWidth(0.8).stroke(op.stroke);
      doc.restore();
      state.colour = null;
      break;
    case 'line':
      mark(state, op.tag);
      doc.save();
      doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.lineWidth).stroke(op.colour);
      doc.restore();
      state.colour = null;
      break;
    case 'image':
      mark(state, op.tag);
      doc.image(op.data, op.x, op.y, { width: op.width, height: op.height });
      break;
    case 'mark':
      // Opens the sequence; the next op (or the end of the page) closes it with nothing inside.
      mark(state, op.tag);
      break;
    case 'bookmark': {
      // A heading's bookmark nests under the last bookmark of a lower level.
      while ((state.outline[state.outline.length - 1]?.level ?? 0) >= op.level) state.outline.pop();
      const parent = state.outline[state.outline.length - 1]?.item ?? doc.outline;
      state.outline.push({ level: op.level, item: parent.addItem(op.title) });
      break;
    }
    case 'dest':
      doc.addNamedDestination(op.name, 'XYZ', PAGE.left, PAGE.height - op.y, null);
      break;
  }
};

/** Draws one laid-out page as page `pageNumber` of the document, with its "Page N" footer. */
export const drawPage = (state: DrawState, page: PlacedPage, pageNumber: number): void => {
  const { doc } = state;
  doc.addPage({ size: 'A4', margin: 0 });
  state.colour = null;
  for (const op of page.ops) drawOp(state, op);
  const footer = `Page ${pageNumber}`;
  mark(state, { kind: 'artifact', type: 'Pagination' });
  setColour(state, COLOURS.muted);
  const footerWidth = state.metrics.width(footer, 'regular', TYPE.small);
  state.writeText(
    'regular',
    TYPE.small,
    (PAGE.left + PAGE.right - footerWidth) / 2,
    PAGE.footerY,
    footer,
  );
  if (state.debug) {
    doc.save().lineWidth(0.3).strokeColor('#FF00FF');
    for (const box of page.boxes) doc.rect(box.x, box.y, box.width, box.height).stroke();
    doc
      .strokeColor('#00AAFF')
      .rect(PAGE.left, PAGE.top, PAGE.right - PAGE.left, PAGE.bottom - PAGE.top)
      .stroke()
      .restore();
    state.colour = null;
  }
  closeMarked(state);
  endFinished(state);
  compactParentTree(doc);
};

/**
 * Content of one structure element sits on consecutive pages, so an element drawn on the last
 * page but not on this one is finished: end it, and pdfkit writes it out and lets it go.
 * Without this a long section held every element it had drawn until its end.
 */
const endFinished = (state: DrawState): void => {
  for (const key of state.previousKeys) {
    // Sections and the document (keys without "/") end with the section, never here.
    if (state.currentKeys.has(key) || !key.includes('/')) continue;
    const element = state.elements.get(key);
    if (element) {
      element.end();
      state.elements.delete(key);
    }
  }
  state.previousKeys = state.currentKeys;
  state.currentKeys = new Set();
};

type Reference = { toString: () => string };
type ParentTree = { _items: Record<string, unknown> };

/**
 * pdfkit keeps, until the end of the file, the page's marked-content → element table (the
 * ParentTree) as live references to each element's dictionary: a few hundred bytes per table
 * cell, the main growth in memory over thousands of pages. Once a page is drawn its table no
 * longer changes, so keep only its text. Relies on pdfkit 0.20 internals (pinned version);
 * the output is byte-for-byte the same.
 */
const compactParentTree = (doc: PDFKit.PDFDocument): void => {
  const internals = doc as unknown as {
    page: { dictionary: { data: { StructParents?: number } } };
    getStructParentTree: () => ParentTree;
  };
  const key = internals.page.dictionary.data.StructParents;
  if (key === undefined || key === null) return;
  const tree = internals.getStructParentTree();
  const entries = tree._items[key];
  if (!Array.isArray(entries) || entries.length === 0) return;
  const first = entries.find(
    (entry): entry is Reference => entry !== null && typeof entry === 'object',
  );
  if (!first) return;
  const text = `[${entries.map((entry: Reference | null) => (entry ? entry.toString() : 'null')).join(' ')}]`;
  // An instance of pdfkit's abstract reference class is written out by calling toString().
  const stub = Object.create(
    Object.getPrototypeOf(Object.getPrototypeOf(first)) as object,
  ) as Reference;
  Object.defineProperty(stub, 'toString', { value: () => text });
  tree._items[key] = stub;
};

/** Ends (and lets pdfkit write out) the structure of a finished section. */
export const endSection = (state: DrawState, sectionId: string): void => {
  closeMarked(state);
  const section = state.elements.get(sectionId);
  section?.end();
  for (const key of [...state.elements.keys()])
    if (key.startsWith(`${sectionId}/`) || key === sectionId) state.elements.delete(key);
};

/** Ends the whole structure tree; call before `doc.end()`. */
export const endStructure = (state: DrawState): void => {
  closeMarked(state);
  for (const element of state.elements.values()) element.end();
  state.elements.clear();
};
