/**
 * The drawn pack as a pdf-lib context that reads its objects only when asked, and writes what the
 * merge changed or added as an incremental update (ISO 32000-1, 7.5.6) after pdfkit's bytes.
 *
 * Loading the whole pack with pdf-lib parsed its ~24,000 objects (every structure element, font
 * and content stream) and saving it wrote them all again, though the merge reads and changes a
 * few hundred: the catalog, the page tree and the reserved pages, the StructTreeRoot and its
 * ParentTree, the placeholders' Sects, the outline entries. Here the pack's cross-reference table
 * gives each object's offset, an object is parsed the first time it is looked up, and the update
 * holds every object looked up (changed or not) and every one the merge created; the pack's other
 * objects stay where pdfkit wrote them. An object the merge deleted is left out of the update
 * (its old version stays in the file, referenced by nothing).
 */
import {
  PDFArray,
  PDFContext,
  PDFCrossRefSection,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFTrailer,
  PDFTrailerDict,
  type PDFObject,
} from 'pdf-lib';

type Offsets = Map<number, { readonly offset: number; readonly generation: number }>;

const latin1 = (bytes: Uint8Array, from: number, to: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/** Where the last cross-reference section starts (`startxref N %%EOF` at the end). */
const startXref = (bytes: Uint8Array): number | undefined => {
  const tail = latin1(bytes, Math.max(0, bytes.byteLength - 1024), bytes.byteLength);
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  return match ? Number(match[1]) : undefined;
};

/**
 * The classic cross-reference table at `at` and the trailer after it, or undefined when the file
 * does not end with one (a cross-reference stream, a chain of updates): pdfkit writes one table.
 */
const readXref = (
  bytes: Uint8Array,
  at: number,
  context: PDFContext,
): { offsets: Offsets; trailer: PDFDict } | undefined => {
  if (latin1(bytes, at, at + 4) !== 'xref') return undefined;
  const text = latin1(bytes, at, bytes.byteLength);
  const end = text.indexOf('trailer');
  if (end < 0) return undefined;
  const tokens = text.slice(4, end).trim().split(/\s+/);
  const offsets: Offsets = new Map();
  for (let index = 0; index + 1 < tokens.length;) {
    const first = Number(tokens[index]);
    const count = Number(tokens[index + 1]);
    index += 2;
    if (!Number.isInteger(first) || !Number.isInteger(count) || index + count * 3 > tokens.length)
      return undefined;
    for (let n = 0; n < count; n += 1, index += 3) {
      if (tokens[index + 2] === 'n')
        offsets.set(first + n, {
          offset: Number(tokens[index]),
          generation: Number(tokens[index + 1]),
        });
    }
  }
  const trailerAt = at + end + 'trailer'.length;
  const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt), context).parseObject();
  if (!(trailer instanceof PDFDict)) return undefined;
  if (trailer.has(PDFName.of('Prev')) || trailer.has(PDFName.of('XRefStm'))) return undefined;
  if (trailer.has(PDFName.of('Encrypt'))) return undefined;
  return { offsets, trailer };
};

/** The indirect objects of a context: parsed from the file on first lookup. */
class LazyObjects extends Map<PDFRef, PDFObject> {
  private readonly gone = new Set<PDFRef>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Offsets,
    private readonly context: PDFContext,
  ) {
    super();
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const known = super.get(ref);
    if (known !== undefined || this.gone.has(ref)) return known;
    const at = this.offsets.get(ref.objectNumber);
    if (at === undefined || at.generation !== ref.generationNumber) return undefined;
    const object = this.parse(ref, at.offset);
    if (object !== undefined) super.set(ref, object);
    return object;
  }

  override has(ref: PDFRef): boolean {
    return super.has(ref) || (!this.gone.has(ref) && this.offsets.has(ref.objectNumber));
  }

  override set(ref: PDFRef, object: PDFObject): this {
    this.gone?.delete(ref);
    return super.set(ref, object);
  }

  override delete(ref: PDFRef): boolean {
    this.gone.add(ref);
    return super.delete(ref);
  }

  /**
   * `n g obj … endobj` at `offset`. A table that points at something else throws: the pack is
   * our own pdfkit's, so that is a fault to see, not an object to drop from the merged file.
   */
  private parse(ref: PDFRef, offset: number): PDFObject | undefined {
    const head = latin1(this.bytes, offset, Math.min(this.bytes.byteLength, offset + 40));
    const match = /^\s*(\d+)\s+(\d+)\s+obj/.exec(head);
    if (
      match === null ||
      Number(match[1]) !== ref.objectNumber ||
      Number(match[2]) !== ref.generationNumber
    )
      throw new Error(
        `The drawn pack's cross-reference table puts object ${ref.objectNumber} ${ref.generationNumber} at byte ${offset}, where it is not.`,
      );
    return PDFObjectParser.forBytes(
      this.bytes.subarray(offset + match[0].length),
      this.context,
    ).parseObject();
  }
}

export type LazyPack = {
  readonly context: PDFContext;
  readonly catalog: PDFDict;
  /** The pack's pages, in order. */
  readonly pages: readonly PDFRef[];
  /** pdfkit's bytes followed by an update holding every object looked up or added. */
  readonly save: () => Uint8Array | Promise<Uint8Array>;
};

/** The page objects under a page-tree node, in order. */
const pagesUnder = (context: PDFContext, node: PDFDict, into: PDFRef[], depth: number): void => {
  const kids = context.lookup(node.get(PDFName.of('Kids')));
  if (!(kids instanceof PDFArray) || depth > 32) return;
  for (const kid of kids.asArray()) {
    if (!(kid instanceof PDFRef)) continue;
    const dict = context.lookup(kid);
    if (!(dict instanceof PDFDict)) continue;
    if (dict.has(PDFName.of('Kids'))) pagesUnder(context, dict, into, depth + 1);
    else into.push(kid);
  }
};

/**
 * Opens pdfkit's bytes for an incremental update, or returns undefined when they do not end in
 * one classic cross-reference table (the merge then loads and rewrites the whole file).
 */
export const openLazyPack = (bytes: Uint8Array): LazyPack | undefined => {
  const at = startXref(bytes);
  if (at === undefined) return undefined;
  const context = PDFContext.create();
  let table: ReturnType<typeof readXref>;
  try {
    table = readXref(bytes, at, context);
  } catch {
    return undefined;
  }
  if (table === undefined) return undefined;
  const { offsets, trailer } = table;
  const objects = new LazyObjects(bytes, offsets, context);
  (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = objects;
  const size = trailer.get(PDFName.of('Size'));
  const largest = Math.max(size instanceof PDFNumber ? size.asNumber() - 1 : 0, ...offsets.keys());
  context.largestObjectNumber = largest;
  const root = trailer.get(PDFName.of('Root'));
  const catalog = context.lookup(root);
  if (!(root instanceof PDFRef) || !(catalog instanceof PDFDict)) return undefined;
  const tree = context.lookup(catalog.get(PDFName.of('Pages')));
  if (!(tree instanceof PDFDict)) return undefined;
  const pages: PDFRef[] = [];
  pagesUnder(context, tree, pages, 0);

  const save = (): Uint8Array => {
    const written = [...objects.entries()].sort(
      ([a], [b]) => a.objectNumber - b.objectNumber || a.generationNumber - b.generationNumber,
    );
    const heads = written.map(([ref]) => `${ref.objectNumber} ${ref.generationNumber} obj\n`);
    const tail = '\nendobj\n';
    // After pdfkit's `%%EOF`, on a line of its own.
    const separator = '\n';
    let length = bytes.byteLength + separator.length;
    const starts: number[] = [];
    written.forEach(([, object], index) => {
      starts.push(length);
      length += (heads[index] as string).length + object.sizeInBytes() + tail.length;
    });
    const xref = PDFCrossRefSection.create();
    written.forEach(([ref], index) => xref.addEntry(ref, starts[index] as number));
    const trailerDict = context.obj({});
    trailerDict.set(PDFName.of('Size'), PDFNumber.of(context.largestObjectNumber + 1));
    for (const key of ['Root', 'Info', 'ID']) {
      const value = trailer.get(PDFName.of(key));
      if (value !== undefined) trailerDict.set(PDFName.of(key), value);
    }
    trailerDict.set(PDFName.of('Prev'), PDFNumber.of(at));
    const xrefAt = length;
    const trailerPart = PDFTrailerDict.of(trailerDict);
    const startPart = PDFTrailer.forLastCrossRefSectionOffset(xrefAt);
    length += xref.sizeInBytes() + trailerPart.sizeInBytes() + 1 + startPart.sizeInBytes() + 1;

    const out = new Uint8Array(length);
    out.set(bytes, 0);
    let offset = bytes.byteLength;
    const ascii = (text: string): void => {
      for (let index = 0; index < text.length; index += 1) out[offset++] = text.charCodeAt(index);
    };
    ascii(separator);
    written.forEach(([, object], index) => {
      ascii(heads[index] as string);
      offset += object.copyBytesInto(out, offset);
      ascii(tail);
    });
    // The table's last entry ends its line.
    offset += xref.copyBytesInto(out, offset);
    offset += trailerPart.copyBytesInto(out, offset);
    ascii('\n');
    offset += startPart.copyBytesInto(out, offset);
    ascii('\n');
    return offset === length ? out : out.subarray(0, offset);
  };

  return { context, catalog, pages, save };
};
