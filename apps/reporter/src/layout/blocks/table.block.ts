import type { Block } from '../../model/document-model.js';

type TableBlock = Extract<Block, { kind: 'table' }>;
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { BOXED_BLOCK_GAP_PT } from '../layout-constants.js';
import { flowLines } from '../line-flow.js';
import {
  type Cursor,
  type LayoutContext,
  available,
  blockKey,
  ensureRoom,
  finishPage,
} from '../page-cursor.js';
import { ARTIFACT_LAYOUT, placeLine, struct } from '../place-text.js';
import type { PlacedPage, StructNode, Tagging } from '../placed.js';
import { type Line, wrapRuns } from '../wrap.js';
import {
  CELL_PADDING_X_PT,
  CELL_PADDING_Y_PT,
  type MeasuredRow,
  type TableGrid,
  measureRow,
  tableGrid,
} from './table-size.js';

/**
 * Tables, in the steps pdfkit's `lib/table` takes (normalize, size, render):
 *
 * 1. Size (`table-size.ts`): each column's width and alignment (`tableGrid`: by content, as
 *    CSS's automatic table layout does, or as declared), then each cell's wrapped lines and each
 *    row's height (`measureRow`).
 * 2. Place (`placeRow`, here): one measured row's fills, text and rule at the cursor.
 * 3. Flow (`layoutTable`, here): caption, header row, then the rows down the pages, the header
 *    repeated as an artifact on each new page, with the keep rules; a row is split only when
 *    taller than a page.
 */

/** A table starts on a new page unless its caption, header and this many body rows fit. */
const TABLE_KEEP_BODY_ROWS = 2;
/** Space between the caption and the header row. */
const CAPTION_GAP_PT = 3;
/** Line widths of the rule under the header row and under each body row. */
const HEADER_RULE_WIDTH_PT = 0.8;
const ROW_RULE_WIDTH_PT = 0.5;
/** Above this relative luminance (0 to 1) a fill takes dark text; below it, white. */
const DARK_TEXT_MIN_LUMINANCE = 0.55;

/** Lines `from` (inclusive) to `to` (exclusive) of each cell: a slice of a row split across pages. */
type LineRange = { from: number; to: number };

/** Black or white text, whichever reads better on `fill` (`#RRGGBB`). */
export const contrastText = (fill: string): string => {
  const value = Number.parseInt(fill.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return luminance > DARK_TEXT_MIN_LUMINANCE ? COLOURS.text : '#FFFFFF';
};

/**
 * Places a row (or `lineRange` of it) at the cursor and moves the cursor below it. `rowTag` is
 * the row's `TR` path; null places the row as an artifact (a repeated header).
 */
const placeRow = (
  cursor: Cursor,
  grid: TableGrid,
  row: MeasuredRow,
  rowTag: readonly StructNode[] | null,
  lineRange: LineRange | null = null,
): void => {
  const { widths, aligns, size } = grid;
  const top = cursor.y;
  const lh = lineHeight(size);
  const height = lineRange
    ? (lineRange.to - lineRange.from) * lh + 2 * CELL_PADDING_Y_PT
    : row.height;
  let x = PAGE.left;
  if (row.header) {
    cursor.ops.push({
      kind: 'rect',
      x: PAGE.left,
      y: top,
      width: CONTENT_WIDTH,
      height,
      fill: COLOURS.headerFill,
      stroke: null,
      tag: ARTIFACT_LAYOUT,
    });
  }
  row.cells.forEach((cell, column) => {
    const width = widths[column] ?? 0;
    const layout = row.layouts[column];
    if (cell.fill)
      cursor.ops.push({
        kind: 'rect',
        x,
        y: top,
        width,
        height,
        fill: cell.fill,
        stroke: null,
        tag: ARTIFACT_LAYOUT,
      });
    const cellKey = `${rowTag?.[rowTag.length - 1]?.key ?? ''}/c${column}`;
    const cellTag: Tagging = rowTag
      ? struct([
          ...rowTag,
          row.header
            ? { key: cellKey, tag: 'TH', scope: 'Column' }
            : row.bold && column === 0
              ? // A bold body row is a footer (total) row: its label heads the row, read with each figure.
                { key: cellKey, tag: 'TH', scope: 'Row' }
              : { key: cellKey, tag: 'TD' },
        ])
      : ARTIFACT_LAYOUT;
    const lines = layout
      ? lineRange
        ? layout.lines.slice(lineRange.from, lineRange.to)
        : layout.lines
      : [];
    const opsBefore = cursor.ops.length;
    lines.forEach((line, index) => {
      placeLine(
        cursor.ops,
        line,
        x + CELL_PADDING_X_PT,
        top + CELL_PADDING_Y_PT + index * lh,
        size,
        cellTag,
        cell.fill ? contrastText(cell.fill) : COLOURS.text,
        cell.align ?? aligns[column] ?? 'left',
        width - 2 * CELL_PADDING_X_PT,
      );
    });
    // An empty cell (or one whose lines all sit on another page) is still a cell of the row.
    if (rowTag && cursor.ops.length === opsBefore) cursor.ops.push({ kind: 'mark', tag: cellTag });
    x += width;
  });
  cursor.ops.push({
    kind: 'line',
    x1: PAGE.left,
    y1: top + height,
    x2: PAGE.right,
    y2: top + height,
    colour: row.header ? COLOURS.text : COLOURS.rule,
    lineWidth: row.header ? HEADER_RULE_WIDTH_PT : ROW_RULE_WIDTH_PT,
    tag: ARTIFACT_LAYOUT,
  });
  cursor.boxes.push({ x: PAGE.left, y: top, width: CONTENT_WIDTH, height });
  cursor.y = top + height;
  cursor.hasContent = true;
};

/** The caption's wrapped lines (bold, body size, across the content width). */
const captionLines = (ctx: LayoutContext, caption: string): Line[] =>
  wrapRuns([{ text: caption, style: 'bold' }], CONTENT_WIDTH, TYPE.body, ctx.metrics, ctx.warn);

/** The header row and the first `count` body rows, measured. */
const openingRows = (
  ctx: LayoutContext,
  block: TableBlock,
  grid: TableGrid,
  count: number,
): { header: MeasuredRow; rows: MeasuredRow[] } => {
  const header = measureRow(
    ctx,
    grid,
    block.columns.map((column) => ({ runs: [{ text: column.header }] })),
    true,
    true,
  );
  const cells = [
    ...block.rows.map((row) => ({ row, bold: false })),
    ...(block.footerRows ?? []).map((row) => ({ row, bold: true })),
  ].slice(0, count);
  return { header, rows: cells.map(({ row, bold }) => measureRow(ctx, grid, row, false, bold)) };
};

/**
 * The room a table's start needs on a page, in points: its caption, its header row and its first
 * two body rows (all its rows when it has fewer). A table starts on a new page unless that fits,
 * and a heading before a table asks for it.
 */
export const tableLead = (ctx: LayoutContext, block: TableBlock): number => {
  const grid = tableGrid(block, ctx.metrics, ctx.warn);
  const { header, rows } = openingRows(ctx, block, grid, TABLE_KEEP_BODY_ROWS);
  const caption = block.caption
    ? captionLines(ctx, block.caption).length * lineHeight(TYPE.body) + CAPTION_GAP_PT
    : 0;
  return caption + header.height + rows.reduce((sum, row) => sum + row.height, 0);
};

/** A row taller than a whole page: the only case where a row is split, between lines. */
function* splitRowAcrossPages(
  cursor: Cursor,
  grid: TableGrid,
  header: MeasuredRow,
  row: MeasuredRow,
  rowTag: readonly StructNode[],
): Generator<PlacedPage> {
  const lh = lineHeight(grid.size);
  const maxLines = Math.max(...row.layouts.map((layout) => layout.lines.length));
  let from = 0;
  while (from < maxLines) {
    const fit = Math.max(1, Math.floor((available(cursor) - 2 * CELL_PADDING_Y_PT) / lh));
    const to = Math.min(maxLines, from + fit);
    placeRow(cursor, grid, row, rowTag, { from, to });
    from = to;
    if (from < maxLines) {
      yield finishPage(cursor);
      placeRow(cursor, grid, header, null);
    }
  }
}

/**
 * A table tagged Table > (Caption, TR > TH/TD), its body and footer (totals) rows in order, with
 * its keep rules: the caption and header row start a page only with the first two body rows; the
 * last row (a Total) never stands alone at the top of a page but moves on with the row above it
 * (with every footer row, when there are several); and the last rows stay on a page with
 * `keepAfter` points of what follows (a section's short last block).
 */
export function* layoutTable(
  cursor: Cursor,
  block: TableBlock,
  index: number,
  keepAfter: number,
): Generator<PlacedPage> {
  const { ctx } = cursor;
  const grid = tableGrid(block, ctx.metrics, ctx.warn);
  const tableNode: StructNode = {
    key: blockKey(cursor, index),
    tag: 'Table',
    ...(block.caption ? { alt: block.caption } : {}),
  };
  const { header } = openingRows(ctx, block, grid, 0);
  const rowCount = block.rows.length + (block.footerRows?.length ?? 0);
  yield* ensureRoom(
    cursor,
    tableLead(ctx, block) + (rowCount <= TABLE_KEEP_BODY_ROWS ? keepAfter : 0),
  );
  if (block.caption) {
    const captionTag = struct([
      ...cursor.root,
      tableNode,
      { key: `${tableNode.key}/caption`, tag: 'Caption' },
    ]);
    yield* flowLines(cursor, captionLines(ctx, block.caption), PAGE.left, TYPE.body, captionTag, {
      width: CONTENT_WIDTH,
    });
    cursor.y += CAPTION_GAP_PT;
  }
  placeRow(cursor, grid, header, [
    ...cursor.root,
    tableNode,
    { key: `${tableNode.key}/r0`, tag: 'TR' },
  ]);
  const bodyRows = [
    ...block.rows.map((cells) => ({ cells, bold: false })),
    ...(block.footerRows ?? []).map((cells) => ({ cells, bold: true })),
  ];
  const footerCount = block.footerRows?.length ?? 0;
  // The rows kept together at the end: the last body row with every footer row, or the last two.
  const lastGroupStart = Math.max(0, bodyRows.length - Math.max(2, footerCount + 1));
  for (const [rowIndex, { cells, bold }] of bodyRows.entries()) {
    const row = measureRow(ctx, grid, cells, false, bold);
    const rowTag = [
      ...cursor.root,
      tableNode,
      { key: `${tableNode.key}/r${rowIndex + 1}`, tag: 'TR' },
    ];
    let needed = row.height;
    if (rowIndex === lastGroupStart) {
      const lastGroupHeight = bodyRows
        .slice(rowIndex)
        .reduce((sum, next) => sum + measureRow(ctx, grid, next.cells, false, next.bold).height, 0);
      needed = lastGroupHeight + keepAfter;
      // A group taller than a fresh page below the header is placed row by row.
      if (needed > PAGE.bottom - PAGE.top - header.height) needed = row.height;
    }
    if (needed > available(cursor) && rowIndex > 0) {
      yield finishPage(cursor);
      // The header row repeats on each new page; as an artifact, so it is read once.
      placeRow(cursor, grid, header, null);
    } else if (row.height > available(cursor)) {
      yield finishPage(cursor);
      placeRow(cursor, grid, header, null);
    }
    if (row.height <= available(cursor)) placeRow(cursor, grid, row, rowTag);
    else yield* splitRowAcrossPages(cursor, grid, header, row, rowTag);
  }
  cursor.y += BOXED_BLOCK_GAP_PT;
}
