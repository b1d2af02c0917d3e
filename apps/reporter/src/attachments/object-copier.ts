/**
 * Copies objects from one pdf-lib document into another, each indirect object once. Unlike
 * pdf-lib's own copier (used by `copyPages`), a reference can be *seeded* to stand for an object
 * that already exists in the target: the attached PDF's pages for the pack's reserved pages, its
 * StructTreeRoot for the item's Sect, its outline root for the item's bookmark. Everything that
 * points at those (an annotation's /P, a structure element's /Pg or /P, an outline entry's /Dest
 * or /Parent) then points at the pack's object, with no rewriting pass.
 */
import {
  PDFArray,
  PDFDict,
  PDFNull,
  PDFPageTree,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

export class ObjectCopier {
  /** pdf-lib keeps one PDFRef per object and generation number (`PDFRef.of`): they are keys. */
  private readonly refs = new Map<PDFRef, PDFRef>();

  constructor(
    private readonly from: PDFContext,
    private readonly to: PDFContext,
  ) {}

  /** From now on `source` (a reference in the source document) copies as `target`. */
  seed(source: PDFRef, target: PDFRef): void {
    this.refs.set(source, target);
  }

  /** The target's reference for `source`, when it has been copied or seeded. */
  mapped(source: PDFRef): PDFRef | undefined {
    return this.refs.get(source);
  }

  copy<T extends PDFObject>(value: T): T;
  copy(value: PDFObject): PDFObject {
    if (value instanceof PDFRef) return this.copyRef(value);
    if (value instanceof PDFRawStream) {
      return PDFRawStream.of(this.copyDict(value.dict), value.contents);
    }
    if (value instanceof PDFDict) return this.copyDict(value);
    if (value instanceof PDFArray) {
      const array = PDFArray.withContext(this.to);
      for (const item of value.asArray()) array.push(this.copy(item));
      return array;
    }
    // Names, numbers, strings, booleans and null are immutable: shared, not copied.
    return value;
  }

  /** A dictionary's entries copied into a new dictionary, all but `skip`. */
  copyDict(dict: PDFDict, skip?: ReadonlySet<string>): PDFDict {
    const copied = PDFDict.withContext(this.to);
    for (const [name, value] of dict.entries()) {
      // Decoding a name is not free (pdf-lib undoes its #xx escapes each time): only to skip.
      if (skip === undefined || !skip.has(name.decodeText())) copied.set(name, this.copy(value));
    }
    return copied;
  }

  private copyRef(ref: PDFRef): PDFObject {
    const known = this.refs.get(ref);
    if (known !== undefined) return known;
    const value = this.from.lookup(ref);
    // A page-tree node reached from anywhere but a page: the pack has its own page tree.
    if (value === undefined || value instanceof PDFPageTree) return PDFNull;
    const target = this.to.nextRef();
    this.refs.set(ref, target);
    this.to.assign(target, this.copy(value));
    return target;
  }
}
