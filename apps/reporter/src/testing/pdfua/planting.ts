/**
 * Plants one accessibility defect in a good PDF, for the checker's own tests: opens the bytes
 * with pdf-lib, hands the planter the document and its structure tree (as the checker reads it,
 * so an element found by role is the very dictionary to edit), and saves the result.
 */
import {
  PDFArray,
  type PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRef,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import {
  asDict,
  dictAt,
  entry,
  itemsOf,
  refText,
  resolve,
  streamBytes,
} from '../../pdfua/pdf-objects.js';
import { readStructTree, type StructElement, type StructTree } from '../../pdfua/struct-tree.js';

export type Planting = {
  readonly document: PDFDocument;
  readonly tree: StructTree;
  readonly pages: readonly PDFPage[];
};

export const plant = async (
  bytes: Uint8Array,
  planter: (planting: Planting) => void,
): Promise<Uint8Array> => {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = document.getPages();
  const pageIndex = new Map(pages.map((page, index) => [refText(page.ref) ?? '', index]));
  const tree = readStructTree(document.context, document.catalog, pageIndex);
  if (tree === undefined) throw new Error('The PDF to plant in has no structure tree');
  planter({ document, tree, pages });
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
};

export const name = (value: string): PDFName => PDFName.of(value);

/** The `nth` (0-based) element whose role is `role` and that satisfies `where`. */
export const element = (
  { tree }: Planting,
  role: string,
  where: (candidate: StructElement) => boolean = () => true,
  nth = 0,
): StructElement => {
  const found = tree.elements.filter((candidate) => candidate.role === role && where(candidate))[
    nth
  ];
  if (found === undefined) throw new Error(`No ${role} element #${nth} to plant a defect in`);
  return found;
};

export const childElements = (parent: StructElement): StructElement[] =>
  parent.kids.flatMap((kid) => (kid.kind === 'element' ? [kid.element] : []));

export const hasMcid = (candidate: StructElement): boolean =>
  candidate.kids.some((kid) => kid.kind === 'mcid');

/** The element's `/K` as an array (a single kid is wrapped, so it can be edited in place). */
export const kidsArray = (target: StructElement): PDFArray => {
  const { context } = target.dict;
  const k = resolve(context, target.dict.get(name('K')));
  if (k instanceof PDFArray) return k;
  const array = context.obj(k === undefined ? [] : [target.dict.get(name('K')) as PDFObject]);
  target.dict.set(name('K'), array);
  return array;
};

/** Removes the kid element `child` from `parent`'s `/K`. */
export const removeKid = (parent: StructElement, child: StructElement): void => {
  const kids = kidsArray(parent);
  const at = kids
    .asArray()
    .findIndex((kid) => kid instanceof PDFRef && refText(kid) === refText(child.ref));
  if (at < 0) throw new Error(`${child.path} is not a kid of ${parent.path}`);
  kids.remove(at);
};

/** Adds a Table attribute dictionary (`/O /Table` and `entries`) beside any the element has. */
export const addTableAttribute = (target: StructElement, entries: Record<string, number>): void => {
  const { context } = target.dict;
  const added = context.obj({ O: 'Table', ...entries });
  const existing = itemsOf(target.dict.get(name('A')));
  target.dict.set(name('A'), context.obj([...existing, added]));
};

/** Appends a content stream holding `operators` to the page's content. */
export const appendContent = ({ document }: Planting, page: PDFPage, operators: string): void => {
  const { context } = document;
  const ref = context.register(context.stream(operators));
  const existing = itemsOf(page.node.get(name('Contents')));
  page.node.set(name('Contents'), context.obj([...existing, ref]));
};

/** The name of the first font in the page's resources (`F3`), and its dictionary. */
export const firstFont = (page: PDFPage): { key: string; font: PDFDict } => {
  const resources = asDict(resolve(page.node.context, page.node.get(name('Resources'))));
  const fonts = resources && dictAt(resources, 'Font');
  const [key, value] = fonts?.entries()[0] ?? [];
  const font = asDict(resolve(page.node.context, value));
  if (key === undefined || font === undefined) throw new Error('The page has no font');
  return { key: key.decodeText(), font };
};

/** The FontDescriptor of a Type0 font's descendant (or of a simple font). */
export const fontDescriptor = (font: PDFDict): PDFDict => {
  const descendants = entry(font, 'DescendantFonts');
  const descendant =
    descendants instanceof PDFArray ? asDict(resolve(font.context, descendants.get(0))) : font;
  const descriptor = descendant && dictAt(descendant, 'FontDescriptor');
  if (descriptor === undefined) throw new Error('The font has no FontDescriptor');
  return descriptor;
};

export const descendantFont = (font: PDFDict): PDFDict => {
  const descendants = entry(font, 'DescendantFonts');
  const descendant =
    descendants instanceof PDFArray ? asDict(resolve(font.context, descendants.get(0))) : undefined;
  if (descendant === undefined) throw new Error('The font is not a Type0 font');
  return descendant;
};

/** Rewrites the XMP packet with `edit`. */
export const editXmp = ({ document }: Planting, edit: (xml: string) => string): void => {
  const { context, catalog } = document;
  const bytes = streamBytes(entry(catalog, 'Metadata'));
  if (bytes === undefined) throw new Error('The PDF has no XMP');
  const xml = edit(new TextDecoder().decode(bytes));
  const stream = context.stream(new TextEncoder().encode(xml), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  catalog.set(name('Metadata'), context.register(stream));
};

/** The page's ParentTree array (its marked content's parents, by MCID). */
export const parentTreeArray = ({ tree, document }: Planting, page: PDFPage): PDFArray => {
  const key = page.node.get(name('StructParents'));
  const slot =
    key instanceof PDFNumber
      ? resolve(document.context, tree.parentTree?.get(key.asNumber()))
      : undefined;
  if (!(slot instanceof PDFArray)) throw new Error('The page has no ParentTree array');
  return slot;
};

/** The first page with annotations. */
export const annotatedPage = ({ pages }: Planting): PDFPage => {
  const found = pages.find((page) => itemsOf(entry(page.node, 'Annots')).length > 0);
  if (found === undefined) throw new Error('No page has annotations');
  return found;
};

export const firstAnnotation = (planting: Planting, subtype: string): PDFDict => {
  const page = annotatedPage(planting);
  const found = itemsOf(entry(page.node, 'Annots'))
    .map((annotation) => asDict(resolve(page.node.context, annotation)))
    .find((annotation) => annotation?.get(name('Subtype')) === name(subtype));
  if (found === undefined) throw new Error(`No ${subtype} annotation`);
  return found;
};
