/**
 * What the checker reads from an embedded font program: a TrueType (FontFile2) font's glyph
 * count, from its `maxp` table, so a CIDSet can be compared with the glyphs actually there.
 */

/** `numGlyphs` of a TrueType font program, or undefined when it cannot be read. */
export const trueTypeGlyphCount = (program: Uint8Array): number | undefined => {
  const view = new DataView(program.buffer, program.byteOffset, program.byteLength);
  if (program.byteLength < 12) return undefined;
  const tables = view.getUint16(4);
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16;
    if (record + 16 > program.byteLength) return undefined;
    const tag = String.fromCharCode(...program.subarray(record, record + 4));
    if (tag !== 'maxp') continue;
    const offset = view.getUint32(record + 8);
    return offset + 6 <= program.byteLength ? view.getUint16(offset + 4) : undefined;
  }
  return undefined;
};

/**
 * PDF/UA-1 7.21.4.2: a CIDSet identifies every CID present in the font program, no more and no
 * fewer. With an Identity CIDToGIDMap the CIDs present are 0 … numGlyphs − 1 (bit 0 of byte 0 is
 * its high bit, ISO 32000-1 §9.8.3.3). Returns what is wrong, or undefined.
 */
export const cidSetProblem = (cidSet: Uint8Array, glyphCount: number): string | undefined => {
  const missing: number[] = [];
  const extra: number[] = [];
  for (let cid = 0; cid < Math.max(glyphCount, cidSet.length * 8); cid += 1) {
    const isSet = (((cidSet[cid >> 3] ?? 0) >> (7 - (cid & 7))) & 1) === 1;
    if (cid < glyphCount && !isSet) missing.push(cid);
    if (cid >= glyphCount && isSet) extra.push(cid);
  }
  if (missing.length === 0 && extra.length === 0) return undefined;
  const list = (cids: number[]): string => cids.slice(0, 8).join(', ');
  return [
    missing.length > 0
      ? `leaves out ${missing.length} CID(s) the font program has (${list(missing)})`
      : '',
    extra.length > 0
      ? `names ${extra.length} CID(s) past its ${glyphCount} glyphs (${list(extra)})`
      : '',
  ]
    .filter((part) => part !== '')
    .join(' and ');
};
