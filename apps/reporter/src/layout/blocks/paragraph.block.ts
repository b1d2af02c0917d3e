import type { Block } from '../../model/document-model.js';
import { CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { LABEL_GAP_PT, PARAGRAPH_GAP_PT } from '../layout-constants.js';
import { MIN_LINES_AT_BREAK, flowLines } from '../line-flow.js';
import {
  type Cursor,
  type LayoutContext,
  available,
  blockKey,
  finishPage,
  pushBookmark,
  runsText,
} from '../page-cursor.js';
import { struct } from '../place-text.js';
import type { PlacedPage } from '../placed.js';
import { type Line, wrapRuns } from '../wrap.js';

/** Narrowest gutter for a paragraph's hanging label (`1.1`, `33.2`): wide enough for most. */
const PARAGRAPH_LABEL_MIN_WIDTH_PT = 34;

type ParagraphBlock = Extract<Block, { kind: 'paragraph' }>;

/** Where a paragraph's lines start (x), how wide they are and how they wrap. */
export const paragraphSet = (
  ctx: LayoutContext,
  block: ParagraphBlock,
): { size: number; x: number; width: number; lines: Line[] } => {
  const size = block.size ?? TYPE.body;
  const indent = block.indent ?? 0;
  const labelSpace = block.label
    ? Math.max(
        PARAGRAPH_LABEL_MIN_WIDTH_PT,
        ctx.metrics.width(block.label, 'regular', size) + LABEL_GAP_PT,
      )
    : 0;
  const width = CONTENT_WIDTH - indent - labelSpace;
  const lines = wrapRuns(block.runs, width, size, ctx.metrics, ctx.warn);
  return { size, x: PAGE.left + indent + labelSpace, width, lines };
};

/** The space after a paragraph, in points. */
export const paragraphGap = (block: ParagraphBlock): number => block.spaceAfter ?? PARAGRAPH_GAP_PT;

/**
 * A paragraph, optionally indented and with a hanging label in the gutter, flowing across pages
 * without widows or orphans. Its last lines stay on a page with `keepAfter` points of what
 * follows (layout/keep.ts: the next block's start for a lead-in, a short last block).
 */
export function* layoutParagraph(
  cursor: Cursor,
  block: ParagraphBlock,
  index: number,
  keepAfter: number,
): Generator<PlacedPage> {
  const { size, x, width, lines } = paragraphSet(cursor.ctx, block);
  const indent = block.indent ?? 0;
  const tag = struct([
    ...cursor.root,
    block.note
      ? { key: blockKey(cursor, index), tag: 'Note', id: block.note.id }
      : {
          key: blockKey(cursor, index),
          tag: block.headingLevel ? `H${block.headingLevel}` : 'P',
        },
  ]);
  if (block.headingLevel || block.dest) {
    // After any move to a new page, so the bookmark (or destination) points where it lands.
    const short = lines.length < 2 * MIN_LINES_AT_BREAK;
    const needed = short
      ? lines.length * lineHeight(size) + keepAfter
      : MIN_LINES_AT_BREAK * lineHeight(size);
    if (cursor.hasContent && available(cursor) < needed) yield finishPage(cursor);
    if (block.headingLevel) pushBookmark(cursor, block.headingLevel, runsText(block.runs));
    if (block.dest) cursor.ops.push({ kind: 'dest', name: block.dest, y: cursor.y });
  }
  yield* flowLines(cursor, lines, x, size, tag, {
    ...(block.label ? { label: { text: block.label, x: PAGE.left + indent, tag } } : {}),
    align: block.align ?? 'left',
    width,
    keepAfter,
  });
  cursor.y += paragraphGap(block);
}
