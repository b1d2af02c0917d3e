import type { Block } from '../model/document-model.js';
import { headingHeight } from './blocks/heading.block.js';
import { keyValueHeight } from './blocks/key-value.block.js';
import { paragraphGap, paragraphSet } from './blocks/paragraph.block.js';
import { tableLead } from './blocks/table.block.js';
import { PAGE, TYPE, lineHeight } from './geometry.js';
import { BOXED_BLOCK_GAP_PT, PARAGRAPH_GAP_PT } from './layout-constants.js';
import { MIN_LINES_AT_BREAK } from './line-flow.js';
import { type LayoutContext, runsText } from './page-cursor.js';

/**
 * Keep rules between blocks, measured (pure): how much of what follows a block must share its
 * page. A heading keeps with the start of the next block (two lines of a paragraph, a table's
 * caption, header and first two rows); a lead-in paragraph (marked, or ending with a colon, like
 * "33.6 RESOLVED – That the Committee:") keeps its last lines with the same; and a section's short
 * last block ("Officer contact: …", a key-value block) with a heading before it is never alone on
 * a page: the block before it brings its last lines or rows along.
 */

/** Most room a block asks to keep with what follows: half a page's body. */
const MAX_KEEP_PT = (PAGE.bottom - PAGE.top) / 2;
/** A block no taller than this (about five lines) is short: it may be part of a section's tail. */
const SHORT_BLOCK_MAX_PT = 80;
/** A section's short tail is at most this tall (about a quarter of a page). */
const SHORT_TAIL_MAX_PT = 170;
/** Room asked for the start of a boxed notice and of kinds not measured here. */
const KEEP_WITH_BOX_PT = 40;
const KEEP_WITH_OTHER_PT = 20;

/** Whether a paragraph keeps with the block after it: a lead-in by its flag or its closing colon. */
export const keepsWithNext = (block: Block, next: Block | undefined): boolean =>
  block.kind === 'paragraph' &&
  next !== undefined &&
  next.kind !== 'heading' &&
  next.kind !== 'page-break' &&
  (block.keepWithNext === true || runsText(block.runs).endsWith(':'));

/** Measuring ahead says nothing: the block warns of what it lacks when it is laid out. */
const quiet = (ctx: LayoutContext): LayoutContext => ({ ...ctx, warn: () => undefined });

/** How tall a block prints whole, with the space after it (Infinity for kinds not measured). */
const blockHeight = (loud: LayoutContext, block: Block): number => {
  const ctx = quiet(loud);
  switch (block.kind) {
    case 'heading':
      return headingHeight(ctx, block);
    case 'paragraph': {
      const { size, lines } = paragraphSet(ctx, block);
      return lines.length * lineHeight(size) + paragraphGap(block);
    }
    case 'key-value':
      return keyValueHeight(ctx, block);
    case 'spacer':
      return block.height;
    default:
      return Infinity;
  }
};

/**
 * Where a section's short tail starts: the short blocks at its end (each at most about five
 * lines, together at most a quarter of a page: "Officer contact: …", a list of contacts) with
 * the heading before them; `blocks.length` when the last block is not short.
 */
export const tailStart = (ctx: LayoutContext, blocks: readonly Block[]): number => {
  let start = blocks.length;
  let total = 0;
  let blocksInTail = 0;
  // Once the walk back has reached the tail's heading, only headings above it may join.
  let headed = false;
  for (;;) {
    const before = blocks[start - 1];
    if (before === undefined) break;
    const height = blockHeight(ctx, before);
    const isShort = before.kind === 'spacer' || height <= SHORT_BLOCK_MAX_PT;
    if (before.kind === 'heading') {
      if (blocksInTail === 0) break;
      headed = true;
    } else if (headed || !isShort || total + height > SHORT_TAIL_MAX_PT) break;
    start -= 1;
    total += height;
    if (before.kind !== 'spacer') blocksInTail += 1;
  }
  // The tail starts at its first block, not at spacers before it.
  while (start < blocks.length && blocks[start]?.kind === 'spacer') start += 1;
  return blocksInTail === 0 ? blocks.length : start;
};

const sumHeights = (ctx: LayoutContext, blocks: readonly Block[], from: number): number =>
  blocks.slice(from).reduce((sum, block) => sum + blockHeight(ctx, block), 0);

/**
 * The room, in points, that the start of `blocks[from]` needs on a page so that what keeps with
 * it is not stranded: see the file's comment. `tail` is the section's `tailStart`.
 */
export const leadRoom = (
  loud: LayoutContext,
  blocks: readonly Block[],
  from: number,
  tail: number,
): number => {
  const ctx = quiet(loud);
  const block = blocks[from];
  if (block === undefined) return 0;
  if (from >= tail) return Math.min(MAX_KEEP_PT, sumHeights(ctx, blocks, from));
  let room: number;
  switch (block.kind) {
    case 'heading':
      room = headingHeight(ctx, block) + leadRoom(ctx, blocks, from + 1, tail);
      break;
    case 'paragraph': {
      const { size, lines } = paragraphSet(ctx, block);
      const whole = lines.length * lineHeight(size) + paragraphGap(block);
      // A short paragraph just before the tail moves whole with it; a lead-in with its next block.
      room =
        from === tail - 1 && lines.length < 2 * MIN_LINES_AT_BREAK
          ? whole + leadRoom(ctx, blocks, tail, tail)
          : keepsWithNext(block, blocks[from + 1])
            ? whole + leadRoom(ctx, blocks, from + 1, tail)
            : Math.min(lines.length, MIN_LINES_AT_BREAK) * lineHeight(size);
      break;
    }
    case 'list':
      room = MIN_LINES_AT_BREAK * lineHeight(TYPE.body);
      break;
    case 'table':
      room = tableLead(ctx, block);
      break;
    case 'key-value':
      room = Math.min(keyValueHeight(ctx, block), MIN_LINES_AT_BREAK * lineHeight(TYPE.body));
      break;
    case 'notice':
      room = KEEP_WITH_BOX_PT;
      break;
    case 'spacer':
    case 'page-break':
      room = 0;
      break;
    default:
      room = KEEP_WITH_OTHER_PT;
  }
  return Math.min(MAX_KEEP_PT, room);
};

/**
 * What a paragraph, list or table at `index` keeps with after its last line or row, in points: for a
 * lead-in, the start of the next block; for the block before the section's short tail, the
 * tail; else nothing. `gap` is the space the block leaves after itself.
 */
export const keepAfter = (
  ctx: LayoutContext,
  blocks: readonly Block[],
  index: number,
  tail: number,
): number => {
  const block = blocks[index];
  if (block === undefined) return 0;
  const gap =
    block.kind === 'paragraph'
      ? paragraphGap(block)
      : block.kind === 'list'
        ? PARAGRAPH_GAP_PT
        : BOXED_BLOCK_GAP_PT;
  if (keepsWithNext(block, blocks[index + 1])) return gap + leadRoom(ctx, blocks, index + 1, tail);
  if (index === tail - 1) return gap + leadRoom(ctx, blocks, tail, tail);
  return 0;
};
