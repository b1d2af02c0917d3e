/**
 * Spacing that more than one kind of block uses, in PDF points (1/72 inch). A number that only
 * one block uses sits at the top of that block's file in `blocks/`; the running header's sit in
 * `page-cursor.ts` and the keep-with-next room in `line-flow.ts`.
 */

/** Space after a paragraph, and the base of the space after every other block. */
export const PARAGRAPH_GAP_PT = 6;

/**
 * Space after a table or a boxed notice: a paragraph gap and 4 pt more, so the next text does
 * not crowd a rule or a box edge.
 */
export const BOXED_BLOCK_GAP_PT = PARAGRAPH_GAP_PT + 4;

/** Gap between a hanging label (`1.1`, `a)`) and its text, when the label is wider than its gutter. */
export const LABEL_GAP_PT = 8;
