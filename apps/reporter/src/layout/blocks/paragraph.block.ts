import type { Block } from '../../model/document-model.js';
import { CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { LABEL_GAP_PT, PARAGRAPH_GAP_PT } from '../layout-constants.js';
import { flowLines, keepSpace } from '../line-flow.js';
import {
  type Cursor,
  available,
  blockKey,
  ensureRoom,
  finishPage,
  pushBookmark,
  runsText,
} from '../page-cursor.js';
import { struct } from '../place-text.js';
import type { PlacedPage } from '../placed.js';
import { wrapRuns } from '../wrap.js';

/** Narrowest gutter for a paragraph's hanging label (`1.1`, `33.2`): wide enough for most. */
const PARAGRAPH_LABEL_MIN_WIDTH_PT = 34;

/**
 * A paragraph, optionally indented and with a hanging label in the gutter, flowing across pages.
 * A keep-with-next paragraph (a lead-in) moves on with room for the start of the next block.
 */
export function* layoutParagraph(
  cursor: Cursor,
  block: Extract<Block, { kind: 'paragraph' }>,
  index: number,
  next: Block | undefined,
): Generator<PlacedPage> {
  const size = block.size ?? TYPE.body;
  const indent = block.indent ?? 0;
  const labelSpace = block.label
    ? Math.max(
        PARAGRAPH_LABEL_MIN_WIDTH_PT,
        cursor.ctx.metrics.width(block.label, 'regular', size) + LABEL_GAP_PT,
      )
    : 0;
  const x = PAGE.left + indent + labelSpace;
  const width = CONTENT_WIDTH - indent - labelSpace;
  const lines = wrapRuns(block.runs, width, size, cursor.ctx.metrics, cursor.ctx.warn);
  const tag = struct([
    ...cursor.root,
    {
      key: blockKey(cursor, index),
      tag: block.headingLevel ? `H${block.headingLevel}` : 'P',
    },
  ]);
  if (block.keepWithNext)
    yield* ensureRoom(cursor, lines.length * lineHeight(size) + keepSpace(next));
  if (block.headingLevel) {
    // After any move to a new page, so the bookmark points where the heading lands.
    if (cursor.hasContent && available(cursor) < lineHeight(size) * Math.min(2, lines.length))
      yield finishPage(cursor);
    pushBookmark(cursor, block.headingLevel, runsText(block.runs));
  }
  yield* flowLines(cursor, lines, x, size, tag, {
    ...(block.label ? { label: { text: block.label, x: PAGE.left + indent, tag } } : {}),
    align: block.align ?? 'left',
    width,
  });
  cursor.y += block.spaceAfter ?? PARAGRAPH_GAP_PT;
}
