import { createRequire } from 'node:module';
import type { FontStyle } from '../model/document-model.js';
import type { TextMetrics } from '../layout/metrics.js';

const require = createRequire(import.meta.url);

/** Arimo (Apache 2.0, metric-compatible with Arial) as TrueType files from the npm registry. */
export const FONT_FILES: Readonly<Record<FontStyle, string>> = {
  regular: require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf'),
};

/** The parts of pdfkit's embedded font object that measuring uses (not in @types/pdfkit). */
type EmbeddedFont = {
  /** The resource name on pages, e.g. `F1`. */
  id: string;
  ref: () => unknown;
  /** 1000 / units per em. */
  scale: number;
  /** In 1000ths of an em. */
  ascender: number;
  subset: {
    includeGlyph: (glyphId: number) => number;
    /** Original glyph ids by subset glyph id; encoding appends composite glyphs' components. */
    glyphs: number[];
    encode: () => unknown;
  };
  /** By subset glyph id: advance widths (1000ths of an em) and code points, for /W and ToUnicode. */
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  font: {
    hasGlyphForCodePoint: (codePoint: number) => boolean;
    glyphForCodePoint: (codePoint: number) => { id: number; advanceWidth: number };
    getGlyph: (glyphId: number) => { advanceWidth: number };
  };
};

/**
 * pdfkit writes the font's CIDSet (PDF/UA mode) from the glyphs it has widths for, after fontkit
 * has encoded the subset. Encoding adds the components of composite glyphs (an accented letter
 * such as "ŵ" drawn from "w" and a circumflex) that nothing shows directly, so the CIDSet left
 * them out while the font program holds them: PDF/UA-1 7.21.4.2 (via PDF/A) wants every CID the
 * program has. Give each glyph the encoded subset holds its advance width, once encoding is done.
 */
const widthEveryEncodedGlyph = (font: EmbeddedFont): void => {
  const { subset } = font;
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const encoded = encode();
    subset.glyphs.forEach((glyphId, id) => {
      font.widths[id] ??= font.font.getGlyph(glyphId).advanceWidth * font.scale;
    });
    return encoded;
  };
};

type FontHolder = { font: (name: string) => unknown; _font: unknown };

/** Registers the fonts on `doc` under the style names the layout uses. */
export const registerFonts = (doc: PDFKit.PDFDocument): void => {
  for (const [style, file] of Object.entries(FONT_FILES)) doc.registerFont(style, file);
};

/**
 * Metrics from the fonts registered on `doc`: the same font files that draw the text. Widths are
 * sums of glyph advances (cached per character), without shaping: pdfkit shapes each distinct word
 * once when drawing it, and measuring every word again through fontkit doubled the cost of a
 * page. The only difference is kerning, a fraction of a point across a line.
 */
export const pdfkitMetrics = (doc: PDFKit.PDFDocument): TextMetrics => pdfkitFonts(doc).metrics;

/** Draws one line of text with its line box's top at `y` (points, from the page top). */
export type TextWriter = (
  style: FontStyle,
  size: number,
  x: number,
  y: number,
  text: string,
) => void;

const decimal = (value: number): string => String(Math.round(value * 1000) / 1000);

/**
 * Measuring and writing text with the fonts registered on `doc`. Text is written straight into
 * the page's content stream as glyph ids (the subset and ToUnicode map are still pdfkit's), one
 * `Tj` per line with no kerning, so what is drawn is exactly as wide as what layout measured.
 * pdfkit's own `text()` shapes every string with fontkit and wraps each one in a save,
 * transform and restore: that was half the time of a page. Relies on pdfkit 0.20's embedded
 * font object (pinned version); text extraction tests read the result back.
 */
export const pdfkitFonts = (
  doc: PDFKit.PDFDocument,
): { metrics: TextMetrics; writeText: TextWriter } => {
  const holder = doc as unknown as FontHolder;
  const fonts = {} as Record<FontStyle, EmbeddedFont>;
  const advances = {} as Record<FontStyle, Map<number, number>>;
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
    holder.font(style);
    fonts[style] = holder._font as EmbeddedFont;
    widthEveryEncodedGlyph(fonts[style]);
    advances[style] = new Map();
  }
  const glyphs = new Map<number, boolean>();
  const advance = (style: FontStyle, codePoint: number): number => {
    const table = advances[style];
    let width = table.get(codePoint);
    if (width === undefined) {
      const font = fonts[style];
      width = font.font.glyphForCodePoint(codePoint).advanceWidth * font.scale;
      table.set(codePoint, width);
    }
    return width;
  };
  const hexes = {} as Record<FontStyle, Map<number, string>>;
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) hexes[style] = new Map();
  const glyphHex = (style: FontStyle, codePoint: number): string => {
    let hex = hexes[style].get(codePoint);
    if (hex === undefined) {
      const font = fonts[style];
      const glyph = font.font.glyphForCodePoint(codePoint);
      const id = font.subset.includeGlyph(glyph.id);
      font.widths[id] ??= glyph.advanceWidth * font.scale;
      font.unicode[id] ??= [codePoint];
      hex = id.toString(16).padStart(4, '0');
      hexes[style].set(codePoint, hex);
    }
    return hex;
  };
  const page = doc as unknown as {
    page: { height: number; fonts: Record<string, unknown> };
    addContent: (data: string) => void;
  };
  const writeText: TextWriter = (style, size, x, y, text) => {
    const font = fonts[style];
    const fontsOnPage = page.page.fonts;
    fontsOnPage[font.id] ??= font.ref();
    let hex = '';
    for (const char of text) hex += glyphHex(style, char.codePointAt(0) ?? 0x3f);
    const height = page.page.height;
    const baseline = height - y - (font.ascender / 1000) * size;
    // pdfkit's pages are drawn in a y-down space: flip back for the text, as pdfkit does.
    page.addContent(
      `q 1 0 0 -1 0 ${decimal(height)} cm BT /${font.id} ${decimal(size)} Tf 1 0 0 1 ${decimal(x)} ${decimal(baseline)} Tm <${hex}> Tj ET Q`,
    );
  };
  const metrics: TextMetrics = {
    width: (text, font, size) => {
      let units = 0;
      for (let index = 0; index < text.length; index += 1) {
        const code = text.charCodeAt(index);
        // Surrogate pairs: measure the whole code point.
        if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
          units += advance(font, text.codePointAt(index) ?? code);
          index += 1;
        } else units += advance(font, code);
      }
      return (units * size) / 1000;
    },
    hasGlyph: (codePoint) => {
      let known = glyphs.get(codePoint);
      if (known === undefined) {
        known = fonts.regular.font.hasGlyphForCodePoint(codePoint);
        glyphs.set(codePoint, known);
      }
      return known;
    },
  };
  return { metrics, writeText };
};
