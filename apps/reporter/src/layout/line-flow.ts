import type { Block } from '../model/document-model.js';
import { CONTENT_WIDTH, TYPE, lineHeight } from './geometry.js';
import { type Cursor, available, finishPage } from './page-cursor.js';
import { placeLine } from './place-text.js';
import type { PlacedPage, Tagging } from './placed.js';
import { type Line, wrapRuns } from './wrap.js';

/** How a run of lines is set: an optional hanging label on the first line, alignment, colour. */
export type LineOptions = {
  /** Printed at `x` on the first line only (a list item's `a)`, a paragraph's `1.1`). */
  label?: { text: string; x: number; tag: Tagging; font?: 'regular' | 'bold' };
  align?: 'left' | 'center' | 'right';
  /** Width of the box the lines are aligned in (needed for centre and right) and of the debug box. */
  width?: number;
  colour?: string;
};

/** Labels are never wrapped: they are measured on a line this wide and the first line is kept. */
const LABEL_MEASURE_PT = 1000;
/** Rounding slack when counting how many lines fit, so a line that fits exactly is not pushed on. */
const FIT_TOLERANCE_PT = 0.01;

/**
 * Room a heading asks for below itself, by the kind of block that follows, so it is not left
 * alone at the foot of a page. Two lines of body text (and a little) for text; about a header
 * row and two rows for a table; the start of a box for key-values and notices.
 */
const KEEP_WITH_TEXT_PT = lineHeight(TYPE.body) * 2 + 4;
const KEEP_WITH_TABLE_PT = 64;
const KEEP_WITH_BOX_PT = 40;
/** A heading followed by a heading keeps room for a level-3 heading line and a little text. */
const KEEP_WITH_HEADING_PT = lineHeight(TYPE.h3) + 30;
const KEEP_WITH_OTHER_PT = 20;

/** Room needed below a heading (or a keep-with-next paragraph) for the block after it, in points. */
export const keepSpace = (next: Block | undefined): number => {
  if (!next) return 0;
  switch (next.kind) {
    case 'paragraph':
    case 'list':
      return KEEP_WITH_TEXT_PT;
    case 'table':
      return KEEP_WITH_TABLE_PT;
    case 'key-value':
    case 'notice':
      return KEEP_WITH_BOX_PT;
    case 'heading':
      return KEEP_WITH_HEADING_PT;
    default:
      return KEEP_WITH_OTHER_PT;
  }
};

/** Places lines from the cursor down and moves the cursor below them; the caller has checked they fit. */
const placeLines = (
  cursor: Cursor,
  lines: readonly Line[],
  x: number,
  size: number,
  tag: Tagging,
  options: LineOptions = {},
): void => {
  const lh = lineHeight(size);
  const boxTop = cursor.y;
  lines.forEach((line, index) => {
    if (index === 0 && options.label) {
      const label = wrapRuns(
        [{ text: options.label.text, style: options.label.font ?? 'regular' }],
        LABEL_MEASURE_PT,
        size,
        cursor.ctx.metrics,
        cursor.ctx.warn,
      )[0];
      if (label) placeLine(cursor.ops, label, options.label.x, cursor.y, size, options.label.tag);
    }
    placeLine(
      cursor.ops,
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

/**
 * Flows lines from the cursor down, breaking pages between lines, yielding each page it fills.
 * Orphans and widows: it never leaves the first line of several alone at the foot of a page, and
 * carries two lines over rather than the last one alone when that still leaves two behind. On a
 * page with nothing on it, it places what fits regardless (at least one line).
 */
export function* flowLines(
  cursor: Cursor,
  lines: readonly Line[],
  x: number,
  size: number,
  tag: Tagging,
  options: LineOptions = {},
): Generator<PlacedPage> {
  const lh = lineHeight(size);
  let index = 0;
  let first = true;
  while (index < lines.length) {
    const fit = Math.max(0, Math.floor((available(cursor) + FIT_TOLERANCE_PT) / lh));
    const remaining = lines.length - index;
    let take = Math.min(fit, remaining);
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
