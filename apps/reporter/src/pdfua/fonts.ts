/**
 * The fonts a document shows text in, as the font rules need them: how many bytes a code takes,
 * whether the program is embedded, the ToUnicode map, and every code shown (with the first page
 * that shows it).
 */
import { PDFDict, PDFName, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';
import { isString, readOperations, type CsValue } from './content-tokens.js';
import { cidSetProblem, trueTypeGlyphCount } from './font-program.js';
import {
  arrayAt,
  asDict,
  dictAt,
  entry,
  nameAt,
  refText,
  resolve,
  streamBytes,
} from './pdf-objects.js';

export type FontInfo = {
  readonly ref: string | undefined;
  readonly name: string;
  readonly subtype: string | undefined;
  /** 2 for a Type0 font with a two-byte encoding (Identity-H, as pdfkit writes), else 1. */
  readonly codeBytes: 1 | 2;
  readonly isEmbedded: boolean;
  /** False only for a CIDFontType2 descendant without /CIDToGIDMap. */
  readonly hasCidToGidMap: boolean;
  /** What is wrong with the descriptor's CIDSet against the font program, when it has one. */
  readonly cidSetProblem: string | undefined;
  /** Code → Unicode text, or null when the font has no ToUnicode stream we can read. */
  readonly toUnicode: ReadonlyMap<number, string> | null;
  /** Every code shown in this font → the first 1-based page it is shown on. */
  readonly usedCodes: Map<number, number>;
};

const bytesToNumber = (bytes: Uint8Array): number =>
  bytes.reduce((value, byte) => value * 256 + byte, 0);

const utf16 = new TextDecoder('utf-16be');

/** Increments the last UTF-16 unit of a bfrange destination by `step`. */
const offsetText = (bytes: Uint8Array, step: number): string => {
  if (bytes.length < 2) return String.fromCharCode((bytes[0] ?? 0) + step);
  const units = utf16.decode(bytes);
  const last = units.charCodeAt(units.length - 1) + step;
  return units.slice(0, -1) + String.fromCharCode(last);
};

/** Reads a ToUnicode CMap's bfchar and bfrange entries (ISO 32000-1 §9.10.3). */
export const parseToUnicode = (bytes: Uint8Array): Map<number, string> => {
  const map = new Map<number, string>();
  for (const { operator, operands } of readOperations(bytes)) {
    if (operator === 'endbfchar') {
      for (let index = 0; index + 1 < operands.length; index += 2) {
        const source = operands[index];
        const target = operands[index + 1];
        if (isString(source) && isString(target)) {
          map.set(bytesToNumber(source.bytes), utf16.decode(target.bytes));
        }
      }
    }
    if (operator === 'endbfrange') {
      for (let index = 0; index + 2 < operands.length; index += 3) {
        const low = operands[index];
        const high = operands[index + 1];
        const target: CsValue | undefined = operands[index + 2];
        if (!isString(low) || !isString(high)) continue;
        const from = bytesToNumber(low.bytes);
        const to = bytesToNumber(high.bytes);
        for (let code = from; code <= to && code - from < 65_536; code += 1) {
          if (isString(target)) map.set(code, offsetText(target.bytes, code - from));
          else if (Array.isArray(target)) {
            const item = (target as readonly CsValue[])[code - from];
            if (isString(item)) map.set(code, utf16.decode(item.bytes));
          }
        }
      }
    }
  }
  return map;
};

/** Bytes per code of an embedded encoding CMap: the first codespace range's length. */
const codespaceBytes = (bytes: Uint8Array): 1 | 2 => {
  for (const { operator, operands } of readOperations(bytes)) {
    if (operator !== 'endcodespacerange') continue;
    const first = operands[0];
    return isString(first) && first.bytes.length === 1 ? 1 : 2;
  }
  return 2;
};

const hasFontFile = (descriptor: PDFDict | undefined): boolean =>
  descriptor !== undefined &&
  ['FontFile', 'FontFile2', 'FontFile3'].some((key) => entry(descriptor, key) !== undefined);

/** A CIDSet's fault, checked where CID = GID (an Identity or absent CIDToGIDMap, TrueType). */
const checkCidSet = (descendant: PDFDict, descriptor: PDFDict): string | undefined => {
  const cidSet = streamBytes(entry(descriptor, 'CIDSet'));
  const program = streamBytes(entry(descriptor, 'FontFile2'));
  const map = entry(descendant, 'CIDToGIDMap');
  if (cidSet === undefined || program === undefined) return undefined;
  if (map !== undefined && nameAt(descendant, 'CIDToGIDMap') !== 'Identity') return undefined;
  const glyphs = trueTypeGlyphCount(program);
  return glyphs === undefined ? undefined : cidSetProblem(cidSet, glyphs);
};

const describeFont = (context: PDFContext, dict: PDFDict, ref: string | undefined): FontInfo => {
  const subtype = nameAt(dict, 'Subtype');
  const name = nameAt(dict, 'BaseFont') ?? '(unnamed font)';
  const toUnicodeBytes = streamBytes(entry(dict, 'ToUnicode'));
  const toUnicode = toUnicodeBytes === undefined ? null : parseToUnicode(toUnicodeBytes);
  if (subtype === 'Type0') {
    const descendant = asDict(resolve(context, arrayAt(dict, 'DescendantFonts')?.get(0)));
    const encoding = entry(dict, 'Encoding');
    const encodingBytes = streamBytes(encoding);
    const descriptor = descendant && dictAt(descendant, 'FontDescriptor');
    return {
      ref,
      name,
      subtype,
      codeBytes: encodingBytes === undefined ? 2 : codespaceBytes(encodingBytes),
      isEmbedded: hasFontFile(descriptor),
      hasCidToGidMap:
        descendant === undefined ||
        nameAt(descendant, 'Subtype') !== 'CIDFontType2' ||
        entry(descendant, 'CIDToGIDMap') !== undefined,
      cidSetProblem: descendant && descriptor && checkCidSet(descendant, descriptor),
      toUnicode,
      usedCodes: new Map(),
    };
  }
  return {
    ref,
    name,
    subtype,
    codeBytes: 1,
    // A Type3 font's glyphs are content streams in the file itself.
    isEmbedded: subtype === 'Type3' || hasFontFile(dictAt(dict, 'FontDescriptor')),
    hasCidToGidMap: true,
    cidSetProblem: undefined,
    toUnicode,
    usedCodes: new Map(),
  };
};

/** One FontInfo per font dictionary, however many pages' resources name it. */
export class FontRegistry {
  private readonly byRef = new Map<string, FontInfo>();
  private readonly direct = new Map<PDFDict, FontInfo>();

  constructor(private readonly context: PDFContext) {}

  /** The font `/name` in `resources`, or undefined when the resources do not define it. */
  lookup(resources: PDFDict | undefined, name: string): FontInfo | undefined {
    const fonts = resources && dictAt(resources, 'Font');
    const raw: PDFObject | undefined = fonts?.get(PDFName.of(name));
    if (raw instanceof PDFRef) {
      const key = refText(raw) ?? '';
      const known = this.byRef.get(key);
      if (known !== undefined) return known;
      const dict = asDict(resolve(this.context, raw));
      if (dict === undefined) return undefined;
      const info = describeFont(this.context, dict, key);
      this.byRef.set(key, info);
      return info;
    }
    if (!(raw instanceof PDFDict)) return undefined;
    const known = this.direct.get(raw);
    if (known !== undefined) return known;
    const info = describeFont(this.context, raw, undefined);
    this.direct.set(raw, info);
    return info;
  }

  /** Records the codes of one shown string. */
  static recordShown(font: FontInfo, bytes: Uint8Array, page: number): void {
    const step = font.codeBytes;
    for (let index = 0; index + step <= bytes.length; index += step) {
      const code =
        step === 2 ? (bytes[index] ?? 0) * 256 + (bytes[index + 1] ?? 0) : (bytes[index] ?? 0);
      if (!font.usedCodes.has(code)) font.usedCodes.set(code, page);
    }
  }

  all(): FontInfo[] {
    return [...this.byRef.values(), ...this.direct.values()];
  }
}
