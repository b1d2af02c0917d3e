import type { FontStyle } from '../model/document-model.js';

/**
 * Text measurement for layout. Widths and heights are in PDF points. The real implementation
 * wraps pdfkit's `widthOfString` on the embedded Arimo fonts (draw/pdfkit-metrics.ts); tests
 * can pass `fixedMetrics` and stay free of pdfkit.
 */
export type TextMetrics = {
  /** Width of `text` set in `font` at `size` points. */
  readonly width: (text: string, font: FontStyle, size: number) => number;
  /** Whether the font can draw this code point. */
  readonly hasGlyph: (codePoint: number, font: FontStyle) => boolean;
};

/** Every character `charWidth` ems wide (0.5 em by default); every printable code point has a glyph. */
export const fixedMetrics = (charWidth = 0.5, lacking: readonly number[] = []): TextMetrics => ({
  width: (text, _font, size) => [...text].length * charWidth * size,
  hasGlyph: (codePoint) => !lacking.includes(codePoint),
});
