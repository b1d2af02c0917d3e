/**
 * Small readers over pdf-lib's object model: every lookup resolves indirect references and
 * answers `undefined` rather than throwing when an entry is missing or of another type, so a rule
 * reports a defect instead of the checker crashing on one.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

/** Follows a reference (chains included) to the object it names. */
export const resolve = (
  context: PDFContext,
  value: PDFObject | undefined,
): PDFObject | undefined => {
  let current = value;
  for (let hops = 0; current instanceof PDFRef && hops < 32; hops += 1) {
    current = context.lookup(current);
  }
  return current instanceof PDFRef ? undefined : current;
};

const names = new Map<string, PDFName>();

/**
 * `PDFName.of(key)`, remembered: pdf-lib decodes the `#xx` escapes of the text on every call
 * before finding the one instance it keeps for each name, and readers here ask for the same few
 * keys (`/K`, `/S`, `/Type`) hundreds of thousands of times over a pack.
 */
export const pdfName = (key: string): PDFName => {
  let known = names.get(key);
  if (known === undefined) {
    known = PDFName.of(key);
    names.set(key, known);
  }
  return known;
};

export const entry = (dict: PDFDict, key: string): PDFObject | undefined =>
  resolve(dict.context, dict.get(pdfName(key)));

/** A dictionary entry, or a stream's dictionary (a stream is a dictionary with data). */
export const dictAt = (dict: PDFDict, key: string): PDFDict | undefined => asDict(entry(dict, key));

export const asDict = (value: PDFObject | undefined): PDFDict | undefined => {
  if (value instanceof PDFDict) return value;
  if (value instanceof PDFStream) return value.dict;
  return undefined;
};

export const arrayAt = (dict: PDFDict, key: string): PDFArray | undefined => {
  const value = entry(dict, key);
  return value instanceof PDFArray ? value : undefined;
};

export const nameAt = (dict: PDFDict, key: string): string | undefined => nameOf(entry(dict, key));

export const nameOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFName ? value.decodeText() : undefined;

export const numberAt = (dict: PDFDict, key: string): number | undefined => {
  const value = entry(dict, key);
  return value instanceof PDFNumber ? value.asNumber() : undefined;
};

export const booleanAt = (dict: PDFDict, key: string): boolean | undefined => {
  const value = entry(dict, key);
  return value instanceof PDFBool ? value.asBoolean() : undefined;
};

/** A text string entry (`/Alt`, `/Contents`, `/Lang`), decoded from PDFDocEncoding or UTF-16BE. */
export const textAt = (dict: PDFDict, key: string): string | undefined => {
  const value = entry(dict, key);
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : undefined;
};

/** The elements of an array, or of a single value standing where an array may be. */
export const itemsOf = (value: PDFObject | undefined): PDFObject[] => {
  if (value === undefined) return [];
  if (value instanceof PDFArray) return value.asArray();
  return [value];
};

/** A stream's data with its filters undone, or undefined when it is not a stream we can decode. */
export const streamBytes = (value: PDFObject | undefined): Uint8Array | undefined => {
  if (!(value instanceof PDFRawStream)) return undefined;
  try {
    return decodePDFRawStream(value).decode();
  } catch {
    return undefined;
  }
};

/** `12 0 R` for an indirect object, for findings. */
export const refText = (ref: PDFRef | undefined): string | undefined =>
  ref === undefined ? undefined : `${ref.objectNumber} ${ref.generationNumber} R`;

/** The entries of a number tree (ParentTree), leaves and intermediate `/Kids` alike. */
export const readNumberTree = (
  context: PDFContext,
  node: PDFDict | undefined,
  into: Map<number, PDFObject> = new Map(),
  depth = 0,
): Map<number, PDFObject> => {
  if (node === undefined || depth > 32) return into;
  const nums = arrayAt(node, 'Nums');
  if (nums !== undefined) {
    for (let index = 0; index + 1 < nums.size(); index += 2) {
      const key = resolve(context, nums.get(index));
      if (key instanceof PDFNumber) into.set(key.asNumber(), nums.get(index + 1));
    }
  }
  for (const kid of itemsOf(entry(node, 'Kids'))) {
    readNumberTree(context, asDict(resolve(context, kid)), into, depth + 1);
  }
  return into;
};
