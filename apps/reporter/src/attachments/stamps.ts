/**
 * The stamps on an attached page: "Page N" at the foot and, on the item's first attached page,
 * "Agenda Item N" boxed at the top right, where the pack's own pages have them, written as
 * Pagination artifacts in a content stream of their own. They are set in the pack's Arimo
 * fonts: the placeholder pages drew the same strings, so pdfkit's subsets hold every glyph, and
 * the codes and widths are read back from each font's ToUnicode map and /W array.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFContext } from 'pdf-lib';
import { COLOURS, PAGE, TYPE } from '../layout/geometry.js';
import type { MarkingBanner } from '../layout/placed.js';
import {
  HEADER_MARK_RAISE_PT,
  STAMP_BOX_HEIGHT_PT,
  STAMP_BOX_RAISE_PT,
  STAMP_INSET_RIGHT_PT,
  STAMP_PADDING_X_PT,
  STAMP_SIZE_PT,
} from '../layout/page-cursor.js';
import { parseToUnicode } from '../pdfua/fonts.js';
import {
  arrayAt,
  asDict,
  dictAt,
  entry,
  nameAt,
  numberAt,
  resolve,
  streamBytes,
} from '../pdfua/pdf-objects.js';

export type StampFont = {
  readonly ref: PDFRef;
  /** The name the stamp streams use for it in a page's /Font resources. */
  readonly resourceName: string;
  /** Character → two-byte code (Identity-H). */
  readonly codes: ReadonlyMap<string, number>;
  /** Code → advance in 1000ths of an em. */
  readonly widths: ReadonlyMap<number, number>;
  readonly defaultWidth: number;
  /** Ascent in 1000ths of an em (FontDescriptor /Ascent), to put the baseline where pdfkit does. */
  readonly ascent: number;
};

export type StampFonts = { readonly regular: StampFont; readonly bold: StampFont };

const readWidths = (context: PDFContext, descendant: PDFDict | undefined): Map<number, number> => {
  const widths = new Map<number, number>();
  const w = descendant && arrayAt(descendant, 'W');
  if (w === undefined) return widths;
  const items = w.asArray().map((item) => resolve(context, item));
  for (let index = 0; index < items.length;) {
    const first = items[index];
    const second = items[index + 1];
    if (!(first instanceof PDFNumber)) break;
    if (second instanceof PDFArray) {
      second.asArray().forEach((value, offset) => {
        const width = resolve(context, value);
        if (width instanceof PDFNumber) widths.set(first.asNumber() + offset, width.asNumber());
      });
      index += 2;
    } else {
      const last = second;
      const width = items[index + 2];
      if (last instanceof PDFNumber && width instanceof PDFNumber)
        for (let code = first.asNumber(); code <= last.asNumber(); code += 1)
          widths.set(code, width.asNumber());
      index += 3;
    }
  }
  return widths;
};

const readStampFont = (context: PDFContext, ref: PDFRef, resourceName: string): StampFont => {
  const font = context.lookup(ref, PDFDict);
  const codes = new Map<string, number>();
  const toUnicode = streamBytes(entry(font, 'ToUnicode'));
  for (const [code, text] of toUnicode === undefined ? [] : parseToUnicode(toUnicode)) {
    if (!codes.has(text)) codes.set(text, code);
  }
  const descendant = asDict(resolve(context, arrayAt(font, 'DescendantFonts')?.get(0)));
  const descriptor = descendant && dictAt(descendant, 'FontDescriptor');
  return {
    ref,
    resourceName,
    codes,
    widths: readWidths(context, descendant),
    defaultWidth: (descendant && numberAt(descendant, 'DW')) ?? 1000,
    ascent: (descriptor && numberAt(descriptor, 'Ascent')) ?? 905,
  };
};

/**
 * The pack's regular and bold Arimo, found in the fonts the placeholder pages use (the footer is
 * regular, the stamp bold). Throws when the pack has no placeholder fonts: it was not drawn by
 * the reporter with reserved pages.
 */
export const stampFonts = (context: PDFContext, placeholders: readonly PDFRef[]): StampFonts => {
  let regular: PDFRef | undefined;
  let bold: PDFRef | undefined;
  for (const page of placeholders) {
    const resources = asDict(
      resolve(context, context.lookup(page, PDFDict).get(PDFName.of('Resources'))),
    );
    const fonts = resources && dictAt(resources, 'Font');
    for (const [, value] of fonts?.entries() ?? []) {
      if (!(value instanceof PDFRef)) continue;
      const base = nameAt(context.lookup(value, PDFDict), 'BaseFont') ?? '';
      if (/Bold/i.test(base)) bold ??= value;
      else if (!/Italic/i.test(base)) regular ??= value;
    }
    if (regular && bold) break;
  }
  if (regular === undefined) {
    throw new Error('The pack has no reserved pages drawn with a footer: nothing to merge into.');
  }
  const regularFont = readStampFont(context, regular, 'ScrStampR');
  return {
    regular: regularFont,
    bold: bold === undefined ? { ...regularFont } : readStampFont(context, bold, 'ScrStampB'),
  };
};

/** The white ground behind "Page N": this far past the text each side, below the baseline, above the type size. */
const FOOTER_PAD_X_PT = 24;
const FOOTER_PAD_BELOW_PT = 5;
const FOOTER_PAD_ABOVE_PT = 3;

const decimal = (value: number): string => String(Math.round(value * 1000) / 1000);

const rgb = (hex: string): string =>
  [1, 3, 5].map((at) => decimal(parseInt(hex.slice(at, at + 2), 16) / 255)).join(' ');

const encode = (font: StampFont, text: string): { hex: string; width: number } => {
  let hex = '';
  let units = 0;
  for (const char of text) {
    const code = font.codes.get(char);
    if (code === undefined) {
      throw new Error(`The pack's font has no glyph for “${char}” of the stamp “${text}”.`);
    }
    hex += code.toString(16).padStart(4, '0');
    units += font.widths.get(code) ?? font.defaultWidth;
  }
  return { hex, width: units };
};

/** Maps upright visual coordinates (origin bottom left of the page as shown) into user space. */
const pageMatrix = (
  box: readonly number[],
  rotate: number,
): { m: string; w: number; h: number } => {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = box;
  const left = Math.min(x0, x1);
  const bottom = Math.min(y0, y1);
  const w = Math.abs(x1 - x0);
  const h = Math.abs(y1 - y0);
  const turn = (((rotate % 360) + 360) % 360) / 90;
  switch (turn) {
    case 1:
      return { m: `0 1 -1 0 ${decimal(left + w)} ${decimal(bottom)}`, w: h, h: w };
    case 2:
      return { m: `-1 0 0 -1 ${decimal(left + w)} ${decimal(bottom + h)}`, w, h };
    case 3:
      return { m: `0 -1 1 0 ${decimal(left)} ${decimal(bottom + h)}`, w: h, h: w };
    default:
      return { m: `1 0 0 1 ${decimal(left)} ${decimal(bottom)}`, w, h };
  }
};

const boxNumbers = (context: PDFContext, box: unknown): number[] => {
  const value = resolve(context, box as PDFArray);
  if (!(value instanceof PDFArray)) return [0, 0, 612, 792];
  return value.asArray().map((item) => {
    const number = resolve(context, item);
    return number instanceof PDFNumber ? number.asNumber() : 0;
  });
};

/**
 * The stamp stream of one attached page: it first closes the `q` the merge put before the page's
 * own content (so whatever state that left does not move the stamps), then draws in upright page
 * coordinates whatever the page's /Rotate.
 */
export const stampContent = (
  fonts: StampFonts,
  page: {
    readonly context: PDFContext;
    /** The page's CropBox, else MediaBox. */
    readonly box: unknown;
    readonly rotate: number;
    readonly pageNumber: number;
    readonly stamp: string | null;
    readonly marking: MarkingBanner | null;
  },
): string => {
  const { m, w, h } = pageMatrix(boxNumbers(page.context, page.box), page.rotate);
  const fromTop = (y: number): number => h - y;
  const right = w - (PAGE.width - PAGE.right);
  const lines = ['Q', 'q', `${m} cm`];
  const footer = `Page ${page.pageNumber}`;
  const { hex, width } = encode(fonts.regular, footer);
  const footerWidth = (width * TYPE.small) / 1000;
  const footerX = (w - footerWidth) / 2;
  // As far above the foot as on an A4 page of the pack, whatever the page's height.
  const footerBaseline = PAGE.height - PAGE.footerY - (fonts.regular.ascent / 1000) * TYPE.small;
  lines.push(
    '/Artifact <</Type /Pagination /Subtype /Footer>> BDC',
    // On white: an attached paper often numbers its own pages just there.
    '1 1 1 rg',
    `${decimal(footerX - FOOTER_PAD_X_PT)} ${decimal(footerBaseline - FOOTER_PAD_BELOW_PT)} ${decimal(footerWidth + 2 * FOOTER_PAD_X_PT)} ${decimal(TYPE.small + FOOTER_PAD_BELOW_PT + FOOTER_PAD_ABOVE_PT)} re f`,
    `${rgb(COLOURS.muted)} rg`,
    `BT /${fonts.regular.resourceName} ${TYPE.small} Tf ${decimal(footerX)} ${decimal(footerBaseline)} Td <${hex}> Tj ET`,
    'EMC',
  );
  if (page.stamp !== null) {
    const text = encode(fonts.bold, page.stamp);
    const textWidth = (text.width * STAMP_SIZE_PT) / 1000;
    const x = right - textWidth - STAMP_INSET_RIGHT_PT;
    const boxTop = PAGE.headerY - STAMP_BOX_RAISE_PT;
    const baseline =
      PAGE.headerY - HEADER_MARK_RAISE_PT + (fonts.bold.ascent / 1000) * STAMP_SIZE_PT;
    lines.push(
      '/Artifact <</Type /Pagination /Subtype /Header>> BDC',
      `1 1 1 rg ${rgb(COLOURS.text)} RG 0.8 w`,
      `${decimal(x - STAMP_PADDING_X_PT)} ${decimal(fromTop(boxTop + STAMP_BOX_HEIGHT_PT))} ${decimal(textWidth + 2 * STAMP_PADDING_X_PT)} ${decimal(STAMP_BOX_HEIGHT_PT)} re B`,
      `${rgb(COLOURS.text)} rg`,
      `BT /${fonts.bold.resourceName} ${STAMP_SIZE_PT} Tf ${decimal(x)} ${decimal(fromTop(baseline))} Td <${text.hex}> Tj ET`,
      'EMC',
    );
  }
  if (page.marking !== null) {
    // As on the pack's pages: a tinted banner across the content width under the header, on
    // which the attached page's own top margin is covered, not its words moved.
    const banner = page.marking;
    const height = banner.lines.length * banner.lineHeight + 2 * banner.paddingY;
    const width = right - PAGE.left;
    lines.push(
      '/Artifact <</Type /Pagination /Subtype /Header>> BDC',
      `${rgb(banner.fill)} rg ${rgb(banner.colour)} RG 0.8 w`,
      `${decimal(PAGE.left)} ${decimal(fromTop(banner.top + height))} ${decimal(width)} ${decimal(height)} re B`,
      `${rgb(banner.colour)} rg`,
    );
    banner.lines.forEach((text, index) => {
      const encoded = encode(fonts.bold, text);
      const baseline =
        banner.top +
        banner.paddingY +
        index * banner.lineHeight +
        (banner.lineHeight - banner.size) / 2 +
        (fonts.bold.ascent / 1000) * banner.size;
      lines.push(
        `BT /${fonts.bold.resourceName} ${banner.size} Tf ${decimal(PAGE.left + banner.paddingX)} ${decimal(fromTop(baseline))} Td <${encoded.hex}> Tj ET`,
      );
    });
    lines.push('EMC');
  }
  lines.push('Q', '');
  return lines.join('\n');
};
