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
  widthOfString: (text: string, size: number) => number;
  font: { hasGlyphForCodePoint: (codePoint: number) => boolean };
};

type FontHolder = { font: (name: string) => unknown; _font: unknown };

/** Registers the fonts on `doc` under the style names the layout uses. */
export const registerFonts = (doc: PDFKit.PDFDocument): void => {
  for (const [style, file] of Object.entries(FONT_FILES)) doc.registerFont(style, file);
};

/**
 * Metrics from the fonts registered on `doc`: the same font objects that draw the text, so the
 * layout's measurements match the page exactly (and share pdfkit's per-word layout cache).
 */
export const pdfkitMetrics = (doc: PDFKit.PDFDocument): TextMetrics => {
  const holder = doc as unknown as FontHolder;
  const fonts = {} as Record<FontStyle, EmbeddedFont>;
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
    holder.font(style);
    fonts[style] = holder._font as EmbeddedFont;
  }
  const glyphs = new Map<number, boolean>();
  return {
    width: (text, font, size) => fonts[font].widthOfString(text, size),
    hasGlyph: (codePoint) => {
      let known = glyphs.get(codePoint);
      if (known === undefined) {
        known = fonts.regular.font.hasGlyphForCodePoint(codePoint);
        glyphs.set(codePoint, known);
      }
      return known;
    },
  };
};
