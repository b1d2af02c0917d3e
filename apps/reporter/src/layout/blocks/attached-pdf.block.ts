import type { Block } from '../../model/document-model.js';
import {
  type Cursor,
  blockKey,
  finishPage,
  markingArtifactOps,
  markingBanner,
  stampOps,
  startPage,
} from '../page-cursor.js';
import { struct } from '../place-text.js';
import type { PlacedOp, PlacedPage } from '../placed.js';

/** Attached documents' bookmarks sit beside the item's other documents (H2), under its H1. */
const ATTACHMENT_BOOKMARK_LEVEL = 2;

/**
 * Reserves the pages of an attached PDF: the page in progress ends, then one placeholder page per
 * attached page, each carrying only its stamps (the "Page N" footer that drawing adds to every
 * page, the marking in force on each, and the block's stamp on the first). The first placeholder also carries the attached
 * document's bookmark and an empty marked-content sequence of a `Sect` titled with the document:
 * the structure element, placed in the tree where the document is read, that the merge grafts the
 * attached PDF's own structure under (it finds it through that page's ParentTree entry).
 * Drawing the stamps here makes pdfkit embed their glyphs, which the merge writes with.
 */
export function* layoutAttachedPdf(
  cursor: Cursor,
  block: Extract<Block, { kind: 'attached-pdf' }>,
  index: number,
): Generator<PlacedPage> {
  if (cursor.hasContent) yield finishPage(cursor);
  const sect = struct([
    ...cursor.root,
    { key: blockKey(cursor, index), tag: 'Sect', title: block.title },
  ]);
  // The marking in force (an exempt item's, or an exempt appendix's page break's) goes on every
  // attached page, as the pack's own pages have it.
  const marking = cursor.marking === null ? null : markingBanner(cursor.ctx, cursor.marking);
  for (let page = 0; page < block.pages; page += 1) {
    const ops: PlacedOp[] = [];
    if (cursor.marking !== null) ops.push(...markingArtifactOps(cursor.ctx, cursor.marking));
    if (page === 0) {
      ops.push({ kind: 'bookmark', title: block.title, level: ATTACHMENT_BOOKMARK_LEVEL });
      ops.push({ kind: 'mark', tag: sect });
      if (block.stamp !== null) ops.push(...stampOps(cursor.ctx.metrics, block.stamp));
    }
    yield {
      ops,
      sectionId: cursor.section.id,
      boxes: [],
      attachment: {
        file: block.file,
        title: block.title,
        index: page,
        pages: block.pages,
        stamp: block.stamp,
        marking,
      },
    };
  }
  // What follows starts on a fresh page after the attached ones.
  cursor.pageIndex += block.pages;
  startPage(cursor);
}
