import type { Block } from '../../model/document-model.js';
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { BOXED_BLOCK_GAP_PT } from '../layout-constants.js';
import { flowLines } from '../line-flow.js';
import { type Cursor, available, blockKey, ensureRoom, finishPage } from '../page-cursor.js';
import { ARTIFACT_LAYOUT, placeLine, struct } from '../place-text.js';
import type { PlacedPage, StructNode, Tagging } from '../placed.js';
import { wrapRuns } from '../wrap.js';
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
 * 1. Size (`table-size.ts`): each column's width and alignment (`tableGrid`: today the declared
 *    shares of the content width; content-based and declared widths and landscape go there),
 *    then each cell's wrapped lines and each row's height (`measureRow`).
 * 2. Place (`placeRow`, here): one measured row's fills, text and rule at the cursor.
 * 3. Flow (`layoutTable`, here): caption, header row, then the rows down the pages, the header
 *    repeated as an artifact on each new page; a row is split only when taller than a page.
 */

/** A table starts on a new page unless the header and this many one-line body rows fit. */
const TABLE_KEEP_BODY_LINES = 2;
/** Extra room asked for when the table has a caption, beyond caption, header and body lines. */
const CAPTION_KEEP_EXTRA_PT = 8;
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

/** The caption, in bold above the table, kept on a page with the header and two body lines. */
function* layoutCaption(
  cursor: Cursor,
  caption: string,
  tableNode: StructNode,
  header: MeasuredRow,
  lh: number,
): Generator<PlacedPage> {
  const captionLines = wrapRuns(
    [{ text: caption, style: 'bold' }],
    CONTENT_WIDTH,
    TYPE.body,
    cursor.ctx.metrics,
    cursor.ctx.warn,
  );
  const captionTag = struct([
    ...cursor.root,
    tableNode,
    { key: `${tableNode.key}/caption`, tag: 'Caption' },
  ]);
  yield* ensureRoom(
    cursor,
    captionLines.length * lineHeight(TYPE.body) +
      header.height +
      lh * TABLE_KEEP_BODY_LINES +
      CAPTION_KEEP_EXTRA_PT,
  );
  yield* flowLines(cursor, captionLines, PAGE.left, TYPE.body, captionTag, {
    width: CONTENT_WIDTH,
  });
  cursor.y += CAPTION_GAP_PT;
}

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

/** A table tagged Table > (Caption, TR > TH/TD), its body and footer (totals) rows in order. */
export function* layoutTable(
  cursor: Cursor,
  block: Extract<Block, { kind: 'table' }>,
  index: number,
): Generator<PlacedPage> {
  const grid = tableGrid(block);
  const lh = lineHeight(grid.size);
  const tableNode: StructNode = {
    key: blockKey(cursor, index),
    tag: 'Table',
    ...(block.caption ? { alt: block.caption } : {}),
  };
  const header = measureRow(
    cursor.ctx,
    grid,
    block.columns.map((column) => ({ runs: [{ text: column.header }] })),
    true,
    true,
  );
  if (block.caption) yield* layoutCaption(cursor, block.caption, tableNode, header, lh);
  yield* ensureRoom(cursor, header.height + lh * TABLE_KEEP_BODY_LINES + 2 * CELL_PADDING_Y_PT);
  placeRow(cursor, grid, header, [
    ...cursor.root,
    tableNode,
    { key: `${tableNode.key}/r0`, tag: 'TR' },
  ]);
  const bodyRows = [
    ...block.rows.map((cells) => ({ cells, bold: false })),
    ...(block.footerRows ?? []).map((cells) => ({ cells, bold: true })),
  ];
  for (const [rowIndex, { cells, bold }] of bodyRows.entries()) {
    const row = measureRow(cursor.ctx, grid, cells, false, bold);
    const rowTag = [
      ...cursor.root,
      tableNode,
      { key: `${tableNode.key}/r${rowIndex + 1}`, tag: 'TR' },
    ];
    if (row.height > available(cursor)) {
      yield finishPage(cursor);
      // The header row repeats on each new page; as an artifact, so it is read once.
      placeRow(cursor, grid, header, null);
    }
    if (row.height <= available(cursor)) placeRow(cursor, grid, row, rowTag);
    else yield* splitRowAcrossPages(cursor, grid, header, row, rowTag);
  }
  cursor.y += BOXED_BLOCK_GAP_PT;
}
