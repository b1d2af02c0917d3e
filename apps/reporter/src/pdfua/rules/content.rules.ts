/**
 * Content against the tree: every painted item tagged or an artifact, marked content nested as
 * it may be, and every MCID joined both ways (tree → page content, page content → tree through
 * the ParentTree), with /StructParents keys that lead there.
 */
import { PDFArray, PDFRef } from 'pdf-lib';
import type { CheckContext } from '../check-context.js';
import { finding, type PdfUaFinding } from '../findings.js';
import { asDict, numberAt, refText, resolve } from '../pdf-objects.js';
import type { StructElement } from '../struct-tree.js';

export const checkContent = ({ pages }: CheckContext): PdfUaFinding[] => {
  const findings: PdfUaFinding[] = [];
  for (const { number, scan } of pages) {
    if (scan.untagged.size > 0) {
      const operators = [...scan.untagged]
        .map(([operator, count]) => `${operator} ×${count}`)
        .join(', ');
      findings.push(
        finding(
          'content.tagged',
          `painting operators outside tagged content and artifacts: ${operators}`,
          { page: number },
        ),
      );
    }
    for (const message of new Set(scan.nesting)) {
      findings.push(finding('content.nesting', message, { page: number }));
    }
    for (const mcid of new Set(scan.repeatedMcids)) {
      findings.push(
        finding('content.nesting', `MCID ${mcid} marks more than one sequence`, { page: number }),
      );
    }
  }
  return findings;
};

const key = (page: number | null, mcid: number): string => `${page ?? '?'}:${mcid}`;

/** Whether `element` itself names MCID `mcid` on 0-based page `page`. */
const ownsMcid = (element: StructElement, page: number, mcid: number): boolean =>
  element.kids.some((kid) => kid.kind === 'mcid' && kid.mcid === mcid && kid.page === page);

export const checkMarkedContent = ({ context, pages, tree }: CheckContext): PdfUaFinding[] => {
  if (tree === undefined) {
    const total = pages.reduce((sum, page) => sum + page.scan.mcids.size, 0);
    return [
      finding(
        'struct.root',
        `the catalog has no StructTreeRoot (${total} MCIDs in the content belong to nothing)`,
      ),
    ];
  }
  const findings: PdfUaFinding[] = [...tree.problems];
  const { parentTree } = tree;
  if (parentTree === undefined)
    findings.push(finding('struct.root', 'the StructTreeRoot has no /ParentTree'));
  const maxKey = Math.max(-1, ...(parentTree?.keys() ?? []));
  if (tree.parentTreeNextKey !== undefined && tree.parentTreeNextKey <= maxKey) {
    findings.push(
      finding(
        'struct.root',
        `/ParentTreeNextKey ${tree.parentTreeNextKey} is not above the largest ParentTree key ${maxKey}`,
      ),
    );
  }

  // The tree's side: every marked-content reference names content that exists.
  const inTree = new Set<string>();
  for (const element of tree.elements) {
    for (const kid of element.kids) {
      if (kid.kind !== 'mcid') continue;
      inTree.add(key(kid.page, kid.mcid));
      const page = kid.page === null ? undefined : pages[kid.page];
      if (page !== undefined && !page.scan.mcids.has(kid.mcid)) {
        findings.push(
          finding(
            'mcid.referenced',
            `the tree names MCID ${kid.mcid}, which page ${page.number} does not hold`,
            { page: page.number, path: element.path },
          ),
        );
      }
    }
  }

  const byRef = new Map(
    tree.elements
      .filter((element) => element.ref !== undefined)
      .map((element) => [refText(element.ref), element]),
  );
  const usedKeys = new Map<number, number>();
  for (const page of pages) {
    const { number, dict, scan } = page;
    if (scan.mcids.size === 0) continue;
    const missing = [...scan.mcids.keys()].filter((mcid) => !inTree.has(key(number - 1, mcid)));
    if (missing.length > 0) {
      findings.push(
        finding(
          'mcid.reachable',
          `${missing.length} MCID(s) in the content are in no structure element: ${missing.slice(0, 10).join(', ')}`,
          { page: number },
        ),
      );
    }
    const structParents = numberAt(dict, 'StructParents');
    if (structParents === undefined) {
      findings.push(
        finding('pages.structparents', 'the page holds MCIDs but has no /StructParents', {
          page: number,
          ref: refText(page.ref),
        }),
        // Without the key no reader can get from the content to its elements.
        finding(
          'mcid.reachable',
          `${scan.mcids.size} MCID(s) cannot be found through the ParentTree without /StructParents`,
          { page: number },
        ),
      );
      continue;
    }
    const other = usedKeys.get(structParents);
    if (other !== undefined) {
      findings.push(
        finding('pages.structparents', `/StructParents ${structParents} is also page ${other}'s`, {
          page: number,
        }),
      );
    }
    usedKeys.set(structParents, number);
    const raw = parentTree?.get(structParents);
    const entries = resolve(context, raw);
    if (!(entries instanceof PDFArray)) {
      findings.push(
        finding(
          'pages.structparents',
          `the ParentTree has no array for /StructParents ${structParents}`,
          { page: number },
        ),
      );
      continue;
    }
    const unreachable: number[] = [];
    for (const mcid of scan.mcids.keys()) {
      const slot = mcid < entries.size() ? entries.get(mcid) : undefined;
      const element = slot instanceof PDFRef ? byRef.get(refText(slot)) : undefined;
      if (element === undefined || !ownsMcid(element, number - 1, mcid)) {
        unreachable.push(mcid);
        if (
          slot instanceof PDFRef &&
          element === undefined &&
          asDict(resolve(context, slot)) !== undefined
        ) {
          findings.push(
            finding(
              'mcid.reachable',
              `the ParentTree entry for MCID ${mcid} names an element that is not in the structure tree`,
              { page: number, ref: refText(slot) },
            ),
          );
        }
      }
    }
    if (unreachable.length > 0) {
      findings.push(
        finding(
          'mcid.reachable',
          `${unreachable.length} MCID(s) are not found through the ParentTree (its entry missing or naming an element that does not hold it): ${unreachable.slice(0, 10).join(', ')}`,
          { page: number },
        ),
      );
    }
  }
  return findings;
};
