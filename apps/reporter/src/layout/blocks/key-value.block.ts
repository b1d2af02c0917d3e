import type { Block } from '../../model/document-model.js';
import { CONTENT_WIDTH, PAGE, TYPE, lineHeight } from '../geometry.js';
import { PARAGRAPH_GAP_PT } from '../layout-constants.js';
import { type Cursor, type LayoutContext, blockKey, ensureRoom } from '../page-cursor.js';
import { placeLine, struct } from '../place-text.js';
import type { PlacedPage, StructNode } from '../placed.js';
import { type Line, wrapRuns } from '../wrap.js';

/** Width of the key column (keys and the gap after them), unless the block sets its own. */
const KEY_COLUMN_WIDTH_PT = 130;
/** Part of the key column kept clear between a key's text and its value. */
const KEY_GAP_PT = 8;
/** Space after each row. */
const KEY_VALUE_ROW_GAP_PT = 4;

type KeyValueBlock = Extract<Block, { kind: 'key-value' }>;

/** A row's key and value lines, wrapped in their columns. */
const rowLines = (
  ctx: LayoutContext,
  row: KeyValueBlock['rows'][number],
  keyWidth: number,
): { keyLines: Line[]; valueLines: Line[] } => ({
  keyLines: wrapRuns(
    [{ text: row.key, style: 'bold' }],
    keyWidth - KEY_GAP_PT,
    TYPE.body,
    ctx.metrics,
    ctx.warn,
  ),
  valueLines: wrapRuns(row.value, CONTENT_WIDTH - keyWidth, TYPE.body, ctx.metrics, ctx.warn),
});

/** How tall the block prints whole, with the space after it, in points. */
export const keyValueHeight = (ctx: LayoutContext, block: KeyValueBlock): number =>
  block.rows.reduce((sum, row) => {
    const { keyLines, valueLines } = rowLines(ctx, row, block.keyWidth ?? KEY_COLUMN_WIDTH_PT);
    return (
      sum +
      Math.max(keyLines.length, valueLines.length) * lineHeight(TYPE.body) +
      KEY_VALUE_ROW_GAP_PT
    );
  }, PARAGRAPH_GAP_PT);

/**
 * Labelled values (REPORT TO / DATE …) in two columns, tagged as a table whose keys are row
 * headers. A row is never split across pages.
 */
export function* layoutKeyValue(
  cursor: Cursor,
  block: KeyValueBlock,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  const lh = lineHeight(size);
  const keyWidth = block.keyWidth ?? KEY_COLUMN_WIDTH_PT;
  const tableNode: StructNode = { key: blockKey(cursor, index), tag: 'Table' };
  for (const [rowIndex, row] of block.rows.entries()) {
    const { keyLines, valueLines } = rowLines(cursor.ctx, row, keyWidth);
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
      placeLine(cursor.ops, line, PAGE.left, top + lineIndex * lh, size, keyTag),
    );
    valueLines.forEach((line, lineIndex) =>
      placeLine(cursor.ops, line, PAGE.left + keyWidth, top + lineIndex * lh, size, valueTag),
    );
    cursor.boxes.push({ x: PAGE.left, y: top, width: CONTENT_WIDTH, height });
    cursor.y = top + height + KEY_VALUE_ROW_GAP_PT;
    cursor.hasContent = true;
  }
  cursor.y += PARAGRAPH_GAP_PT;
}
