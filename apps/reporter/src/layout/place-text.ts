import type { FontStyle } from '../model/document-model.js';
import { COLOURS, TYPE, lineHeight } from './geometry.js';
import type { TextMetrics } from './metrics.js';
import type { PlacedOp, StructNode, Tagging } from './placed.js';
import type { Line } from './wrap.js';

/**
 * The lowest level of layout: turning a string or a wrapped line into text ops at a given place.
 * No page breaking here; `line-flow.ts` decides where lines go and `page-cursor.ts` owns pages.
 */

/** Rules, boxes and fills that carry no meaning of their own. */
export const ARTIFACT_LAYOUT: Tagging = { kind: 'artifact', type: 'Layout' };
/** Running headers, stamps and markings, repeated on pages (a screen reader skips them). */
export const ARTIFACT_PAGINATION: Tagging = { kind: 'artifact', type: 'Pagination' };

/** Tags content as the leaf of `path` in the structure tree. */
export const struct = (path: readonly StructNode[]): Tagging => ({ kind: 'struct', path });

/**
 * Height of the text box pdfkit draws from, as a multiple of the type size (Arimo's ascent plus
 * descent); the box is centred in the taller line box.
 */
const TEXT_BOX_HEIGHT_EM = 1.15;

/** One string at (x, y) with no wrapping: for running headers, stamps and marks. */
export const textOp = (
  x: number,
  y: number,
  text: string,
  font: FontStyle,
  size: number,
  colour: string,
  tag: Tagging,
  metrics: TextMetrics,
): PlacedOp => ({
  kind: 'text',
  x,
  y,
  text,
  font,
  size,
  colour,
  width: metrics.width(text, font, size),
  tag,
});

/**
 * Pushes one wrapped line onto `ops` with its line box's top at `top`. `align` places the line
 * inside a box `boxWidth` points wide starting at `x`. A fragment that links gets its own `Link`
 * element under `tag`, keyed by its position so each link is a separate element.
 */
export const placeLine = (
  ops: PlacedOp[],
  line: Line,
  x: number,
  top: number,
  size: number,
  tag: Tagging,
  defaultColour: string = COLOURS.text,
  align: 'left' | 'right' | 'center' = 'left',
  boxWidth = 0,
): void => {
  const offset =
    align === 'right'
      ? boxWidth - line.width
      : align === 'center'
        ? (boxWidth - line.width) / 2
        : 0;
  const textTop = top + size * TYPE.textInset + (lineHeight(size) - size * TEXT_BOX_HEIGHT_EM) / 2;
  line.fragments.forEach((fragment, index) => {
    if (fragment.text.trim() === '' && !fragment.link) return;
    const fragmentTag: Tagging =
      fragment.link && tag.kind === 'struct'
        ? struct([
            ...tag.path,
            {
              key: `${tag.path[tag.path.length - 1]?.key ?? ''}/link${index}@${top.toFixed(1)}`,
              tag: 'Link',
              // A described link is read by what it does ("Email Jane Smith (…)").
              ...(fragment.link.description ? { alt: fragment.link.description } : {}),
            },
          ])
        : tag;
    ops.push({
      kind: 'text',
      x: x + offset + fragment.x,
      y: textTop,
      text: fragment.text,
      font: fragment.font,
      size,
      colour: fragment.colour ?? defaultColour,
      width: fragment.width,
      tag: fragmentTag,
      ...(fragment.link ? { link: fragment.link } : {}),
    });
  });
};
