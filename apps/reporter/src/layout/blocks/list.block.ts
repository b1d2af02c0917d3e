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
 * A list tagged L > LI > (Lbl, LBody), each item's body flowing beside its label; an item's
 * nested list is an L inside its LBody, its labels lined up with the item's words. The last
 * item's last lines stay on a page with `keepAfter` points of what follows (layout/keep.ts).
 */
export function* layoutList(
  cursor: Cursor,
  block: Extract<Block, { kind: 'list' }>,
  index: number,
  keepAfter = 0,
): Generator<PlacedPage> {
  yield* layoutItems(
    cursor,
    block.items,
    [...cursor.root, { key: blockKey(cursor, index), tag: 'L' }],
    block.indent ?? LIST_INDENT_PT,
    keepAfter,
  );
  // The last item's gap plus this makes a paragraph gap after the list.
  cursor.y += PARAGRAPH_GAP_PT - LIST_ITEM_GAP_PT;
}

/** One list's items (and their nested lists) under `listPath`, labels `indent` points in. */
function* layoutItems(
  cursor: Cursor,
  items: readonly ListItem[],
  listPath: readonly StructNode[],
  indent: number,
  keepAfter: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const labelWidth = Math.max(
    LIST_LABEL_MIN_WIDTH_PT,
    ...items.map((item) => cursor.ctx.metrics.width(item.label, 'regular', size) + LABEL_GAP_PT),
  );
  const listKey = listPath[listPath.length - 1]?.key ?? '';
  for (const [itemIndex, item] of items.entries()) {
    const isLast = itemIndex === items.length - 1;
    const children = item.children ?? [];
    const liNode: StructNode = { key: `${listKey}/li${itemIndex}`, tag: 'LI' };
    const bodyNode: StructNode = { key: `${liNode.key}/body`, tag: 'LBody' };
    yield* layoutListItem(cursor, item, listPath, liNode, bodyNode, indent, labelWidth, size, {
      keepAfter: isLast && children.length === 0 ? keepAfter : 0,
    });
    if (children.length > 0) {
      yield* layoutItems(
        cursor,
        children,
        [...listPath, liNode, bodyNode, { key: `${bodyNode.key}/l`, tag: 'L' }],
        indent + labelWidth,
        isLast ? keepAfter : 0,
      );
    }
  }
}

function* layoutListItem(
  cursor: Cursor,
  item: ListItem,
  listPath: readonly StructNode[],
  liNode: StructNode,
  bodyNode: StructNode,
  indent: number,
  labelWidth: number,
  size: number,
  { keepAfter }: { keepAfter: number },
): Generator<PlacedPage> {
  const x = PAGE.left + indent + labelWidth;
  const width = CONTENT_WIDTH - indent - labelWidth;
  const lines = wrapRuns(item.runs, width, size, cursor.ctx.metrics, cursor.ctx.warn);
  const labelTag = struct([...listPath, liNode, { key: `${liNode.key}/lbl`, tag: 'Lbl' }]);
  const bodyTag = struct([...listPath, liNode, bodyNode]);
  yield* flowLines(cursor, lines, x, size, bodyTag, {
    label: { text: item.label, x: PAGE.left + indent, tag: labelTag },
    width,
    keepAfter,
  });
  cursor.y += LIST_ITEM_GAP_PT;
}
