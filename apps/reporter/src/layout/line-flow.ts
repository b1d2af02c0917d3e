import { CONTENT_WIDTH, lineHeight } from './geometry.js';
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
  /**
   * Room, in points, that must follow the last line on its page: what the lines are kept with
   * (a lead-in's next block, a section's short last block). When it does not fit, the last two
   * lines move on with it, or all of them when fewer than four.
   */
  keepAfter?: number;
};

/** Fewest lines of a paragraph left at the foot of a page or carried to the top of the next. */
export const MIN_LINES_AT_BREAK = 2;

/** Labels are never wrapped: they are measured on a line this wide and the first line is kept. */
const LABEL_MEASURE_PT = 1000;
/** Rounding slack when counting how many lines fit, so a line that fits exactly is not pushed on. */
const FIT_TOLERANCE_PT = 0.01;

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
 * No orphans or widows: a break leaves at least two lines at the foot of a page and carries at
 * least two to the next (a paragraph of three lines moves whole). `keepAfter` keeps the last
 * lines with what follows. On a page with nothing on it, it places what fits regardless.
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
    if (take < MIN_LINES_AT_BREAK && take < remaining) take = 0;
    const left = remaining - take;
    if (take > 0 && left > 0 && left < MIN_LINES_AT_BREAK)
      take =
        take - (MIN_LINES_AT_BREAK - left) >= MIN_LINES_AT_BREAK
          ? remaining - MIN_LINES_AT_BREAK
          : 0;
    const keepAfter = options.keepAfter ?? 0;
    if (
      take === remaining &&
      keepAfter > 0 &&
      take * lh + keepAfter > available(cursor) + FIT_TOLERANCE_PT
    )
      take = remaining >= 2 * MIN_LINES_AT_BREAK ? remaining - MIN_LINES_AT_BREAK : 0;
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
