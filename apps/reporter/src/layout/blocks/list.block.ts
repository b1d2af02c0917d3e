import type { Block, ListItem } from '../../model/document-model.js';
import { CONTENT_WIDTH, PAGE, TYPE } from '../geometry.js';
import { LABEL_GAP_PT, PARAGRAPH_GAP_PT } from '../layout-constants.js';
import { flowLines } from '../line-flow.js';
import { type Cursor, blockKey } from '../page-cursor.js';
import { struct } from '../place-text.js';
import type { PlacedPage, StructNode } from '../placed.js';
import { wrapRuns } from '../wrap.js';

/** Left indent of a list's labels, unless the list sets its own. */
const LIST_INDENT_PT = 18;
/** Narrowest gutter for item labels; one list's items share the widest label's gutter. */
const LIST_LABEL_MIN_WIDTH_PT = 24;
/** Space after each item. */
const LIST_ITEM_GAP_PT = 3;

/**
 * A list tagged L > LI > (Lbl, LBody), each item's body flowing beside its label; the last
 * item's last lines stay on a page with `keepAfter` points of what follows (layout/keep.ts).
 */
export function* layoutList(
  cursor: Cursor,
  block: Extract<Block, { kind: 'list' }>,
  index: number,
  keepAfter = 0,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const indent = block.indent ?? LIST_INDENT_PT;
  const labelWidth = Math.max(
    LIST_LABEL_MIN_WIDTH_PT,
    ...block.items.map(
      (item) => cursor.ctx.metrics.width(item.label, 'regular', size) + LABEL_GAP_PT,
    ),
  );
  const listKey = blockKey(cursor, index);
  for (const [itemIndex, item] of block.items.entries()) {
    const isLast = itemIndex === block.items.length - 1;
    yield* layoutListItem(cursor, item, listKey, itemIndex, indent, labelWidth, size, {
      keepAfter: isLast ? keepAfter : 0,
    });
  }
  // The last item's gap plus this makes a paragraph gap after the list.
  cursor.y += PARAGRAPH_GAP_PT - LIST_ITEM_GAP_PT;
}

function* layoutListItem(
  cursor: Cursor,
  item: ListItem,
  listKey: string,
  itemIndex: number,
  indent: number,
  labelWidth: number,
  size: number,
  { keepAfter }: { keepAfter: number },
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
    keepAfter,
  });
  cursor.y += LIST_ITEM_GAP_PT;
}
