import type { Block } from '../../model/document-model.js';
import { PAGE } from '../geometry.js';
import { PARAGRAPH_GAP_PT } from '../layout-constants.js';
import { type Cursor, blockKey, ensureRoom } from '../page-cursor.js';
import { struct } from '../place-text.js';
import type { PlacedPage } from '../placed.js';

/** An image at the left margin at its given size in points, tagged as a Figure with its alt text. */
export function* layoutImage(
  cursor: Cursor,
  block: Extract<Block, { kind: 'image' }>,
  index: number,
): Generator<PlacedPage> {
  yield* ensureRoom(cursor, block.height);
  cursor.ops.push({
    kind: 'image',
    x: PAGE.left,
    y: cursor.y,
    width: block.width,
    height: block.height,
    data: block.data,
    tag: struct([...cursor.root, { key: blockKey(cursor, index), tag: 'Figure', alt: block.alt }]),
  });
  cursor.boxes.push({ x: PAGE.left, y: cursor.y, width: block.width, height: block.height });
  cursor.y += block.height + PARAGRAPH_GAP_PT;
  cursor.hasContent = true;
}
