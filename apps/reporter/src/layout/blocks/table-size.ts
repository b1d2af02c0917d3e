import type { Block, Run, TableCell, TableColumn } from '../../model/document-model.js';
import { CONTENT_WIDTH, TYPE, lineHeight } from '../geometry.js';
import type { LayoutContext } from '../page-cursor.js';
import { type Line, wrapRuns } from '../wrap.js';

/**
 * Table sizing, the first steps of a table (like pdfkit's `lib/table/size.js`): how wide each
 * column is, then how each cell wraps and how tall each row is. It knows nothing of pages;
 * `table.block.ts` places the measured rows. Column sizing (content-based widths, declared
 * widths, landscape tables) belongs in `tableGrid` here.
 */

/** Space between a cell's edge and its text, left and right. */
export const CELL_PADDING_X_PT = 3.5;
/** Space between a cell's edge and its text, top and bottom. */
export const CELL_PADDING_Y_PT = 3;

export type Align = 'left' | 'right' | 'center';

/** Where a table's columns go: widths in points (left to right, from `PAGE.left`) and alignments. */
export type TableGrid = {
  readonly widths: readonly number[];
  readonly aligns: readonly Align[];
  /** Type size of every cell, in points. */
  readonly size: number;
};

/** A cell's wrapped lines and its height (lines plus padding), in points. */
export type CellLayout = { lines: Line[]; height: number };

/** A row measured against the grid: the tallest cell sets its height (points). */
export type MeasuredRow = {
  cells: readonly TableCell[];
  layouts: CellLayout[];
  height: number;
  header: boolean;
  bold: boolean;
};

/** Column widths in points: each column's share of the content width (all shares 0: width 0). */
const columnWidths = (columns: readonly TableColumn[]): number[] => {
  const total = columns.reduce((sum, column) => sum + column.width, 0) || 1;
  return columns.map((column) => (column.width / total) * CONTENT_WIDTH);
};

export const tableGrid = (block: Extract<Block, { kind: 'table' }>): TableGrid => ({
  widths: columnWidths(block.columns),
  aligns: block.columns.map((column) => column.align ?? 'left'),
  size: TYPE.table,
});

const measureCell = (
  ctx: LayoutContext,
  cell: TableCell,
  width: number,
  size: number,
  bold: boolean,
): CellLayout => {
  const runs: Run[] = bold
    ? cell.runs.map((run) => ({ ...run, style: 'bold' as const }))
    : [...cell.runs];
  const lines = wrapRuns(runs, width - 2 * CELL_PADDING_X_PT, size, ctx.metrics, ctx.warn);
  return { lines, height: lines.length * lineHeight(size) + 2 * CELL_PADDING_Y_PT };
};

/** Measures a row (bold for the header and totals); missing cells at the end are empty. */
export const measureRow = (
  ctx: LayoutContext,
  grid: TableGrid,
  cells: readonly TableCell[],
  header: boolean,
  bold: boolean,
): MeasuredRow => {
  const layouts = grid.widths.map((width, column) =>
    measureCell(ctx, cells[column] ?? { runs: [] }, width, grid.size, bold),
  );
  return {
    cells,
    layouts,
    header,
    bold,
    height: Math.max(...layouts.map((layout) => layout.height)),
  };
};
