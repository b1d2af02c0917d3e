import type { Block, HeadingLook } from '../../model/document-model.js';
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { flowLines } from '../line-flow.js';
import {
  type Cursor,
  type LayoutContext,
  blockKey,
  ensureRoom,
  pushBookmark,
  runsText,
} from '../page-cursor.js';
import { struct } from '../place-text.js';
import type { PlacedPage } from '../placed.js';
import { type Line, wrapRuns } from '../wrap.js';

/** Type size by look, unless the heading sets its own. */
const HEADING_SIZE_PT: Record<HeadingLook, number> = { 1: TYPE.h1, 2: TYPE.h2, 3: TYPE.h3 };
/** Space above a heading, dropped at the top of a page. */
const HEADING_SPACE_BEFORE_PT: Record<HeadingLook, number> = { 1: 0, 2: 10, 3: 6 };
const HEADING_SPACE_AFTER_PT: Record<HeadingLook, number> = { 1: 8, 2: 6, 3: 4 };

/** The printed style of a heading: its own look, else its level's (level 3 and below alike). */
const lookOf = (block: Extract<Block, { kind: 'heading' }>): HeadingLook =>
  block.look ?? (block.level === 1 ? 1 : block.level === 2 ? 2 : 3);

type HeadingBlock = Extract<Block, { kind: 'heading' }>;

/** A heading's size, the space above and below it, and its wrapped lines. */
const headingSet = (
  ctx: LayoutContext,
  block: HeadingBlock,
): { size: number; before: number; after: number; lines: Line[] } => {
  const look = lookOf(block);
  const size = block.size ?? HEADING_SIZE_PT[look];
  const lines = wrapRuns(
    block.runs.map((run) => ({ style: 'bold' as const, ...run })),
    CONTENT_WIDTH,
    size,
    ctx.metrics,
    ctx.warn,
  );
  return {
    size,
    before: HEADING_SPACE_BEFORE_PT[look],
    after: HEADING_SPACE_AFTER_PT[look],
    lines,
  };
};

/** How tall a heading prints, with the space above and below it, in points. */
export const headingHeight = (ctx: LayoutContext, block: HeadingBlock): number => {
  const { size, before, after, lines } = headingSet(ctx, block);
  return before + lines.length * lineHeight(size) + after;
};

/**
 * A heading in bold, in the council colour (the level 3 look in the text colour), kept with
 * `keep` points of what follows (the start of the next block: layout/keep.ts); tagged by its
 * level, printed by its look. Its bookmark and named destination point at where it lands.
 */
export function* layoutHeading(
  cursor: Cursor,
  block: HeadingBlock,
  index: number,
  keep: number,
): Generator<PlacedPage> {
  const look = lookOf(block);
  const { size, before, after, lines } = headingSet(cursor.ctx, block);
  const colour = look === 3 ? COLOURS.text : cursor.ctx.meta.colour;
  const height = before + lines.length * lineHeight(size) + after + keep;
  yield* ensureRoom(cursor, height);
  if (cursor.hasContent) cursor.y += before;
  pushBookmark(cursor, block.level, block.bookmark?.title ?? runsText(block.runs));
  if (block.dest) cursor.ops.push({ kind: 'dest', name: block.dest, y: cursor.y });
  const tag = struct([...cursor.root, { key: blockKey(cursor, index), tag: `H${block.level}` }]);
  yield* flowLines(cursor, lines, PAGE.left, size, tag, {
    colour,
    align: block.align ?? 'left',
    width: CONTENT_WIDTH,
  });
  cursor.y += after;
}
