/**
 * Walks one page's content (and the form XObjects it paints) keeping the marked-content stack:
 * which MCIDs the page holds, which painting operators fall outside any tagged or artifact
 * sequence, how marked content nests, and which codes each font shows.
 */
import { type PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFContext } from 'pdf-lib';
import {
  isName,
  isString,
  readOperations,
  type CsValue,
  type Operation,
} from './content-tokens.js';
import { FontRegistry, type FontInfo } from './fonts.js';
import { asDict, dictAt, entry, itemsOf, nameAt, resolve, streamBytes } from './pdf-objects.js';

export type PageScan = {
  /** MCID → the tag of its sequence (`P`, `TD`, …). */
  readonly mcids: Map<number, string>;
  /** MCIDs met more than once on the page. */
  readonly repeatedMcids: number[];
  /** Painting operators outside tagged content and artifacts, with how often. */
  readonly untagged: Map<string, number>;
  readonly paintCount: number;
  /** Images painted (image XObjects and inline images), forms walked included. */
  readonly imageCount: number;
  /** Text-showing operations that show at least one code. */
  readonly textCount: number;
  /** Marked-content nesting faults, one message each. */
  readonly nesting: string[];
};

const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);

type Frame = { readonly tag: string; readonly mcid: number | null; readonly isArtifact: boolean };

/** Operators that paint: text showing, XObjects, shadings, path painting, inline images. */
const PAINTING = new Set([
  'Tj',
  'TJ',
  "'",
  '"',
  'Do',
  'sh',
  'S',
  's',
  'f',
  'F',
  'f*',
  'B',
  'B*',
  'b',
  'b*',
  'BI',
]);

/** The page's resources: its own, else the nearest ancestor's in the page tree. */
export const pageResources = (page: PDFDict): PDFDict | undefined => {
  let node: PDFDict | undefined = page;
  for (let depth = 0; node !== undefined && depth < 64; depth += 1) {
    const resources = dictAt(node, 'Resources');
    if (resources !== undefined) return resources;
    node = dictAt(node, 'Parent');
  }
  return undefined;
};

/** The page's content, its streams joined as one (they may split anywhere between tokens). */
export const pageContent = (context: PDFContext, page: PDFDict): Uint8Array => {
  const parts = itemsOf(entry(page, 'Contents')).map(
    (part) => streamBytes(resolve(context, part)) ?? new Uint8Array(),
  );
  const total = parts.reduce((sum, part) => sum + part.length + 1, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    joined[at + part.length] = 0x0a;
    at += part.length + 1;
  }
  return joined;
};

const propertyMcid = (
  properties: CsValue | undefined,
  resources: PDFDict | undefined,
): number | null => {
  if (properties instanceof Map) {
    const mcid = properties.get('MCID');
    return typeof mcid === 'number' ? mcid : null;
  }
  if (isName(properties)) {
    const named = resources && dictAt(resources, 'Properties');
    const dict = named && dictAt(named, properties.name);
    const mcid = dict && entry(dict, 'MCID');
    return mcid instanceof PDFNumber ? mcid.asNumber() : null;
  }
  return null;
};

class Scanner {
  readonly mcids = new Map<number, string>();
  readonly repeatedMcids: number[] = [];
  readonly untagged = new Map<string, number>();
  readonly nesting: string[] = [];
  paintCount = 0;
  imageCount = 0;
  textCount = 0;
  private readonly stack: Frame[] = [];

  constructor(
    private readonly context: PDFContext,
    private readonly fonts: FontRegistry,
    private readonly pageNumber: number,
  ) {}

  /** Walks one content stream; `forms` holds the XObjects being walked, against cycles. */
  scan(
    operations: Iterable<Operation>,
    resources: PDFDict | undefined,
    forms: Set<PDFRawStream>,
    inherited: FontInfo | undefined,
  ): void {
    const fontStack: (FontInfo | undefined)[] = [];
    let font = inherited;
    const depthAtStart = this.stack.length;
    for (const { operator, operands } of operations) {
      switch (operator) {
        case 'BDC':
        case 'BMC':
          this.open(operands, operator === 'BDC' ? propertyMcid(operands[1], resources) : null);
          continue;
        case 'EMC':
          if (this.stack.length <= depthAtStart)
            this.nesting.push('EMC without a matching BDC/BMC');
          else this.stack.pop();
          continue;
        case 'q':
          fontStack.push(font);
          continue;
        case 'Q':
          font = fontStack.length > 0 ? fontStack.pop() : font;
          continue;
        case 'Tf': {
          const name = operands[0];
          font = isName(name) ? this.fonts.lookup(resources, name.name) : undefined;
          continue;
        }
        default:
          break;
      }
      if (!PAINTING.has(operator)) continue;
      this.paintCount += 1;
      if (!this.stack.some((frame) => frame.mcid !== null || frame.isArtifact)) {
        this.untagged.set(operator, (this.untagged.get(operator) ?? 0) + 1);
      }
      if (operator === 'Do') this.paintXObject(operands[0], resources, forms, font);
      else if (operator === 'BI') this.imageCount += 1;
      else this.recordText(operator, operands, font);
    }
    if (this.stack.length > depthAtStart) {
      this.nesting.push(
        `${this.stack.length - depthAtStart} marked-content sequence(s) left open at the end of a content stream`,
      );
      this.stack.length = depthAtStart;
    }
  }

  private open(operands: readonly CsValue[], mcid: number | null): void {
    const tag = isName(operands[0]) ? operands[0].name : '?';
    const isArtifact = tag === 'Artifact';
    if (isArtifact && this.stack.some((frame) => frame.mcid !== null)) {
      this.nesting.push('an Artifact inside tagged content');
    }
    if (mcid !== null && this.stack.some((frame) => frame.isArtifact)) {
      this.nesting.push(`tagged content (MCID ${mcid}) inside an Artifact`);
    }
    if (mcid !== null) {
      if (this.mcids.has(mcid)) this.repeatedMcids.push(mcid);
      this.mcids.set(mcid, tag);
    }
    this.stack.push({ tag, mcid, isArtifact });
  }

  private recordText(
    operator: string,
    operands: readonly CsValue[],
    font: FontInfo | undefined,
  ): void {
    if (!TEXT_SHOWING.has(operator)) return;
    const shown: CsValue[] =
      operator === 'TJ'
        ? [...((operands[0] as readonly CsValue[] | undefined) ?? [])]
        : [operands.at(-1) ?? null];
    let codes = 0;
    for (const item of shown) {
      if (!isString(item)) continue;
      if (font !== undefined) FontRegistry.recordShown(font, item.bytes, this.pageNumber);
      codes += item.bytes.length;
    }
    if (codes > 0) this.textCount += 1;
  }

  private paintXObject(
    name: CsValue | undefined,
    resources: PDFDict | undefined,
    forms: Set<PDFRawStream>,
    font: FontInfo | undefined,
  ): void {
    if (!isName(name)) return;
    const xobjects = resources && dictAt(resources, 'XObject');
    const xobject = xobjects && resolve(this.context, xobjects.get(PDFName.of(name.name)));
    if (!(xobject instanceof PDFRawStream)) return;
    const subtype = nameAt(xobject.dict, 'Subtype');
    if (subtype === 'Image') this.imageCount += 1;
    if (subtype !== 'Form') return;
    if (forms.has(xobject) || forms.size > 16) return;
    const bytes = streamBytes(xobject);
    if (bytes === undefined) return;
    forms.add(xobject);
    const own = asDict(entry(xobject.dict, 'Resources'));
    this.scan(readOperations(bytes), own ?? resources, forms, font);
    forms.delete(xobject);
  }
}

export const scanPage = (
  context: PDFContext,
  page: PDFDict,
  pageNumber: number,
  fonts: FontRegistry,
): PageScan => {
  const scanner = new Scanner(context, fonts, pageNumber);
  scanner.scan(
    readOperations(pageContent(context, page)),
    pageResources(page),
    new Set(),
    undefined,
  );
  return {
    mcids: scanner.mcids,
    repeatedMcids: scanner.repeatedMcids,
    untagged: scanner.untagged,
    paintCount: scanner.paintCount,
    imageCount: scanner.imageCount,
    textCount: scanner.textCount,
    nesting: scanner.nesting,
  };
};
