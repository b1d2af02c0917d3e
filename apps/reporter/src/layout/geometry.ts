/** Page geometry for every document, in PDF points (1/72 inch); origin at the top left. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export const PAGE = {
  ...A4,
  /** Left and right margins: about 22 mm. */
  left: 62,
  right: A4.width - 62,
  /** Running header: council name and rule. */
  headerY: 26,
  headerRuleY: 42,
  /** Banner for NOT FOR PUBLICATION markings. */
  markingY: 50,
  /** Where body content starts and must end. */
  top: 84,
  bottom: A4.height - 62,
  /** Baseline box of the "Page N" footer. */
  footerY: A4.height - 40,
} as const;

export const CONTENT_WIDTH = PAGE.right - PAGE.left;

/** Type sizes in points, and line heights as a multiple of the size. */
export const TYPE = {
  body: 11,
  small: 9,
  table: 9,
  header: 8.5,
  h1: 16,
  h2: 13,
  h3: 11.5,
  lineFactor: 1.32,
  /** Distance from a line box's top to the top of the text box pdfkit draws from. */
  textInset: 0.12,
} as const;

/** Colours used beside the council's own. */
export const COLOURS = {
  text: '#0B0C0C',
  muted: '#505A5F',
  rule: '#B1B4B6',
  headerFill: '#E9ECEF',
  marking: '#B10E1E',
  draft: '#B10E1E',
} as const;

export const lineHeight = (size: number): number => size * TYPE.lineFactor;
