import type {
  Block,
  DocumentMeta,
  ListItem,
  Run,
  Section,
  TableCell,
} from '../model/document-model.js';
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE, lineHeight } from './geometry.js';
import type { TextMetrics } from './metrics.js';
import type { PlacedOp, PlacedPage, StructNode, Tagging } from './placed.js';
import { type Line, wrapRuns } from './wrap.js';

/** Everything layout needs besides the section: measurement and a sink for warnings. */
export type LayoutContext = {
  readonly metrics: TextMetrics;
  readonly meta: DocumentMeta;
  readonly warn: (message: string) => void;
};

const PARAGRAPH_GAP = 6;
const LABEL_WIDTH = 34;
const LIST_INDENT = 18;
const LIST_LABEL_WIDTH = 24;
const CELL_PAD_X = 3.5;
const CELL_PAD_Y = 3;
const ARTIFACT_LAYOUT: Tagging = { kind: 'artifact', type: 'Layout' };
const ARTIFACT_PAGINATION: Tagging = { kind: 'artifact', type: 'Pagination' };

/** The structure element every section hangs from. */
export const DOCUMENT_NODE: StructNode = { key: 'doc', tag: 'Document' };

type Cursor = {
  readonly section: Section;
  readonly ctx: LayoutContext;
  readonly root: readonly StructNode[];
  ops: PlacedOp[];
  boxes: { x: number; y: number; width: number; height: number }[];
  y: number;
  pageIndex: number;
  marking: string | null;
  /** Whether anything but the running header has been placed on the page. */
  hasContent: boolean;
};

const struct = (path: readonly StructNode[]): Tagging => ({ kind: 'struct', path });

const startPage = (cursor: Cursor): void => {
  const { meta } = cursor.ctx;
  cursor.ops = [];
  cursor.boxes = [];
  cursor.y = PAGE.top;
  cursor.hasContent = false;
  const size = TYPE.header;
  cursor.ops.push(
    textOp(
      PAGE.left,
      PAGE.headerY,
      meta.councilName,
      'bold',
      size,
      meta.colour,
      ARTIFACT_PAGINATION,
      cursor.ctx,
    ),
    {
      kind: 'line',
      x1: PAGE.left,
      y1: PAGE.headerRuleY,
      x2: PAGE.right,
      y2: PAGE.headerRuleY,
      colour: meta.colour,
      lineWidth: 1,
      tag: ARTIFACT_LAYOUT,
    },
  );
  if (meta.headerMark) {
    const markSize = 12;
    const width = cursor.ctx.metrics.width(meta.headerMark, 'bold', markSize);
    cursor.ops.push(
      textOp(
        PAGE.right - width,
        PAGE.headerY - 3,
        meta.headerMark,
        'bold',
        markSize,
        COLOURS.draft,
        ARTIFACT_PAGINATION,
        cursor.ctx,
      ),
    );
  }
  if (cursor.section.stamp && cursor.pageIndex === 0) {
    const stampSize = 11;
    const width = cursor.ctx.metrics.width(cursor.section.stamp, 'bold', stampSize);
    const x = PAGE.right - width - 8;
    cursor.ops.push(
      {
        kind: 'rect',
        x: x - 6,
        y: PAGE.headerY - 8,
        width: width + 12,
        height: 22,
        fill: '#FFFFFF',
        stroke: COLOURS.text,
        tag: ARTIFACT_PAGINATION,
      },
      textOp(
        x,
        PAGE.headerY - 3,
        cursor.section.stamp,
        'bold',
        stampSize,
        COLOURS.text,
        ARTIFACT_PAGINATION,
        cursor.ctx,
      ),
    );
  }
  if (cursor.marking) {
    const size2 = 9;
    const lines = wrapRuns(
      [{ text: cursor.marking, style: 'bold' }],
      CONTENT_WIDTH - 12,
      size2,
      cursor.ctx.metrics,
      cursor.ctx.warn,
    );
    const height = lines.length * lineHeight(size2) + 6;
    cursor.ops.push({
      kind: 'rect',
      x: PAGE.left,
      y: PAGE.markingY,
      width: CONTENT_WIDTH,
      height,
      fill: '#FDECEE',
      stroke: COLOURS.marking,
      tag: ARTIFACT_PAGINATION,
    });
    lines.forEach((line, index) => {
      placeLine(
        cursor,
        line,
        PAGE.left + 6,
        PAGE.markingY + 3 + index * lineHeight(size2),
        size2,
        ARTIFACT_PAGINATION,
        COLOURS.marking,
      );
    });
    cursor.y = Math.max(cursor.y, PAGE.markingY + height + 10);
  }
};

const textOp = (
  x: number,
  y: number,
  text: string,
  font: 'regular' | 'bold' | 'italic',
  size: number,
  colour: string,
  tag: Tagging,
  ctx: LayoutContext,
): PlacedOp => ({
  kind: 'text',
  x,
  y,
  text,
  font,
  size,
  colour,
  width: ctx.metrics.width(text, font, size),
  tag,
});

const finishPage = (cursor: Cursor): PlacedPage => {
  const page: PlacedPage = { ops: cursor.ops, sectionId: cursor.section.id, boxes: cursor.boxes };
  cursor.pageIndex += 1;
  startPage(cursor);
  return page;
};

/** Places one wrapped line with its top at `top`; link fragments get a `Link` element under `tag`. */
const placeLine = (
  cursor: Cursor,
  line: Line,
  x: number,
  top: number,
  size: number,
  tag: Tagging,
  defaultColour: string = COLOURS.text,
  align: 'left' | 'right' | 'center' = 'left',
  boxWidth = 0,
): void => {
  const offset =
    align === 'right'
      ? boxWidth - line.width
      : align === 'center'
        ? (boxWidth - line.width) / 2
        : 0;
  const textTop = top + size * TYPE.textInset + (lineHeight(size) - size * 1.15) / 2;
  line.fragments.forEach((fragment, index) => {
    if (fragment.text.trim() === '' && !fragment.link) return;
    const fragmentTag: Tagging =
      fragment.link && tag.kind === 'struct'
        ? struct([
            ...tag.path,
            {
              key: `${tag.path[tag.path.length - 1]?.key ?? ''}/link${index}@${top.toFixed(1)}`,
              tag: 'Link',
            },
          ])
        : tag;
    cursor.ops.push({
      kind: 'text',
      x: x + offset + fragment.x,
      y: textTop,
      text: fragment.text,
      font: fragment.font,
      size,
      colour: fragment.colour ?? defaultColour,
      width: fragment.width,
      tag: fragmentTag,
      ...(fragment.link ? { link: fragment.link } : {}),
    });
  });
};

/** Room needed below a heading so it is not left alone at the foot of a page (points). */
const keepSpace = (next: Block | undefined): number => {
  if (!next) return 0;
  switch (next.kind) {
    case 'paragraph':
    case 'list':
      return lineHeight(TYPE.body) * 2 + 4;
    case 'table':
      return 64;
    case 'key-value':
    case 'notice':
      return 40;
    case 'heading':
      return lineHeight(TYPE.h3) + keepSpace(undefined) + 30;
    default:
      return 20;
  }
};

const available = (cursor: Cursor): number => PAGE.bottom - cursor.y;

function* ensureRoom(cursor: Cursor, height: number): Generator<PlacedPage> {
  if (cursor.hasContent && height > available(cursor)) yield finishPage(cursor);
}

/** Places lines from the cursor down; the caller has checked they fit. */
const placeLines = (
  cursor: Cursor,
  lines: readonly Line[],
  x: number,
  size: number,
  tag: Tagging,
  options: {
    label?: { text: string; x: number; tag: Tagging; font?: 'regular' | 'bold' };
    align?: 'left' | 'center' | 'right';
    width?: number;
    colour?: string;
  } = {},
): void => {
  const lh = lineHeight(size);
  const boxTop = cursor.y;
  lines.forEach((line, index) => {
    if (index === 0 && options.label) {
      const label = wrapRuns(
        [{ text: options.label.text, style: options.label.font ?? 'regular' }],
        1000,
        size,
        cursor.ctx.metrics,
        cursor.ctx.warn,
      )[0];
      if (label) placeLine(cursor, label, options.label.x, cursor.y, size, options.label.tag);
    }
    placeLine(
      cursor,
      line,
      x,
      cursor.y,
      size,
      tag,
      options.colour,
      options.align ?? 'left',
      options.width ?? 0,
    );
    cursor.y += lh;
    cursor.hasContent = true;
  });
  cursor.boxes.push({
    x,
    y: boxTop,
    width: options.width ?? CONTENT_WIDTH,
    height: cursor.y - boxTop,
  });
};

/** Flows lines, breaking pages between lines (but never leaving one line of a paragraph alone). */
function* flowLines(
  cursor: Cursor,
  lines: readonly Line[],
  x: number,
  size: number,
  tag: Tagging,
  options: {
    label?: { text: string; x: number; tag: Tagging; font?: 'regular' | 'bold' };
    align?: 'left' | 'center' | 'right';
    width?: number;
    colour?: string;
  } = {},
): Generator<PlacedPage> {
  const lh = lineHeight(size);
  let index = 0;
  let first = true;
  while (index < lines.length) {
    const fit = Math.max(0, Math.floor((available(cursor) + 0.01) / lh));
    const remaining = lines.length - index;
    let take = Math.min(fit, remaining);
    // Orphans and widows: don't leave a single line at the foot of a page or carry one over alone.
    if (take === 1 && remaining > 1) take = 0;
    if (take > 0 && remaining - take === 1 && take > 2) take -= 1;
    if (take === 0) {
      if (!cursor.hasContent) take = Math.min(remaining, Math.max(1, fit));
      else {
        yield finishPage(cursor);
        continue;
      }
    }
    placeLines(
      cursor,
      lines.slice(index, index + take),
      x,
      size,
      tag,
      first ? options : { ...options, label: undefined },
    );
    first = false;
    index += take;
    if (index < lines.length) yield finishPage(cursor);
  }
}

const blockKey = (cursor: Cursor, index: number, suffix = ''): string =>
  `${cursor.section.id}/b${index}${suffix}`;

function* layoutHeading(
  cursor: Cursor,
  block: Extract<Block, { kind: 'heading' }>,
  index: number,
  next: Block | undefined,
): Generator<PlacedPage> {
  const size = block.size ?? (block.level === 1 ? TYPE.h1 : block.level === 2 ? TYPE.h2 : TYPE.h3);
  const before = block.level === 1 ? 0 : block.level === 2 ? 10 : 6;
  const after = block.level === 1 ? 8 : block.level === 2 ? 6 : 4;
  const colour = block.level === 3 ? COLOURS.text : cursor.ctx.meta.colour;
  const lines = wrapRuns(
    block.runs.map((run) => ({ style: 'bold' as const, ...run })),
    CONTENT_WIDTH,
    size,
    cursor.ctx.metrics,
    cursor.ctx.warn,
  );
  const height = before + lines.length * lineHeight(size) + after + keepSpace(next);
  yield* ensureRoom(cursor, height);
  if (cursor.hasContent) cursor.y += before;
  if (block.bookmark)
    cursor.ops.push({ kind: 'bookmark', title: block.bookmark.title, depth: block.bookmark.depth });
  if (block.dest) cursor.ops.push({ kind: 'dest', name: block.dest, y: cursor.y });
  const tag = struct([...cursor.root, { key: blockKey(cursor, index), tag: `H${block.level}` }]);
  yield* flowLines(cursor, lines, PAGE.left, size, tag, {
    colour,
    align: block.align ?? 'left',
    width: CONTENT_WIDTH,
  });
  cursor.y += after;
}

function* layoutParagraph(
  cursor: Cursor,
  block: Extract<Block, { kind: 'paragraph' }>,
  index: number,
  next: Block | undefined,
): Generator<PlacedPage> {
  const size = block.size ?? TYPE.body;
  const indent = block.indent ?? 0;
  const labelSpace = block.label
    ? Math.max(LABEL_WIDTH, cursor.ctx.metrics.width(block.label, 'regular', size) + 8)
    : 0;
  const x = PAGE.left + indent + labelSpace;
  const width = CONTENT_WIDTH - indent - labelSpace;
  const lines = wrapRuns(block.runs, width, size, cursor.ctx.metrics, cursor.ctx.warn);
  const tag = struct([...cursor.root, { key: blockKey(cursor, index), tag: 'P' }]);
  if (block.keepWithNext)
    yield* ensureRoom(cursor, lines.length * lineHeight(size) + keepSpace(next));
  yield* flowLines(cursor, lines, x, size, tag, {
    ...(block.label ? { label: { text: block.label, x: PAGE.left + indent, tag } } : {}),
    align: block.align ?? 'left',
    width,
  });
  cursor.y += block.spaceAfter ?? PARAGRAPH_GAP;
}

function* layoutList(
  cursor: Cursor,
  block: Extract<Block, { kind: 'list' }>,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const indent = block.indent ?? LIST_INDENT;
  const labelWidth = Math.max(
    LIST_LABEL_WIDTH,
    ...block.items.map((item) => cursor.ctx.metrics.width(item.label, 'regular', size) + 8),
  );
  const listKey = blockKey(cursor, index);
  for (const [itemIndex, item] of block.items.entries()) {
    yield* layoutListItem(cursor, item, listKey, itemIndex, indent, labelWidth, size);
  }
  cursor.y += PARAGRAPH_GAP - 3;
}

function* layoutListItem(
  cursor: Cursor,
  item: ListItem,
  listKey: string,
  itemIndex: number,
  indent: number,
  labelWidth: number,
  size: number,
): Generator<PlacedPage> {
  const listNode: StructNode = { key: listKey, tag: 'L' };
  const liNode: StructNode = { key: `${listKey}/li${itemIndex}`, tag: 'LI' };
  const x = PAGE.left + indent + labelWidth;
  const width = CONTENT_WIDTH - indent - labelWidth;
  const lines = wrapRuns(item.runs, width, size, cursor.ctx.metrics, cursor.ctx.warn);
  const labelTag = struct([
    ...cursor.root,
    listNode,
    liNode,
    { key: `${liNode.key}/lbl`, tag: 'Lbl' },
  ]);
  const bodyTag = struct([
    ...cursor.root,
    listNode,
    liNode,
    { key: `${liNode.key}/body`, tag: 'LBody' },
  ]);
  yield* flowLines(cursor, lines, x, size, bodyTag, {
    label: { text: item.label, x: PAGE.left + indent, tag: labelTag },
    width,
  });
  cursor.y += 3;
}

type CellLayout = { lines: Line[]; height: number };

const layoutCell = (
  cursor: Cursor,
  cell: TableCell,
  width: number,
  size: number,
  bold: boolean,
): CellLayout => {
  const runs: Run[] = bold
    ? cell.runs.map((run) => ({ ...run, style: 'bold' as const }))
    : [...cell.runs];
  const lines = wrapRuns(runs, width - 2 * CELL_PAD_X, size, cursor.ctx.metrics, cursor.ctx.warn);
  return { lines, height: lines.length * lineHeight(size) + 2 * CELL_PAD_Y };
};

type RowSpec = {
  cells: readonly TableCell[];
  layouts: CellLayout[];
  height: number;
  header: boolean;
  bold: boolean;
};

const placeRow = (
  cursor: Cursor,
  row: RowSpec,
  widths: readonly number[],
  aligns: readonly ('left' | 'right' | 'center')[],
  rowTag: readonly StructNode[] | null,
  size: number,
  lineRange: { from: number; to: number } | null = null,
): void => {
  const top = cursor.y;
  const lh = lineHeight(size);
  const height = lineRange ? (lineRange.to - lineRange.from) * lh + 2 * CELL_PAD_Y : row.height;
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
    const cellTag: Tagging = rowTag
      ? struct([
          ...rowTag,
          row.header
            ? {
                key: `${rowTag[rowTag.length - 1]?.key ?? ''}/c${column}`,
                tag: 'TH',
                scope: 'Column',
              }
            : { key: `${rowTag[rowTag.length - 1]?.key ?? ''}/c${column}`, tag: 'TD' },
        ])
      : ARTIFACT_LAYOUT;
    const lines = layout
      ? lineRange
        ? layout.lines.slice(lineRange.from, lineRange.to)
        : layout.lines
      : [];
    lines.forEach((line, index) => {
      placeLine(
        cursor,
        line,
        x + CELL_PAD_X,
        top + CELL_PAD_Y + index * lh,
        size,
        cellTag,
        cell.fill ? contrastText(cell.fill) : COLOURS.text,
        cell.align ?? aligns[column] ?? 'left',
        width - 2 * CELL_PAD_X,
      );
    });
    x += width;
  });
  cursor.ops.push({
    kind: 'line',
    x1: PAGE.left,
    y1: top + height,
    x2: PAGE.right,
    y2: top + height,
    colour: row.header ? COLOURS.text : COLOURS.rule,
    lineWidth: row.header ? 0.8 : 0.5,
    tag: ARTIFACT_LAYOUT,
  });
  cursor.boxes.push({ x: PAGE.left, y: top, width: CONTENT_WIDTH, height });
  cursor.y = top + height;
  cursor.hasContent = true;
};

/** Black or white text, whichever reads better on `fill` (`#RRGGBB`). */
export const contrastText = (fill: string): string => {
  const value = Number.parseInt(fill.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return luminance > 0.55 ? COLOURS.text : '#FFFFFF';
};

function* layoutTable(
  cursor: Cursor,
  block: Extract<Block, { kind: 'table' }>,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.table;
  const lh = lineHeight(size);
  const total = block.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  const widths = block.columns.map((column) => (column.width / total) * CONTENT_WIDTH);
  const aligns = block.columns.map((column) => column.align ?? 'left');
  const tableNode: StructNode = {
    key: blockKey(cursor, index),
    tag: 'Table',
    ...(block.caption ? { alt: block.caption } : {}),
  };
  const rowSpec = (cells: readonly TableCell[], header: boolean, bold: boolean): RowSpec => {
    const layouts = widths.map((width, column) =>
      layoutCell(cursor, cells[column] ?? { runs: [] }, width, size, bold),
    );
    return {
      cells,
      layouts,
      header,
      bold,
      height: Math.max(...layouts.map((layout) => layout.height)),
    };
  };
  const header = rowSpec(
    block.columns.map((column) => ({ runs: [{ text: column.header }] })),
    true,
    true,
  );
  if (block.caption) {
    const captionLines = wrapRuns(
      [{ text: block.caption, style: 'bold' }],
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
      captionLines.length * lineHeight(TYPE.body) + header.height + lh * 2 + 8,
    );
    yield* flowLines(cursor, captionLines, PAGE.left, TYPE.body, captionTag, {
      width: CONTENT_WIDTH,
    });
    cursor.y += 3;
  }
  yield* ensureRoom(cursor, header.height + lh * 2 + 2 * CELL_PAD_Y);
  placeRow(
    cursor,
    header,
    widths,
    aligns,
    [...cursor.root, tableNode, { key: `${tableNode.key}/r0`, tag: 'TR' }],
    size,
  );
  const bodyRows = [
    ...block.rows.map((cells) => ({ cells, bold: false })),
    ...(block.footerRows ?? []).map((cells) => ({ cells, bold: true })),
  ];
  for (const [rowIndex, { cells, bold }] of bodyRows.entries()) {
    const row = rowSpec(cells, false, bold);
    const rowTag = [
      ...cursor.root,
      tableNode,
      { key: `${tableNode.key}/r${rowIndex + 1}`, tag: 'TR' },
    ];
    if (row.height > available(cursor)) {
      yield finishPage(cursor);
      // The header row repeats on each new page; as an artifact, so it is read once.
      placeRow(cursor, header, widths, aligns, null, size);
    }
    if (row.height <= available(cursor)) {
      placeRow(cursor, row, widths, aligns, rowTag, size);
      continue;
    }
    // A row taller than a whole page: the only case where a row is split, between lines.
    const maxLines = Math.max(...row.layouts.map((layout) => layout.lines.length));
    let from = 0;
    while (from < maxLines) {
      const fit = Math.max(1, Math.floor((available(cursor) - 2 * CELL_PAD_Y) / lh));
      const to = Math.min(maxLines, from + fit);
      placeRow(cursor, row, widths, aligns, rowTag, size, { from, to });
      from = to;
      if (from < maxLines) {
        yield finishPage(cursor);
        placeRow(cursor, header, widths, aligns, null, size);
      }
    }
  }
  cursor.y += PARAGRAPH_GAP + 4;
}

function* layoutKeyValue(
  cursor: Cursor,
  block: Extract<Block, { kind: 'key-value' }>,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const lh = lineHeight(size);
  const keyWidth = block.keyWidth ?? 130;
  const tableNode: StructNode = { key: blockKey(cursor, index), tag: 'Table' };
  for (const [rowIndex, row] of block.rows.entries()) {
    const keyLines = wrapRuns(
      [{ text: row.key, style: 'bold' }],
      keyWidth - 8,
      size,
      cursor.ctx.metrics,
      cursor.ctx.warn,
    );
    const valueLines = wrapRuns(
      row.value,
      CONTENT_WIDTH - keyWidth,
      size,
      cursor.ctx.metrics,
      cursor.ctx.warn,
    );
    const height = Math.max(keyLines.length, valueLines.length) * lh;
    yield* ensureRoom(cursor, height);
    const rowNode: StructNode = { key: `${tableNode.key}/r${rowIndex}`, tag: 'TR' };
    const keyTag = struct([
      ...cursor.root,
      tableNode,
      rowNode,
      { key: `${rowNode.key}/k`, tag: 'TH', scope: 'Row' },
    ]);
    const valueTag = struct([
      ...cursor.root,
      tableNode,
      rowNode,
      { key: `${rowNode.key}/v`, tag: 'TD' },
    ]);
    const top = cursor.y;
    keyLines.forEach((line, lineIndex) =>
      placeLine(cursor, line, PAGE.left, top + lineIndex * lh, size, keyTag),
    );
    valueLines.forEach((line, lineIndex) =>
      placeLine(cursor, line, PAGE.left + keyWidth, top + lineIndex * lh, size, valueTag),
    );
    cursor.boxes.push({ x: PAGE.left, y: top, width: CONTENT_WIDTH, height });
    cursor.y = top + height + 4;
    cursor.hasContent = true;
  }
  cursor.y += PARAGRAPH_GAP;
}

function* layoutNotice(
  cursor: Cursor,
  block: Extract<Block, { kind: 'notice' }>,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const lh = lineHeight(size);
  const pad = 8;
  const colour = block.colour ?? cursor.ctx.meta.colour;
  const titleLines = wrapRuns(
    [{ text: block.title, style: 'bold' }],
    CONTENT_WIDTH - 2 * pad,
    size,
    cursor.ctx.metrics,
    cursor.ctx.warn,
  );
  const bodyLines = wrapRuns(
    block.runs,
    CONTENT_WIDTH - 2 * pad,
    size,
    cursor.ctx.metrics,
    cursor.ctx.warn,
  );
  const height = (titleLines.length + bodyLines.length) * lh + 2 * pad + 4;
  yield* ensureRoom(cursor, Math.min(height, PAGE.bottom - PAGE.top - 40));
  const top = cursor.y;
  const divNode: StructNode = { key: blockKey(cursor, index), tag: 'Div' };
  cursor.ops.push({
    kind: 'rect',
    x: PAGE.left,
    y: top,
    width: CONTENT_WIDTH,
    height: Math.min(height, available(cursor)),
    fill: null,
    stroke: colour,
    tag: ARTIFACT_LAYOUT,
  });
  cursor.y += pad;
  titleLines.forEach((line) => {
    placeLine(
      cursor,
      line,
      PAGE.left + pad,
      cursor.y,
      size,
      struct([...cursor.root, divNode, { key: `${divNode.key}/t`, tag: 'P' }]),
      colour,
    );
    cursor.y += lh;
  });
  cursor.y += 4;
  cursor.hasContent = true;
  yield* flowLines(
    cursor,
    bodyLines,
    PAGE.left + pad,
    size,
    struct([...cursor.root, divNode, { key: `${divNode.key}/p`, tag: 'P' }]),
    { width: CONTENT_WIDTH - 2 * pad },
  );
  cursor.y += pad + PARAGRAPH_GAP + 4;
}

function* layoutImage(
  cursor: Cursor,
  block: Extract<Block, { kind: 'image' }>,
  index: number,
): Generator<PlacedPage> {
  yield* ensureRoom(cursor, block.height);
  cursor.ops.push({
    kind: 'image',
    x: PAGE.left,
    y: cursor.y,
    width: block.width,
    height: block.height,
    data: block.data,
    tag: struct([...cursor.root, { key: blockKey(cursor, index), tag: 'Figure', alt: block.alt }]),
  });
  cursor.boxes.push({ x: PAGE.left, y: cursor.y, width: block.width, height: block.height });
  cursor.y += block.height + PARAGRAPH_GAP;
  cursor.hasContent = true;
}

function* layoutSignature(
  cursor: Cursor,
  block: Extract<Block, { kind: 'signature' }>,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const rowHeight = 34;
  yield* ensureRoom(cursor, block.lines.length * rowHeight + 10);
  cursor.y += 10;
  for (const [lineIndex, label] of block.lines.entries()) {
    const tag = struct([
      ...cursor.root,
      { key: `${blockKey(cursor, index)}/s${lineIndex}`, tag: 'P' },
    ]);
    const top = cursor.y + 14;
    const line = wrapRuns([{ text: label }], 120, size, cursor.ctx.metrics, cursor.ctx.warn)[0];
    if (line) placeLine(cursor, line, PAGE.left, top, size, tag);
    cursor.ops.push({
      kind: 'line',
      x1: PAGE.left + 90,
      y1: top + lineHeight(size) - 2,
      x2: PAGE.left + 330,
      y2: top + lineHeight(size) - 2,
      colour: COLOURS.text,
      lineWidth: 0.6,
      tag: ARTIFACT_LAYOUT,
    });
    cursor.y += rowHeight;
  }
  cursor.hasContent = true;
}

/**
 * Lays out one section on as many pages as it needs, yielding each page as soon as it is full so a
 * caller can draw and forget it. Pure: the same section and metrics give the same pages.
 */
export function* layoutSection(
  section: Section,
  ctx: LayoutContext,
): Generator<PlacedPage, number> {
  const cursor: Cursor = {
    section,
    ctx,
    root: [DOCUMENT_NODE, { key: section.id, tag: section.tag }],
    ops: [],
    boxes: [],
    y: PAGE.top,
    pageIndex: 0,
    marking: section.marking,
    hasContent: false,
  };
  startPage(cursor);
  for (const [index, block] of section.blocks.entries()) {
    const next = section.blocks[index + 1];
    switch (block.kind) {
      case 'heading':
        yield* layoutHeading(cursor, block, index, next);
        break;
      case 'paragraph':
        yield* layoutParagraph(cursor, block, index, next);
        break;
      case 'list':
        yield* layoutList(cursor, block, index);
        break;
      case 'table':
        yield* layoutTable(cursor, block, index);
        break;
      case 'key-value':
        yield* layoutKeyValue(cursor, block, index);
        break;
      case 'notice':
        yield* layoutNotice(cursor, block, index);
        break;
      case 'image':
        yield* layoutImage(cursor, block, index);
        break;
      case 'signature':
        yield* layoutSignature(cursor, block, index);
        break;
      case 'spacer':
        cursor.y = Math.min(cursor.y + block.height, PAGE.bottom);
        break;
      case 'page-break':
        if (block.marking !== undefined) cursor.marking = block.marking;
        if (cursor.hasContent) yield finishPage(cursor);
        else startPage(cursor);
        break;
    }
  }
  yield { ops: cursor.ops, sectionId: section.id, boxes: cursor.boxes };
  return cursor.pageIndex + 1;
}

/** How many pages a section takes (a first pass for the agenda's page ranges). */
export const countPages = (section: Section, ctx: LayoutContext): number => {
  let pages = 0;
  for (const page of layoutSection(section, ctx)) {
    void page;
    pages += 1;
  }
  return pages;
};
