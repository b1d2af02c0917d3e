/** Fonts shown in (PDF/UA-1 7.21): embedded, mapped to Unicode code by code, no .notdef. */
import type { CheckContext } from '../check-context.js';
import { finding, type PdfUaFinding } from '../findings.js';

const hex = (code: number, bytes: number): string =>
  `<${code.toString(16).padStart(bytes * 2, '0')}>`;

/** A mapping a reader cannot speak: nothing, NUL or the replacement character. */
export const isUnreadable = (text: string | undefined): boolean =>
  text === undefined || text === '' || text === '\u0000' || text === '\uFFFD';

export const checkFonts = ({ fonts }: CheckContext): PdfUaFinding[] => {
  const findings: PdfUaFinding[] = [];
  for (const font of fonts) {
    if (font.usedCodes.size === 0) continue;
    const firstPage = Math.min(...font.usedCodes.values());
    const where = { page: firstPage, ...(font.ref === undefined ? {} : { ref: font.ref }) };
    if (!font.isEmbedded) {
      findings.push(
        finding(
          'fonts.embedded',
          `${font.name} is not embedded (no FontFile, FontFile2 or FontFile3)`,
          where,
        ),
      );
    }
    if (!font.hasCidToGidMap) {
      findings.push(
        finding('fonts.cidtogid', `${font.name} is a CIDFontType2 without /CIDToGIDMap`, where),
      );
    }
    if (font.cidSetProblem !== undefined) {
      findings.push(finding('fonts.cidset', `${font.name}'s CIDSet ${font.cidSetProblem}`, where));
    }
    if (font.usedCodes.has(0)) {
      findings.push(
        finding('fonts.notdef', `${font.name} shows code 0, the .notdef glyph`, {
          ...where,
          page: font.usedCodes.get(0) ?? firstPage,
        }),
      );
    }
    const { toUnicode } = font;
    if (toUnicode === null) {
      findings.push(
        finding(
          'fonts.tounicode',
          `${font.name} has no ToUnicode CMap (${font.usedCodes.size} codes shown)`,
          where,
        ),
      );
      continue;
    }
    const unmapped = [...font.usedCodes].filter(([code]) => isUnreadable(toUnicode.get(code)));
    if (unmapped.length > 0) {
      const codes = unmapped
        .slice(0, 8)
        .map(([code, page]) => `${hex(code, font.codeBytes)} (page ${page})`);
      findings.push(
        finding(
          'fonts.tounicode',
          `${font.name}: ${unmapped.length} code(s) shown have no Unicode text: ${codes.join(', ')}`,
          { ...where, page: unmapped[0]?.[1] ?? firstPage },
        ),
      );
    }
  }
  return findings;
};
