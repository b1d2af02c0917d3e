import type { Section } from '../model/document-model.js';
import { layoutAttachedPdf } from './blocks/attached-pdf.block.js';
import { layoutHeading } from './blocks/heading.block.js';
import { layoutImage } from './blocks/image.block.js';
import { layoutKeyValue } from './blocks/key-value.block.js';
import { layoutList } from './blocks/list.block.js';
import { layoutNotice } from './blocks/notice.block.js';
import { layoutParagraph } from './blocks/paragraph.block.js';
import { layoutSignature } from './blocks/signature.block.js';
import { layoutTable } from './blocks/table.block.js';
import { PAGE } from './geometry.js';
import { keepAfter, leadRoom, tailStart } from './keep.js';
import { type LayoutContext, createCursor, finishPage, startPage } from './page-cursor.js';
import type { PlacedPage, StructNode } from './placed.js';

/**
 * Layout's entry point: places a section's blocks on pages. How it is split:
 * - `page-cursor.ts`: the cursor (the page being filled), starting and finishing pages with
 *   their running header, `ensureRoom`;
 * - `line-flow.ts`: wrapped lines flowing down and across pages, no widows or orphans;
 * - `keep.ts`: the keep rules between blocks (a heading with what follows, a lead-in, a short
 *   last block), measured;
 * - `place-text.ts`: a string or a wrapped line turned into text ops at a place;
 * - `blocks/<kind>.block.ts`: one block kind each, all with the same shape (cursor, block,
 *   index) → pages; this file only dispatches on `block.kind`.
 */

export type { LayoutContext } from './page-cursor.js';

/** The structure element every section hangs from. */
export const DOCUMENT_NODE: StructNode = { key: 'doc', tag: 'Document' };

/**
 * Lays out one section on as many pages as it needs, yielding each page as soon as it is full so a
 * caller can draw and forget it. Pure: the same section and metrics give the same pages.
 */
export function* layoutSection(
  section: Section,
  ctx: LayoutContext,
): Generator<PlacedPage, number> {
  const cursor = createCursor(section, ctx, [DOCUMENT_NODE, { key: section.id, tag: section.tag }]);
  startPage(cursor);
  const { blocks } = section;
  const tail = tailStart(ctx, blocks);
  // After an attached PDF's pages the cursor is on a fresh page; if nothing follows, no blank page.
  let endsWithAttachment = false;
  for (const [index, block] of blocks.entries()) {
    endsWithAttachment = block.kind === 'attached-pdf';
    switch (block.kind) {
      case 'heading':
        yield* layoutHeading(cursor, block, index, leadRoom(ctx, blocks, index + 1, tail));
        break;
      case 'paragraph':
        yield* layoutParagraph(cursor, block, index, keepAfter(ctx, blocks, index, tail));
        break;
      case 'list':
        yield* layoutList(cursor, block, index, keepAfter(ctx, blocks, index, tail));
        break;
      case 'table':
        yield* layoutTable(cursor, block, index, keepAfter(ctx, blocks, index, tail));
        break;
      case 'key-value':
        yield* layoutKeyValue(cursor, block, index);
        break;
      case 'notice':
        yield* layoutNotice(cursor, block, index);
        break;
      case 'image':
        yield* layoutImage(cursor, block, index);
        break;
      case 'signature':
        yield* layoutSignature(cursor, block, index);
        break;
      case 'attached-pdf':
        yield* layoutAttachedPdf(cursor, block, index);
        break;
      case 'spacer':
        // Blank space, never carried onto the next page.
        cursor.y = Math.min(cursor.y + block.height, PAGE.bottom);
        break;
      case 'page-break':
        if (block.marking !== undefined) cursor.marking = block.marking;
        // A break on an empty page starts it again, so a changed marking shows there.
        if (cursor.hasContent) yield finishPage(cursor);
        else startPage(cursor);
        break;
    }
  }
  if (endsWithAttachment && !cursor.hasContent) return cursor.pageIndex;
  yield { ops: cursor.ops, sectionId: section.id, boxes: cursor.boxes };
  return cursor.pageIndex + 1;
}

/** How many pages a section takes (a first pass for the agenda's page ranges). */
export const countPages = (section: Section, ctx: LayoutContext): number => {
  let pages = 0;
  for (const page of layoutSection(section, ctx)) {
    void page;
    pages += 1;
  }
  return pages;
};
