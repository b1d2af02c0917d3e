/**
 * Reads the structure tree (ISO 32000-1 §14.7) from the StructTreeRoot down: every element with
 * its role after the role map, its path, its page, and its kids in order (elements, marked-content
 * references, object references). Faults in the tree's own shape are collected as it is read.
 */
import {
  PDFArray,
  type PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { finding, type PdfUaFinding } from './findings.js';
import {
  asDict,
  dictAt,
  nameAt,
  nameOf,
  numberAt,
  readNumberTree,
  refText,
  resolve,
} from './pdf-objects.js';

/** The standard structure types of PDF 1.7 (ISO 32000-1 §14.8.4), which PDF/UA-1 builds on. */
export const STANDARD_TYPES: ReadonlySet<string> = new Set(
  `Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4
  H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link
  Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`.split(/\s+/),
);

export type StructKid =
  | { readonly kind: 'element'; readonly element: StructElement }
  /** A marked-content sequence; `page` is the 0-based page index, null when none is given. */
  | { readonly kind: 'mcid'; readonly mcid: number; readonly page: number | null }
  | { readonly kind: 'objr'; readonly target: PDFRef | undefined; readonly page: number | null };

export type StructElement = {
  readonly dict: PDFDict;
  readonly ref: PDFRef | undefined;
  /** `/S` as written. */
  readonly type: string;
  /** `/S` after the role map: a standard type, or the unmapped name. */
  readonly role: string;
  readonly path: string;
  /** 0-based index of `/Pg` (or the nearest ancestor's), null when none. */
  readonly page: number | null;
  readonly parent: StructElement | undefined;
  readonly kids: StructKid[];
};

export type StructTree = {
  readonly root: PDFDict;
  readonly roleMap: ReadonlyMap<string, string>;
  /** Every element, parents before children, in document order. */
  readonly elements: readonly StructElement[];
  readonly parentTree: ReadonlyMap<number, PDFObject> | undefined;
  readonly parentTreeNextKey: number | undefined;
  readonly problems: readonly PdfUaFinding[];
};

/** Follows the role map to a standard type; a standard type is never remapped (PDF/UA-1 7.1). */
export const standardRole = (type: string, roleMap: ReadonlyMap<string, string>): string => {
  let current = type;
  const seen = new Set<string>();
  while (!STANDARD_TYPES.has(current) && !seen.has(current)) {
    seen.add(current);
    const next = roleMap.get(current);
    if (next === undefined) break;
    current = next;
  }
  return current;
};

const readRoleMap = (root: PDFDict): Map<string, string> => {
  const map = new Map<string, string>();
  const dict = dictAt(root, 'RoleMap');
  for (const [key, value] of dict?.entries() ?? []) {
    const target = nameOf(resolve(root.context, value));
    if (target !== undefined) map.set(key.decodeText(), target);
  }
  return map;
};

const asName = (key: string): PDFName => PDFName.of(key);

const asArray = (context: PDFContext, value: PDFObject): PDFObject[] | undefined => {
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  return resolved instanceof PDFArray ? resolved.asArray() : undefined;
};

class TreeReader {
  readonly elements: StructElement[] = [];
  readonly problems: PdfUaFinding[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly context: PDFContext,
    private readonly pageIndex: ReadonlyMap<string, number>,
    private readonly roleMap: ReadonlyMap<string, string>,
  ) {}

  pageOf(dict: PDFDict, inherited: number | null): number | null {
    const raw = dict.get(asName('Pg'));
    if (raw === undefined) return inherited;
    const index = raw instanceof PDFRef ? this.pageIndex.get(refText(raw) ?? '') : undefined;
    if (index === undefined) {
      this.problems.push(
        finding('struct.tree', '/Pg does not name a page of the document', {
          ref: refText(raw instanceof PDFRef ? raw : undefined),
        }),
      );
      return inherited;
    }
    return index;
  }

  /** Reads the kids of `/K` on `owner` (an element, or the root when `owner` is undefined). */
  readKids(
    k: PDFObject | undefined,
    owner: StructElement | undefined,
    ownerRef: PDFRef | undefined,
    page: number | null,
    path: string,
    depth: number,
  ): StructKid[] {
    const kids: StructKid[] = [];
    const counts = new Map<string, number>();
    // `/K` is one kid or an array of them; either may sit behind a reference.
    const items = k === undefined ? [] : (asArray(this.context, k) ?? [k]);
    for (const raw of items) {
      const ref = raw instanceof PDFRef ? raw : undefined;
      const value = ref === undefined ? raw : this.context.lookup(ref);
      if (value instanceof PDFNumber) {
        if (page === null)
          this.problems.push(
            finding('struct.tree', `MCID ${value.asNumber()} with no /Pg to say which page`, {
              path,
            }),
          );
        kids.push({ kind: 'mcid', mcid: value.asNumber(), page });
        continue;
      }
      const dict = asDict(value);
      if (dict === undefined) {
        this.problems.push(
          finding(
            'struct.tree',
            'a structure kid that is neither an element, an MCID, an MCR nor an OBJR',
            { path, ref: refText(ref) },
          ),
        );
        continue;
      }
      const type = nameAt(dict, 'Type');
      if (type === 'MCR') {
        const mcid = numberAt(dict, 'MCID');
        const mcrPage = this.pageOf(dict, page);
        if (mcid === undefined)
          this.problems.push(finding('struct.tree', 'an MCR without /MCID', { path }));
        else kids.push({ kind: 'mcid', mcid, page: mcrPage });
        continue;
      }
      if (type === 'OBJR') {
        const target = dict.get(asName('Obj'));
        kids.push({
          kind: 'objr',
          target: target instanceof PDFRef ? target : undefined,
          page: this.pageOf(dict, page),
        });
        continue;
      }
      const element = this.readElement(dict, ref, owner, ownerRef, page, path, counts, depth);
      if (element !== undefined) kids.push({ kind: 'element', element });
    }
    return kids;
  }

  private readElement(
    dict: PDFDict,
    ref: PDFRef | undefined,
    parent: StructElement | undefined,
    parentRef: PDFRef | undefined,
    inheritedPage: number | null,
    parentPath: string,
    counts: Map<string, number>,
    depth: number,
  ): StructElement | undefined {
    const type = nameAt(dict, 'S');
    if (type === undefined) {
      this.problems.push(
        finding('struct.tree', 'a structure element without /S', {
          path: parentPath,
          ref: refText(ref),
        }),
      );
      return undefined;
    }
    const count = (counts.get(type) ?? 0) + 1;
    counts.set(type, count);
    const path = `${parentPath === '' ? '' : `${parentPath}/`}${type}[${count}]`;
    if (ref !== undefined) {
      const key = refText(ref) ?? '';
      if (this.seen.has(key)) {
        this.problems.push(
          finding('struct.tree', 'a structure element reached twice', { path, ref: key }),
        );
        return undefined;
      }
      this.seen.add(key);
    }
    const declaredParent = dict.get(asName('P'));
    if (
      parentRef !== undefined &&
      !(declaredParent instanceof PDFRef && refText(declaredParent) === refText(parentRef))
    ) {
      this.problems.push(
        finding(
          'struct.tree',
          `/P is ${declaredParent === undefined ? 'missing' : (refText(declaredParent instanceof PDFRef ? declaredParent : undefined) ?? 'not a reference')}, not the parent ${refText(parentRef) ?? ''}`,
          { path, ref: refText(ref) },
        ),
      );
    }
    const page = this.pageOf(dict, inheritedPage);
    const kids: StructKid[] = [];
    const element: StructElement = {
      dict,
      ref,
      type,
      role: standardRole(type, this.roleMap),
      path,
      page,
      parent,
      kids,
    };
    this.elements.push(element);
    if (depth > 200) {
      this.problems.push(
        finding('struct.tree', 'the structure tree is more than 200 levels deep', { path }),
      );
      return element;
    }
    kids.push(...this.readKids(dict.get(asName('K')), element, ref, page, path, depth + 1));
    return element;
  }
}

/** The document's structure tree, or undefined when the catalog has no StructTreeRoot. */
export const readStructTree = (
  context: PDFContext,
  catalog: PDFDict,
  pageIndex: ReadonlyMap<string, number>,
): StructTree | undefined => {
  const rootRaw = catalog.get(PDFName.of('StructTreeRoot'));
  const root = asDict(rootRaw instanceof PDFRef ? context.lookup(rootRaw) : rootRaw);
  if (root === undefined) return undefined;
  const roleMap = readRoleMap(root);
  const reader = new TreeReader(context, pageIndex, roleMap);
  const rootKids = reader.readKids(
    root.get(PDFName.of('K')),
    undefined,
    rootRaw instanceof PDFRef ? rootRaw : undefined,
    null,
    '',
    0,
  );
  for (const kid of rootKids) {
    if (kid.kind !== 'element')
      reader.problems.push(
        finding(
          'struct.tree',
          'marked content or an object reference directly under the StructTreeRoot',
        ),
      );
  }
  const parentTreeDict = dictAt(root, 'ParentTree');
  return {
    root,
    roleMap,
    elements: reader.elements,
    parentTree: parentTreeDict === undefined ? undefined : readNumberTree(context, parentTreeDict),
    parentTreeNextKey: numberAt(root, 'ParentTreeNextKey'),
    problems: reader.problems,
  };
};
