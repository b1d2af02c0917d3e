import type { Block, ColumnWidth, Run, TableCell } from '../../model/document-model.js';
import { CONTENT_WIDTH, TYPE, lineHeight } from '../geometry.js';
import type { TextMetrics } from '../metrics.js';
import type { LayoutContext } from '../page-cursor.js';
import { type Line, wrapRuns } from '../wrap.js';

/**
 * Table sizing, the first steps of a table (like pdfkit's `lib/table/size.js`): how wide each
 * column is, then how each cell wraps and how tall each row is. It knows nothing of pages;
 * `table.block.ts` places the measured rows.
 *
 * Column widths follow CSS's automatic table layout for a table `width: 100%` of the content
 * width: each column lies between its minimum (its longest unbreakable word, plus padding) and
 * its maximum (its widest cell unwrapped). When the maxima fit, each column gets its maximum and
 * the spare width is shared in proportion to the maxima; otherwise each gets its minimum and the
 * width left is shared in proportion to how much each would grow (maximum − minimum). A column
 * may declare its width (a fraction of the table or points), never below its minimum.
 */

/** Space between a cell's edge and its text, left and right. */
export const CELL_PADDING_X_PT = 3.5;
/** Space between a cell's edge and its text, top and bottom. */
export const CELL_PADDING_Y_PT = 3;

export type Align = 'left' | 'right' | 'center';

/** Rounding slack when a cell's text is fitted to its column (widths are sums and shares). */
const WIDTH_TOLERANCE_PT = 0.01;

/** Where a table's columns go: widths in points (left to right, from `PAGE.left`) and alignments. */
export type TableGrid = {
  readonly widths: readonly number[];
  readonly aligns: readonly Align[];
  /** Type size of every cell, in points. */
  readonly size: number;
};

/** A column's narrowest and widest useful widths, in points, padding included. */
export type ColumnExtent = { readonly min: number; readonly max: number };

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

type TableBlock = Extract<Block, { kind: 'table' }>;

/**
 * The widest word and the widest unwrapped line of `runs` at `size`, in points. Words run on
 * across runs (a bold "£" before "12"); spaces and line breaks end them.
 */
export const runsExtent = (
  runs: readonly Run[],
  size: number,
  metrics: TextMetrics,
  bold = false,
): ColumnExtent => {
  let widest = 0;
  let line = 0;
  let word = 0;
  let longest = 0;
  const endWord = (): void => {
    longest = Math.max(longest, word);
    word = 0;
  };
  for (const run of runs) {
    const font = bold ? 'bold' : (run.style ?? 'regular');
    for (const piece of run.text.split(/(\n| +)/)) {
      if (piece === '') continue;
      if (piece === '\n') {
        endWord();
        widest = Math.max(widest, line);
        line = 0;
      } else if (piece.startsWith(' ')) {
        endWord();
        line += metrics.width(' ', font, size);
      } else {
        const width = metrics.width(piece, font, size);
        word += width;
        line += width;
      }
    }
  }
  endWord();
  return { min: longest, max: Math.max(widest, line) };
};

/** A cell that holds no value: empty, or a dash for one not known. */
const NO_VALUE = /^(|[–—-]|n\/a)$/i;
/** A number or an amount as councils print them: 1,204 · 83.2% · £186.50 · (£144,000) · −£1.2m. */
const NUMBER = /^[(−–+-]?[£$€]?[(−–-]?\d[\d,]*(\.\d+)?(%|p|k|m|bn)?\)?$/;

const cellText = (cell: TableCell | undefined): string =>
  (cell?.runs ?? [])
    .map((run) => run.text)
    .join('')
    .trim();

/** Whether every filled body cell of `column` is a number or an amount (and at least one is). */
export const isNumericColumn = (
  rows: readonly (readonly TableCell[])[],
  column: number,
): boolean => {
  let numbers = 0;
  for (const row of rows) {
    const text = cellText(row[column]);
    if (NO_VALUE.test(text)) continue;
    if (!NUMBER.test(text)) return false;
    numbers += 1;
  }
  return numbers > 0;
};

const declaredPoints = (width: ColumnWidth, tableWidth: number): number =>
  'points' in width ? width.points : width.fraction * tableWidth;

/**
 * Column widths in points that add up to `tableWidth`, from each column's extent and what it
 * declares (see the file's comment). `overflows` says the minima alone are wider than the table:
 * the widths are then the minima scaled down to fit, and long words will be broken.
 */
export const sizeColumns = (
  extents: readonly ColumnExtent[],
  declared: readonly (ColumnWidth | undefined)[],
  tableWidth: number,
): { widths: number[]; overflows: boolean } => {
  const widths = extents.map((extent, index) => {
    const width = declared[index];
    return width === undefined ? 0 : Math.max(extent.min, declaredPoints(width, tableWidth));
  });
  const autos = extents.flatMap((extent, index) =>
    declared[index] === undefined ? [{ index, ...extent }] : [],
  );
  const rest = tableWidth - widths.reduce((sum, width) => sum + width, 0);
  const sumMin = autos.reduce((sum, column) => sum + column.min, 0);
  const sumMax = autos.reduce((sum, column) => sum + column.max, 0);
  if (autos.length > 0 && sumMax <= rest) {
    for (const column of autos)
      widths[column.index] =
        sumMax > 0 ? column.max + ((rest - sumMax) * column.max) / sumMax : rest / autos.length;
  } else if (autos.length > 0 && sumMin <= rest) {
    const growth = sumMax - sumMin;
    for (const column of autos)
      widths[column.index] = column.min + ((rest - sumMin) * (column.max - column.min)) / growth;
  } else {
    for (const column of autos) widths[column.index] = column.min;
  }
  const total = widths.reduce((sum, width) => sum + width, 0);
  const overflows = total > tableWidth + WIDTH_TOLERANCE_PT;
  // Declared widths that do not fill the table (or minima that overflow it) are scaled to fit;
  // widths that already fill it are left as they are, so none falls an ulp below its minimum.
  const scale =
    total <= 0 ? 0 : Math.abs(total - tableWidth) <= WIDTH_TOLERANCE_PT ? 1 : tableWidth / total;
  return {
    widths:
      total > 0
        ? widths.map((width) => width * scale)
        : widths.map(() => tableWidth / widths.length),
    overflows,
  };
};

const sizedGrids = new WeakMap<
  TableBlock,
  { metrics: TextMetrics; grid: TableGrid; overflow: string | null }
>();

/**
 * The table's grid: column widths by content (or as declared) across the content width, and
 * alignments (as declared, else right for a column of numbers). Measured once per table and
 * metrics, so the counting pass and the drawing pass share it. Warns when the longest words
 * alone do not fit across the page.
 */
export const tableGrid = (
  block: TableBlock,
  metrics: TextMetrics,
  warn: (message: string) => void,
): TableGrid => {
  const known = sizedGrids.get(block);
  if (known && known.metrics === metrics) {
    // Said on every use: a look-ahead may have measured the table with its warnings silenced.
    if (known.overflow !== null) warn(known.overflow);
    return known.grid;
  }
  const size = TYPE.table;
  const padding = 2 * CELL_PADDING_X_PT;
  const extents = block.columns.map((column, index) => {
    let { min, max } = runsExtent([{ text: column.header }], size, metrics, true);
    const widen = (cells: readonly (readonly TableCell[])[], bold: boolean): void => {
      for (const row of cells) {
        const cell = row[index];
        if (!cell) continue;
        const extent = runsExtent(cell.runs, size, metrics, bold);
        min = Math.max(min, extent.min);
        max = Math.max(max, extent.max);
      }
    };
    widen(block.rows, false);
    widen(block.footerRows ?? [], true);
    return { min: min + padding, max: max + padding };
  });
  const { widths, overflows } = sizeColumns(
    extents,
    block.columns.map((column) => column.width),
    CONTENT_WIDTH,
  );
  const overflow = overflows
    ? `The table "${block.caption ?? block.columns.map((column) => column.header).join(', ')}" is wider than the page: its longest words need ${Math.round(extents.reduce((sum, extent) => sum + extent.min, 0))} pt of ${Math.round(CONTENT_WIDTH)}, so some are broken`
    : null;
  if (overflow !== null) warn(overflow);
  const grid: TableGrid = {
    widths,
    aligns: block.columns.map(
      (column, index) => column.align ?? (isNumericColumn(block.rows, index) ? 'right' : 'left'),
    ),
    size,
  };
  sizedGrids.set(block, { metrics, grid, overflow });
  return grid;
};

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
  // A column sized to a cell's exact width must not break it for a rounding error.
  const measure = width - 2 * CELL_PADDING_X_PT + WIDTH_TOLERANCE_PT;
  const lines = wrapRuns(runs, measure, size, ctx.metrics, ctx.warn);
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
