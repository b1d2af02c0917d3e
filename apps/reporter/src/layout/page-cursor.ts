import type { DocumentMeta, HeadingLevel, Run, Section } from '../model/document-model.js';
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE, lineHeight } from './geometry.js';
import type { TextMetrics } from './metrics.js';
import { ARTIFACT_LAYOUT, ARTIFACT_PAGINATION, placeLine, struct, textOp } from './place-text.js';
import type { MarkingBanner, PlacedOp, PlacedPage, StructNode, Tagging } from './placed.js';
import { wrapRuns } from './wrap.js';

/** Everything layout needs besides the section: measurement and a sink for warnings. */
export type LayoutContext = {
  readonly metrics: TextMetrics;
  readonly meta: DocumentMeta;
  readonly warn: (message: string) => void;
};

/**
 * Where layout has got to in a section: the page being filled and how far down it. One cursor
 * per `layoutSection` call, passed to every block; nothing else holds state between pages.
 */
export type Cursor = {
  readonly section: Section;
  readonly ctx: LayoutContext;
  /** Structure path every block of the section hangs from (document, then section). */
  readonly root: readonly StructNode[];
  /** The current page's ops and debug boxes; replaced when a page starts. */
  ops: PlacedOp[];
  boxes: { x: number; y: number; width: number; height: number }[];
  /** Top of the next thing to place, in points from the top of the page. */
  y: number;
  /** 0 for the section's first page. */
  pageIndex: number;
  /** The page marking in force (`NOT FOR PUBLICATION …`), printed on each page that starts. */
  marking: string | null;
  /** Whether anything but the running header has been placed on the page. */
  hasContent: boolean;
  /** The marking last tagged as content, and on which page of the section (see `placeMarking`). */
  announced: { marking: string; pageIndex: number } | null;
};

/** Line width of the rule under the council name. */
const HEADER_RULE_WIDTH_PT = 1;
/** Type size of the header mark (DRAFT). */
const HEADER_MARK_SIZE_PT = 12;
/** The mark and the stamp are set larger than the council name, so they start this much higher. */
export const HEADER_MARK_RAISE_PT = 3;
/** Type size of the first page's stamp (`Agenda Item 5`). */
export const STAMP_SIZE_PT = 11;
/** Room between the stamp's text and the right margin. */
export const STAMP_INSET_RIGHT_PT = 8;
/** The stamp's box: padding either side of the text, how far above `PAGE.headerY` it starts, its height. */
export const STAMP_PADDING_X_PT = 6;
export const STAMP_BOX_RAISE_PT = 8;
export const STAMP_BOX_HEIGHT_PT = 22;
const STAMP_FILL = '#FFFFFF';
/** Type size of the marking banner's text. */
const MARKING_SIZE_PT = 9;
/** Padding inside the marking banner, left and right, and top and bottom. */
const MARKING_PADDING_X_PT = 6;
const MARKING_PADDING_Y_PT = 3;
/** Space between the marking banner and the first block below it. */
const MARKING_GAP_BELOW_PT = 10;
const MARKING_FILL = '#FDECEE';

export const createCursor = (
  section: Section,
  ctx: LayoutContext,
  root: readonly StructNode[],
): Cursor => ({
  section,
  ctx,
  root,
  ops: [],
  boxes: [],
  y: PAGE.top,
  pageIndex: 0,
  marking: section.marking,
  hasContent: false,
  announced: null,
});

/**
 * Empties the cursor onto a fresh page and places the page's running artifacts: the council
 * name and rule, the header mark (DRAFT), the section's stamp on its first page, and the marking
 * banner, which pushes the body down.
 */
export const startPage = (cursor: Cursor): void => {
  const { meta, metrics } = cursor.ctx;
  cursor.ops = [];
  cursor.boxes = [];
  cursor.y = PAGE.top;
  cursor.hasContent = false;
  cursor.ops.push(
    textOp(
      PAGE.left,
      PAGE.headerY,
      meta.councilName,
      'bold',
      TYPE.header,
      meta.colour,
      ARTIFACT_PAGINATION,
      metrics,
    ),
    {
      kind: 'line',
      x1: PAGE.left,
      y1: PAGE.headerRuleY,
      x2: PAGE.right,
      y2: PAGE.headerRuleY,
      colour: meta.colour,
      lineWidth: HEADER_RULE_WIDTH_PT,
      tag: ARTIFACT_LAYOUT,
    },
  );
  if (meta.headerMark) {
    const width = metrics.width(meta.headerMark, 'bold', HEADER_MARK_SIZE_PT);
    cursor.ops.push(
      textOp(
        PAGE.right - width,
        PAGE.headerY - HEADER_MARK_RAISE_PT,
        meta.headerMark,
        'bold',
        HEADER_MARK_SIZE_PT,
        COLOURS.draft,
        ARTIFACT_PAGINATION,
        metrics,
      ),
    );
  }
  if (cursor.section.stamp && cursor.pageIndex === 0) placeStamp(cursor, cursor.section.stamp);
  if (cursor.marking) placeMarking(cursor, cursor.marking);
};

const placeStamp = (cursor: Cursor, stamp: string): void => {
  cursor.ops.push(...stampOps(cursor.ctx.metrics, stamp));
};

/** The stamp (`Agenda Item 5`) in its box at the top right of a page, as artifacts. */
export const stampOps = (metrics: TextMetrics, stamp: string): PlacedOp[] => {
  const width = metrics.width(stamp, 'bold', STAMP_SIZE_PT);
  const x = PAGE.right - width - STAMP_INSET_RIGHT_PT;
  return [
    {
      kind: 'rect',
      x: x - STAMP_PADDING_X_PT,
      y: PAGE.headerY - STAMP_BOX_RAISE_PT,
      width: width + 2 * STAMP_PADDING_X_PT,
      height: STAMP_BOX_HEIGHT_PT,
      fill: STAMP_FILL,
      stroke: COLOURS.text,
      tag: ARTIFACT_PAGINATION,
    },
    textOp(
      x,
      PAGE.headerY - HEADER_MARK_RAISE_PT,
      stamp,
      'bold',
      STAMP_SIZE_PT,
      COLOURS.text,
      ARTIFACT_PAGINATION,
      metrics,
    ),
  ];
};

/** The marking's wrapped lines, as its banner prints them at the top of a page. */
const wrapMarking = (ctx: LayoutContext, marking: string) =>
  wrapRuns(
    [{ text: marking, style: 'bold' }],
    CONTENT_WIDTH - 2 * MARKING_PADDING_X_PT,
    MARKING_SIZE_PT,
    ctx.metrics,
    ctx.warn,
  );

export const markingBanner = (ctx: LayoutContext, marking: string): MarkingBanner => ({
  lines: wrapMarking(ctx, marking).map((line) =>
    line.fragments
      .map((fragment) => fragment.text)
      .join('')
      .trim(),
  ),
  top: PAGE.markingY,
  size: MARKING_SIZE_PT,
  lineHeight: lineHeight(MARKING_SIZE_PT),
  paddingX: MARKING_PADDING_X_PT,
  paddingY: MARKING_PADDING_Y_PT,
  fill: MARKING_FILL,
  colour: COLOURS.marking,
});

/**
 * The banner's ops; `tag` is the marking's paragraph where it comes into force, else an
 * artifact. Returns its height.
 */
const markingOps = (ctx: LayoutContext, ops: PlacedOp[], marking: string, tag: Tagging): number => {
  const lines = wrapMarking(ctx, marking);
  const height = lines.length * lineHeight(MARKING_SIZE_PT) + 2 * MARKING_PADDING_Y_PT;
  ops.push({
    kind: 'rect',
    x: PAGE.left,
    y: PAGE.markingY,
    width: CONTENT_WIDTH,
    height,
    fill: MARKING_FILL,
    stroke: COLOURS.marking,
    tag: ARTIFACT_PAGINATION,
  });
  lines.forEach((line, index) => {
    placeLine(
      ops,
      line,
      PAGE.left + MARKING_PADDING_X_PT,
      PAGE.markingY + MARKING_PADDING_Y_PT + index * lineHeight(MARKING_SIZE_PT),
      MARKING_SIZE_PT,
      tag,
      COLOURS.marking,
    );
  });
  return height;
};

/**
 * The marking drawn on a page reserved for an attached PDF, as an artifact: the merge replaces
 * the page's content and stamps the banner again, but drawing it here makes pdfkit embed its
 * glyphs, which the merge writes with.
 */
export const markingArtifactOps = (ctx: LayoutContext, marking: string): PlacedOp[] => {
  const ops: PlacedOp[] = [];
  markingOps(ctx, ops, marking, ARTIFACT_PAGINATION);
  return ops;
};

const placeMarking = (cursor: Cursor, marking: string): void => {
  // The marking is part of what the document says: a paragraph (read first) where it comes into
  // force in the section, then a running artifact on the pages after, like the page header, so
  // continuous reading does not repeat a long legal sentence on every page. A page started again
  // (a page break on an empty page) tags it again, as its earlier ops were dropped.
  const { announced } = cursor;
  const announce =
    announced === null || announced.marking !== marking || announced.pageIndex === cursor.pageIndex;
  if (announce) cursor.announced = { marking, pageIndex: cursor.pageIndex };
  const tag: Tagging = announce
    ? struct([...cursor.root, { key: `${cursor.section.id}/marking${cursor.pageIndex}`, tag: 'P' }])
    : ARTIFACT_PAGINATION;
  const height = markingOps(cursor.ctx, cursor.ops, marking, tag);
  cursor.y = Math.max(cursor.y, PAGE.markingY + height + MARKING_GAP_BELOW_PT);
};

/** The current page as it stands; the cursor moves on to a fresh page. */
export const finishPage = (cursor: Cursor): PlacedPage => {
  const page: PlacedPage = { ops: cursor.ops, sectionId: cursor.section.id, boxes: cursor.boxes };
  cursor.pageIndex += 1;
  startPage(cursor);
  return page;
};

/** Height left on the page below the cursor, in points. */
export const available = (cursor: Cursor): number => PAGE.bottom - cursor.y;

/**
 * Moves to a new page unless `height` points fit below the cursor. A page with nothing on it is
 * never given up: content taller than a page starts there and flows.
 */
export function* ensureRoom(cursor: Cursor, height: number): Generator<PlacedPage> {
  if (cursor.hasContent && height > available(cursor)) yield finishPage(cursor);
}

/** The structure key of the section's `index`th block (unique in the document). */
export const blockKey = (cursor: Cursor, index: number): string => `${cursor.section.id}/b${index}`;

/** Headings of these levels and above get a bookmark (outline entry). */
const BOOKMARKED_LEVELS = 3;

/** The text of runs as one line, for a bookmark's title. */
export const runsText = (runs: readonly Run[]): string =>
  runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A bookmark for a heading of `level` (H1–H3) at the cursor: the outline lists every heading a
 * reader can jump to, nested as the headings are (drawing nests it under the last lower level).
 */
export const pushBookmark = (cursor: Cursor, level: HeadingLevel, title: string): void => {
  if (level <= BOOKMARKED_LEVELS && title !== '')
    cursor.ops.push({ kind: 'bookmark', title, level });
};
