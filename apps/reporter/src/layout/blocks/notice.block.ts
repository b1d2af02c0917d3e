import type { Block } from '../../model/document-model.js';
import { CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { BOXED_BLOCK_GAP_PT } from '../layout-constants.js';
import { flowLines } from '../line-flow.js';
import { type Cursor, available, blockKey, ensureRoom } from '../page-cursor.js';
import { ARTIFACT_LAYOUT, placeLine, struct } from '../place-text.js';
import type { PlacedPage, StructNode } from '../placed.js';
import { wrapRuns } from '../wrap.js';

/** Space between the box and its text, on every side. */
const NOTICE_PADDING_PT = 8;
/** Space between the title and the body. */
const NOTICE_TITLE_GAP_PT = 4;
/**
 * A notice is kept whole on a page when it is shorter than the page's body less this much;
 * a longer one starts where it is and its body flows on.
 */
const NOTICE_KEEP_WHOLE_SLACK_PT = 40;

/**
 * A boxed notice (an exempt appendix withheld, an item taken in private): a title in the box's
 * colour and a body, tagged as a Div of two paragraphs. The box is drawn on the first page only,
 * cut at the foot of the page when the body flows on.
 */
export function* layoutNotice(
  cursor: Cursor,
  block: Extract<Block, { kind: 'notice' }>,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const lh = lineHeight(size);
  const pad = NOTICE_PADDING_PT;
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
  const height = (titleLines.length + bodyLines.length) * lh + 2 * pad + NOTICE_TITLE_GAP_PT;
  yield* ensureRoom(cursor, Math.min(height, PAGE.bottom - PAGE.top - NOTICE_KEEP_WHOLE_SLACK_PT));
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
      cursor.ops,
      line,
      PAGE.left + pad,
      cursor.y,
      size,
      struct([...cursor.root, divNode, { key: `${divNode.key}/t`, tag: 'P' }]),
      colour,
    );
    cursor.y += lh;
  });
  cursor.y += NOTICE_TITLE_GAP_PT;
  cursor.hasContent = true;
  yield* flowLines(
    cursor,
    bodyLines,
    PAGE.left + pad,
    size,
    struct([...cursor.root, divNode, { key: `${divNode.key}/p`, tag: 'P' }]),
    { width: CONTENT_WIDTH - 2 * pad },
  );
  cursor.y += pad + BOXED_BLOCK_GAP_PT;
}
