import type { Block, HeadingLook } from '../../model/document-model.js';
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { flowLines, keepSpace } from '../line-flow.js';
import { type Cursor, blockKey, ensureRoom, pushBookmark, runsText } from '../page-cursor.js';
import { struct } from '../place-text.js';
import type { PlacedPage } from '../placed.js';
import { wrapRuns } from '../wrap.js';

/** Type size by look, unless the heading sets its own. */
const HEADING_SIZE_PT: Record<HeadingLook, number> = { 1: TYPE.h1, 2: TYPE.h2, 3: TYPE.h3 };
/** Space above a heading, dropped at the top of a page. */
const HEADING_SPACE_BEFORE_PT: Record<HeadingLook, number> = { 1: 0, 2: 10, 3: 6 };
const HEADING_SPACE_AFTER_PT: Record<HeadingLook, number> = { 1: 8, 2: 6, 3: 4 };

/** The printed style of a heading: its own look, else its level's (level 3 and below alike). */
const lookOf = (block: Extract<Block, { kind: 'heading' }>): HeadingLook =>
  block.look ?? (block.level === 1 ? 1 : block.level === 2 ? 2 : 3);

/**
 * A heading in bold, in the council colour (the level 3 look in the text colour), kept with the
 * start of the block after it; tagged by its level, printed by its look. Its bookmark and named destination point at where it lands.
 */
export function* layoutHeading(
  cursor: Cursor,
  block: Extract<Block, { kind: 'heading' }>,
  index: number,
  next: Block | undefined,
): Generator<PlacedPage> {
  const look = lookOf(block);
  const size = block.size ?? HEADING_SIZE_PT[look];
  const before = HEADING_SPACE_BEFORE_PT[look];
  const after = HEADING_SPACE_AFTER_PT[look];
  const colour = look === 3 ? COLOURS.text : cursor.ctx.meta.colour;
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
