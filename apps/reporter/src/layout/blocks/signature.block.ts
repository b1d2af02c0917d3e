import type { Block } from '../../model/document-model.js';
import { COLOURS, PAGE, TYPE, lineHeight } from '../geometry.js';
import { type Cursor, blockKey, ensureRoom } from '../page-cursor.js';
import { ARTIFACT_LAYOUT, placeLine, struct } from '../place-text.js';
import type { PlacedPage } from '../placed.js';
import { wrapRuns } from '../wrap.js';

/** Height of each signature line (label and rule), room to sign in. */
const SIGNATURE_ROW_HEIGHT_PT = 34;
/** Space above the first signature line. */
const SIGNATURE_SPACE_BEFORE_PT = 10;
/** How far below the top of its row a label's line box starts. */
const SIGNATURE_LABEL_DROP_PT = 14;
/** Labels (`Chair`, `Date`) are set on one line this wide; the rest of a longer label is dropped. */
const SIGNATURE_LABEL_WIDTH_PT = 120;
/** Where the rule to sign on starts and ends, from the left margin. */
const SIGNATURE_RULE_FROM_PT = 90;
const SIGNATURE_RULE_TO_PT = 330;
/** The rule sits this far above the bottom of the label's line box, and is this thick. */
const SIGNATURE_RULE_RAISE_PT = 2;
const SIGNATURE_RULE_WIDTH_PT = 0.6;

/** Lines to sign (Chair, Date): a label and a rule each, kept together on one page. */
export function* layoutSignature(
  cursor: Cursor,
  block: Extract<Block, { kind: 'signature' }>,
  index: number,
): Generator<PlacedPage> {
  const size = TYPE.body;
  yield* ensureRoom(
    cursor,
    block.lines.length * SIGNATURE_ROW_HEIGHT_PT + SIGNATURE_SPACE_BEFORE_PT,
  );
  cursor.y += SIGNATURE_SPACE_BEFORE_PT;
  for (const [lineIndex, label] of block.lines.entries()) {
    const tag = struct([
      ...cursor.root,
      { key: `${blockKey(cursor, index)}/s${lineIndex}`, tag: 'P' },
    ]);
    const top = cursor.y + SIGNATURE_LABEL_DROP_PT;
    const line = wrapRuns(
      [{ text: label }],
      SIGNATURE_LABEL_WIDTH_PT,
      size,
      cursor.ctx.metrics,
      cursor.ctx.warn,
    )[0];
    if (line) placeLine(cursor.ops, line, PAGE.left, top, size, tag);
    const ruleY = top + lineHeight(size) - SIGNATURE_RULE_RAISE_PT;
    cursor.ops.push({
      kind: 'line',
      x1: PAGE.left + SIGNATURE_RULE_FROM_PT,
      y1: ruleY,
      x2: PAGE.left + SIGNATURE_RULE_TO_PT,
      y2: ruleY,
      colour: COLOURS.text,
      lineWidth: SIGNATURE_RULE_WIDTH_PT,
      tag: ARTIFACT_LAYOUT,
    });
    cursor.y += SIGNATURE_ROW_HEIGHT_PT;
  }
  cursor.hasContent = true;
}
