/**
 * Merges attached PDFs into a drawn agenda pack (issue 12, item 4). pdfkit cannot import pages,
 * so the pack is drawn first with pages reserved for each attachment (layout's `attached-pdf`
 * block: numbered with the rest, so the agenda's ranges and every "Page N" count them), then this
 * step puts each attached page into its reserved page:
 *
 * - the attached page's content, resources, size and annotations replace the placeholder's; the
 *   page is drawn at ATTACHED_PAGE_SCALE about its centre (its links' areas with it), and an
 *   appended content stream stamps "Page N" (and the marking of an exempt paper) as Pagination
 *   artifacts, in the Arimo fonts the placeholders made pdfkit embed;
 * - a tagged attachment's structure tree is grafted under the Sect the placeholder created in the
 *   item's Part: its elements copied (their /Pg and /P now the pack's pages and the Sect), each
 *   page's ParentTree entry (and each annotation's) re-keyed past the pack's own, MCIDs left as
 *   they are (they are per page), its RoleMap and ClassMap merged;
 * - an untagged attachment's pages go in as they are (the pre-flight says so) and the empty Sect
 *   is dropped;
 * - the attachment's outline is nested under the bookmark the placeholder made for it.
 *
 * The pack is read lazily and the merge appended to it as an incremental update (incremental.ts);
 * attachments are loaded and let go one at a time.
 * Page objects are reused in place, so the page tree, named destinations, links into the pack
 * and the outline's other entries stay valid.
 */
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { ReporterError } from '../errors.js';
import {
  arrayAt,
  asDict,
  dictAt,
  entry,
  itemsOf,
  nameAt,
  numberAt,
  pdfName,
  readNumberTree,
  resolve,
  textAt,
} from '../pdfua/pdf-objects.js';
import { openLazyPack, type LazyPack } from './incremental.js';
import { openPdf } from './open-pdf.js';
import { ObjectCopier } from './object-copier.js';
import type { MarkingBanner } from '../layout/placed.js';
import { stampContent, stampFonts, type StampFonts } from './stamps.js';

export type MergeAttachment = {
  /** 1-based page of the pack reserved for the attachment's first page (`RenderSummary.attachments`). */
  readonly firstPage: number;
  /** Pages reserved; the file must have exactly these. */
  readonly pages: number;
  readonly title: string;
  /** Stamped on its first page (`Agenda Item 5`), or null. */
  readonly stamp: string | null;
  /**
   * The marking banner stamped on every page (an exempt paper's `NOT FOR PUBLICATION …`, as a
   * Pagination artifact like the other stamps), or null/absent for none.
   */
  readonly marking?: MarkingBanner | null;
  /** The file's bytes, asked for only when its turn comes. */
  readonly load: () => Promise<Uint8Array> | Uint8Array;
};

export type MergePlan = { readonly attachments: readonly MergeAttachment[] };

export type MergeResult = {
  readonly bytes: Uint8Array;
  /** Per attachment, in plan order: whether its structure tree was grafted (it was tagged). */
  readonly grafted: readonly boolean[];
};

const name = (text: string): PDFName => pdfName(text);

/**
 * An attached page is drawn at this scale about its centre. Its own header and footer (a Word
 * export's "Page 2", a report's council banner) then sit clear of the pack's "Page N" at the foot
 * and the marking at the top, instead of under them: hidden by the stamps' white ground on
 * screen, but still read, interleaved with the pack's number, by text extraction and search.
 */
export const ATTACHED_PAGE_SCALE = 0.92;

/** `[a b c d e f]` scaling by `ATTACHED_PAGE_SCALE` about the centre of `box` ([x0 y0 x1 y1]). */
const shrinkAbout = (
  box: readonly number[],
): { cm: string; map: (x: number, y: number) => [number, number] } => {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = box;
  const s = ATTACHED_PAGE_SCALE;
  const tx = ((x0 + x1) / 2) * (1 - s);
  const ty = ((y0 + y1) / 2) * (1 - s);
  const r = (n: number): string => String(Math.round(n * 1000) / 1000);
  return {
    cm: `q ${r(s)} 0 0 ${r(s)} ${r(tx)} ${r(ty)} cm\n`,
    map: (x, y) => [s * x + tx, s * y + ty],
  };
};

const numbersOf = (context: PDFContext, value: PDFObject | undefined): number[] | undefined => {
  const array = resolve(context, value);
  if (!(array instanceof PDFArray)) return undefined;
  const numbers = array.asArray().map((item) => resolve(context, item));
  return numbers.every((item) => item instanceof PDFNumber)
    ? numbers.map((item) => (item as PDFNumber).asNumber())
    : undefined;
};

/** Keys of a page that come from the attached page (inheritable ones resolved through its tree). */
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
const NOT_COPIED = new Set(['Type', 'Parent', 'StructParents', 'Contents', ...INHERITED]);

const inherited = (page: PDFDict, key: string): PDFObject | undefined => {
  let node: PDFDict | undefined = page;
  for (let depth = 0; node !== undefined && depth < 64; depth += 1) {
    const value = node.get(name(key));
    if (value !== undefined) return value;
    node = dictAt(node, 'Parent');
  }
  return undefined;
};

/** The pack's ParentTree as a flat list of entries, rewritten once at the end. */
class ParentTree {
  private readonly entries: Map<number, PDFObject>;
  next: number;

  constructor(
    private readonly context: PDFContext,
    private readonly root: PDFDict,
  ) {
    this.entries = readNumberTree(context, dictAt(root, 'ParentTree'));
    const highest = Math.max(-1, ...this.entries.keys());
    this.next = Math.max(highest + 1, numberAt(root, 'ParentTreeNextKey') ?? 0);
  }

  get(key: number): PDFObject | undefined {
    return this.entries.get(key);
  }

  delete(key: number): void {
    this.entries.delete(key);
  }

  add(value: PDFObject): number {
    const key = this.next;
    this.next += 1;
    this.entries.set(key, value);
    return key;
  }

  /** Writes the tree back as one flat /Nums array, keys in order. */
  write(): void {
    const nums = PDFArray.withContext(this.context);
    for (const key of [...this.entries.keys()].sort((a, b) => a - b)) {
      nums.push(PDFNumber.of(key));
      nums.push(this.entries.get(key) as PDFObject);
    }
    const old = this.root.get(name('ParentTree'));
    const tree = this.context.obj({});
    tree.set(name('Nums'), nums);
    if (old instanceof PDFRef) this.context.assign(old, tree);
    else this.root.set(name('ParentTree'), this.context.register(tree));
    this.root.set(name('ParentTreeNextKey'), PDFNumber.of(this.next));
  }
}

/** A name-tree lookup (the catalog's /Names /Dests), for named destinations. */
const lookupNameTree = (
  context: PDFContext,
  node: PDFDict | undefined,
  wanted: string,
  depth = 0,
): PDFObject | undefined => {
  if (node === undefined || depth > 32) return undefined;
  const names = arrayAt(node, 'Names');
  if (names !== undefined) {
    for (let index = 0; index + 1 < names.size(); index += 2) {
      const key = resolve(context, names.get(index));
      const text =
        key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : undefined;
      if (text === wanted) return resolve(context, names.get(index + 1));
    }
  }
  for (const kid of itemsOf(entry(node, 'Kids'))) {
    const found = lookupNameTree(context, asDict(resolve(context, kid)), wanted, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
};

/**
 * Replaces named destinations in the attached document (outline entries, link annotations) by
 * the explicit ones they name, so they survive the copy: the pack has its own name tree.
 */
const resolveNamedDestinations = (document: PDFDocument): void => {
  const { context, catalog } = document;
  const oldDests = dictAt(catalog, 'Dests');
  const nameTree = dictAt(catalog, 'Names');
  const destsTree = nameTree && dictAt(nameTree, 'Dests');
  const explicit = (value: PDFObject | undefined): PDFObject | undefined => {
    let found: PDFObject | undefined;
    if (value instanceof PDFName) found = oldDests && entry(oldDests, value.decodeText());
    else if (value instanceof PDFString || value instanceof PDFHexString)
      found = lookupNameTree(context, destsTree, value.decodeText());
    else return undefined;
    // A destination dictionary holds the array as /D.
    const dict = asDict(found);
    return dict !== undefined ? entry(dict, 'D') : found;
  };
  const fix = (holder: PDFDict): void => {
    const dest = explicit(entry(holder, 'Dest'));
    if (dest !== undefined) holder.set(name('Dest'), dest);
    const action = dictAt(holder, 'A');
    if (action !== undefined && nameAt(action, 'S') === 'GoTo') {
      const target = explicit(entry(action, 'D'));
      if (target !== undefined) action.set(name('D'), target);
    }
  };
  const walk = (item: PDFDict | undefined, depth: number): void => {
    for (let current = item, count = 0; current && depth < 64 && count < 100_000; count += 1) {
      fix(current);
      walk(dictAt(current, 'First'), depth + 1);
      current = dictAt(current, 'Next');
    }
  };
  const outlines = dictAt(catalog, 'Outlines');
  walk(outlines && dictAt(outlines, 'First'), 0);
  for (const page of document.getPages()) {
    for (const annotation of itemsOf(entry(page.node, 'Annots'))) {
      const dict = asDict(resolve(context, annotation));
      if (dict !== undefined && nameAt(dict, 'Subtype') === 'Link') fix(dict);
    }
  }
};

/** The outline entry whose destination is `page`, searched depth first. */
const findBookmark = (
  context: PDFContext,
  outlines: PDFDict | undefined,
  page: PDFRef,
): PDFRef | undefined => {
  const search = (first: PDFObject | undefined, depth: number): PDFRef | undefined => {
    let ref = first instanceof PDFRef ? first : undefined;
    for (let count = 0; ref !== undefined && depth < 64 && count < 100_000; count += 1) {
      const item = asDict(context.lookup(ref));
      if (item === undefined) return undefined;
      const dest = entry(item, 'Dest');
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      if (target instanceof PDFRef && target === page) return ref;
      const below = search(item.get(name('First')), depth + 1);
      if (below !== undefined) return below;
      const next = item.get(name('Next'));
      ref = next instanceof PDFRef ? next : undefined;
    }
    return undefined;
  };
  return outlines === undefined ? undefined : search(outlines.get(name('First')), 0);
};

const countOutline = (context: PDFContext, first: PDFObject | undefined): number => {
  let count = 0;
  for (let item = asDict(resolve(context, first)); item && count < 100_000;) {
    count += 1;
    item = dictAt(item, 'Next');
  }
  return count;
};

/** Removes `target` from the /K of `parent` (an element or the root). */
const removeKid = (parent: PDFDict, target: PDFRef): void => {
  const k = parent.get(name('K'));
  const kids = k instanceof PDFRef ? parent.context.lookup(k) : k;
  if (kids instanceof PDFArray) {
    const index = kids.asArray().findIndex((kid) => kid === target);
    if (index >= 0) kids.remove(index);
  } else if (kids === target) {
    parent.delete(name('K'));
  }
};

/** Merges the attached document's RoleMap into the pack's; a clash is renamed in the copied elements. */
const mergeMap = (
  pack: PDFDict,
  attached: PDFDict | undefined,
  key: 'RoleMap' | 'ClassMap',
  copier: ObjectCopier,
  suffix: string,
): Map<string, string> => {
  const renames = new Map<string, string>();
  if (attached === undefined) return renames;
  const source = dictAt(attached, key);
  if (source === undefined) return renames;
  let target = dictAt(pack, key);
  if (target === undefined) {
    target = pack.context.obj({});
    pack.set(name(key), target);
  }
  for (const [entryName, value] of source.entries()) {
    const text = entryName.decodeText();
    const existing = target.get(entryName);
    const copied = copier.copy(value);
    if (existing === undefined) {
      target.set(entryName, copied);
      continue;
    }
    const same =
      key === 'RoleMap' &&
      resolve(pack.context, existing)?.toString() === resolve(pack.context, copied)?.toString();
    if (same) continue;
    const renamed = `${text}_${suffix}`;
    renames.set(text, renamed);
    target.set(name(renamed), copied);
  }
  return renames;
};

/** Renames /S (role clashes) and /C (class clashes) through a copied subtree; `Document` becomes `Div`. */
const renameInTree = (
  context: PDFContext,
  kids: readonly PDFObject[],
  roles: ReadonlyMap<string, string>,
  classes: ReadonlyMap<string, string>,
  top: boolean,
): void => {
  for (const kid of kids) {
    const element = asDict(resolve(context, kid));
    if (
      element === undefined ||
      nameAt(element, 'Type') === 'MCR' ||
      nameAt(element, 'Type') === 'OBJR'
    )
      continue;
    const role = nameAt(element, 'S');
    // The attached document is part of the pack's Document now, not a second one.
    if (top && role === 'Document') element.set(name('S'), name('Div'));
    else if (role !== undefined && roles.has(role))
      element.set(name('S'), name(roles.get(role) ?? role));
    const c = entry(element, 'C');
    if (classes.size > 0 && c !== undefined) {
      const renamed = itemsOf(c).map((value) => {
        const text = value instanceof PDFName ? value.decodeText() : undefined;
        return text !== undefined && classes.has(text) ? name(classes.get(text) ?? text) : value;
      });
      element.set(
        name('C'),
        renamed.length === 1 ? (renamed[0] as PDFObject) : context.obj(renamed),
      );
    }
    renameInTree(context, itemsOf(entry(element, 'K')), roles, classes, false);
  }
};

/** Deletes an indirect object (or each of an array of them) the merged file no longer uses. */
const deleteObjects = (context: PDFContext, value: PDFObject | undefined): void => {
  if (value instanceof PDFRef) {
    const target = context.lookup(value);
    context.delete(value);
    if (target instanceof PDFArray)
      for (const item of target.asArray()) deleteObjects(context, item);
  } else if (value instanceof PDFArray) {
    for (const item of value.asArray()) deleteObjects(context, item);
  }
};

type PackState = {
  readonly context: PDFContext;
  readonly catalog: PDFDict;
  readonly pages: readonly PDFRef[];
  readonly structRoot: PDFDict | undefined;
  readonly parentTree: ParentTree | undefined;
  readonly fonts: StampFonts;
  readonly lang: string | undefined;
};

/** Puts one attachment into its reserved pages. Returns whether its structure was grafted. */
const mergeOne = async (
  state: PackState,
  attachment: MergeAttachment,
  ordinal: number,
): Promise<boolean> => {
  const { context, catalog, pages, structRoot, parentTree, fonts } = state;
  const reserved = pages.slice(
    attachment.firstPage - 1,
    attachment.firstPage - 1 + attachment.pages,
  );
  if (attachment.firstPage < 1 || reserved.length !== attachment.pages) {
    throw new ReporterError(
      'REPORTER.ATTACHMENT_MISMATCH',
      `“${attachment.title}” was given pages ${attachment.firstPage}–${attachment.firstPage + attachment.pages - 1}, which the pack (${pages.length} pages) does not have.`,
      { title: attachment.title, firstPage: attachment.firstPage, pages: attachment.pages },
    );
  }
  const { document: source, pageCount } = await openPdf(await attachment.load(), {
    title: attachment.title,
    checkContents: false,
  });
  if (pageCount !== attachment.pages) {
    throw new ReporterError(
      'REPORTER.ATTACHMENT_MISMATCH',
      `“${attachment.title}” has ${pageCount} page(s), but the pack reserved ${attachment.pages}: its stored page count is wrong.`,
      { title: attachment.title, pageCount, reserved: attachment.pages },
    );
  }
  resolveNamedDestinations(source);
  const copier = new ObjectCopier(source.context, context);
  const sourcePages = source.getPages();
  sourcePages.forEach((page, index) => copier.seed(page.ref, reserved[index] as PDFRef));

  // The Sect the first placeholder opened: the only MCID on that page, found through its
  // ParentTree entry, which goes (the placeholder's content goes).
  const firstDict = context.lookup(reserved[0], PDFDict);
  const placeholderKey = numberAt(firstDict, 'StructParents');
  const placeholderEntry =
    placeholderKey === undefined ? undefined : parentTree?.get(placeholderKey);
  const sectValue = placeholderEntry && itemsOf(resolve(context, placeholderEntry))[0];
  const sectRef = sectValue instanceof PDFRef ? sectValue : undefined;
  const sect = sectRef && context.lookup(sectRef, PDFDict);
  if (placeholderKey !== undefined) parentTree?.delete(placeholderKey);

  const sourceRootRaw = source.catalog.get(name('StructTreeRoot'));
  const sourceRoot = asDict(resolve(source.context, sourceRootRaw));
  const sourceMarked = dictAt(source.catalog, 'MarkInfo');
  const tagged =
    sect !== undefined &&
    sourceRoot !== undefined &&
    itemsOf(entry(sourceRoot, 'K')).length > 0 &&
    (sourceMarked === undefined || entry(sourceMarked, 'Marked')?.toString() !== 'false');
  if (tagged && sourceRootRaw instanceof PDFRef && sectRef !== undefined)
    copier.seed(sourceRootRaw, sectRef);
  const sourceParentTree = tagged
    ? readNumberTree(source.context, dictAt(sourceRoot, 'ParentTree'))
    : new Map<number, PDFObject>();
  /** A ParentTree entry of the attachment, copied and re-keyed into the pack's. */
  const rekey = (key: number | undefined): number | undefined => {
    if (key === undefined || parentTree === undefined) return undefined;
    const value = sourceParentTree.get(key);
    return value === undefined ? undefined : parentTree.add(copier.copy(value));
  };

  // The attachment's bookmark: the one the placeholder made; its outline nests under it.
  const packOutlines = dictAt(catalog, 'Outlines');
  const bookmark = findBookmark(context, packOutlines, reserved[0] as PDFRef);
  const sourceOutlinesRaw = source.catalog.get(name('Outlines'));
  const sourceOutlines = asDict(resolve(source.context, sourceOutlinesRaw));
  if (bookmark !== undefined && sourceOutlinesRaw instanceof PDFRef)
    copier.seed(sourceOutlinesRaw, bookmark);

  sourcePages.forEach((sourcePage, index) => {
    const ref = reserved[index] as PDFRef;
    const target = context.lookup(ref, PDFDict);
    // The placeholder's own content and resources go; its fonts stay (other pages use them).
    deleteObjects(context, target.get(name('Contents')));
    const oldResources = target.get(name('Resources'));
    if (oldResources instanceof PDFRef) context.delete(oldResources);
    for (const key of target.keys()) {
      if (key.decodeText() !== 'Type' && key.decodeText() !== 'Parent') target.delete(key);
    }
    const page = sourcePage.node;
    for (const [key, value] of page.entries()) {
      if (!NOT_COPIED.has(key.decodeText())) target.set(key, copier.copy(value));
    }
    for (const key of INHERITED) {
      const value = inherited(page, key);
      if (value !== undefined) target.set(name(key), copier.copy(value));
    }
    if (target.get(name('MediaBox')) === undefined)
      target.set(name('MediaBox'), context.obj([0, 0, 612, 792]));
    const structParents = rekey(tagged ? numberAt(page, 'StructParents') : undefined);
    if (structParents !== undefined) target.set(name('StructParents'), PDFNumber.of(structParents));
    const shrink = shrinkAbout(
      numbersOf(context, target.get(name('CropBox'))) ??
        numbersOf(context, target.get(name('MediaBox'))) ?? [0, 0, 612, 792],
    );
    for (const annotation of itemsOf(entry(target, 'Annots'))) {
      const dict = asDict(resolve(context, annotation));
      if (dict === undefined) continue;
      // A link's area shrinks with the page it sits on.
      for (const key of ['Rect', 'QuadPoints']) {
        const points = numbersOf(context, dict.get(name(key)));
        if (points === undefined || points.length % 2 !== 0) continue;
        const moved = points.flatMap((value, at, all) =>
          at % 2 === 0 ? shrink.map(value, all[at + 1] ?? 0) : [],
        );
        dict.set(name(key), context.obj(moved));
      }
      const key = rekey(tagged ? numberAt(dict, 'StructParent') : undefined);
      if (key !== undefined) dict.set(name('StructParent'), PDFNumber.of(key));
      else dict.delete(name('StructParent'));
    }

    // Stamps: an isolated content stream after the page's own, in the pack's fonts.
    const resources = asDict(resolve(context, target.get(name('Resources')))) ?? context.obj({});
    if (target.get(name('Resources')) === undefined) target.set(name('Resources'), resources);
    let fontDict = dictAt(resources, 'Font');
    if (fontDict === undefined) {
      fontDict = context.obj({});
      resources.set(name('Font'), fontDict);
    }
    fontDict.set(name(fonts.regular.resourceName), fonts.regular.ref);
    fontDict.set(name(fonts.bold.resourceName), fonts.bold.ref);
    const stamp = stampContent(fonts, {
      box: target.get(name('CropBox')) ?? target.get(name('MediaBox')),
      context,
      rotate: numberAt(target, 'Rotate') ?? 0,
      pageNumber: attachment.firstPage + index,
      stamp: index === 0 ? attachment.stamp : null,
      marking: attachment.marking ?? null,
    });
    const contents = itemsOf(
      copier.copy(page.get(name('Contents')) ?? PDFArray.withContext(context)),
    );
    // Small and different on every page: not worth compressing.
    const close = context.register(context.stream(stamp));
    const flat = contents.flatMap((part) => {
      const value = resolve(context, part);
      return value instanceof PDFArray ? value.asArray() : [part];
    });
    const open = context.register(context.stream(shrink.cm));
    target.set(name('Contents'), context.obj([open, ...flat, close]));
  });

  if (sect !== undefined && sectRef !== undefined) {
    sect.delete(name('Pg'));
    sect.delete(name('K'));
    if (tagged && sourceRoot !== undefined) {
      const kids = itemsOf(entry(sourceRoot, 'K')).map((kid) => copier.copy(kid));
      const roles = structRoot
        ? mergeMap(structRoot, sourceRoot, 'RoleMap', copier, `a${ordinal}`)
        : new Map();
      const classes = structRoot
        ? mergeMap(structRoot, sourceRoot, 'ClassMap', copier, `a${ordinal}`)
        : new Map();
      renameInTree(context, kids, roles, classes, true);
      // Direct kids of the root had no /P, or the root's: they hang from the Sect now.
      for (const kid of kids) {
        const element = asDict(resolve(context, kid));
        if (element !== undefined) element.set(name('P'), sectRef);
      }
      sect.set(name('K'), context.obj(kids));
      const lang = textAt(source.catalog, 'Lang');
      if (lang !== undefined && lang !== '' && lang !== state.lang)
        sect.set(name('Lang'), PDFString.of(lang));
    } else {
      // Untagged: no structure to hold; its pages are in the pack as they are.
      const parent = dictAt(sect, 'P');
      if (parent !== undefined) removeKid(parent, sectRef);
      context.delete(sectRef);
    }
  }

  if (bookmark !== undefined && sourceOutlines !== undefined) {
    const first = sourceOutlines.get(name('First'));
    const last = sourceOutlines.get(name('Last'));
    if (first !== undefined && last !== undefined) {
      const item = context.lookup(bookmark, PDFDict);
      item.set(name('First'), copier.copy(first));
      item.set(name('Last'), copier.copy(last));
      // Closed, as pdfkit leaves the pack's own entries: a negative count of the entries under it.
      item.set(name('Count'), PDFNumber.of(-countOutline(source.context, first)));
    }
  }
  return tagged;
};

/**
 * The pack loaded and saved whole by pdf-lib: only for a file that does not end in one classic
 * cross-reference table, which pdfkit always writes (see incremental.ts).
 */
const loadWholePack = async (packPdf: Uint8Array): Promise<LazyPack> => {
  const pack = await PDFDocument.load(packPdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  return {
    context: pack.context,
    catalog: pack.catalog,
    pages: pack.getPages().map((page) => page.ref),
    save: () =>
      pack.save({
        useObjectStreams: false,
        addDefaultPage: false,
        // Field appearances would make pdf-lib add an AcroForm to the pack.
        updateFieldAppearances: false,
        // pdf-lib waits a timer tick every `objectsPerTick` objects (50 by default: a second of
        // waiting for a 600-page pack's 30,000 objects). Packs render off the event loop (ADR015).
        objectsPerTick: 5_000,
      }),
  };
};

/**
 * Puts each planned attachment's pages into the pages the pack reserved for it (see the module
 * comment), in plan order, and returns the merged PDF. Rejects with a ReporterError when a file is
 * encrypted, damaged, has no pages, or has a page count other than the pages reserved for it.
 */
export const mergeAttachments = async (
  packPdf: Uint8Array,
  plan: MergePlan,
): Promise<MergeResult> => {
  const pack = openLazyPack(packPdf) ?? (await loadWholePack(packPdf));
  const { context, catalog, pages } = pack;
  const structRoot = dictAt(catalog, 'StructTreeRoot');
  const parentTree = structRoot && new ParentTree(context, structRoot);
  const firsts = plan.attachments.map((attachment) => pages[attachment.firstPage - 1]);
  const fonts = stampFonts(
    context,
    firsts.filter((ref): ref is PDFRef => ref !== undefined),
  );
  const state: PackState = {
    context,
    catalog,
    pages,
    structRoot,
    parentTree,
    fonts,
    lang: textAt(catalog, 'Lang'),
  };
  const grafted: boolean[] = [];
  for (const [index, attachment] of plan.attachments.entries()) {
    grafted.push(await mergeOne(state, attachment, index + 1));
  }
  parentTree?.write();
  const bytes = await pack.save();
  return { bytes, grafted };
};
