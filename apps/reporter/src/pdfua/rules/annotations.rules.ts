/**
 * Annotations (PDF/UA-1 7.18): a Link annotation is an OBJR kid of a Link element that its
 * /StructParent leads to, and is described by /Contents; every Link element holds one; other
 * annotations are tagged; a page with annotations orders tabs by structure.
 */
import { PDFRef } from 'pdf-lib';
import type { CheckContext } from '../check-context.js';
import { finding, type PdfUaFinding } from '../findings.js';
import {
  asDict,
  entry,
  itemsOf,
  nameAt,
  numberAt,
  refText,
  resolve,
  textAt,
} from '../pdf-objects.js';
import type { StructElement } from '../struct-tree.js';

export const checkAnnotations = ({ context, pages, tree }: CheckContext): PdfUaFinding[] => {
  const findings: PdfUaFinding[] = [];
  // Which element holds each annotation as an OBJR, by the annotation's reference.
  const holder = new Map<string, StructElement>();
  for (const element of tree?.elements ?? []) {
    const objrs = element.kids.filter((kid) => kid.kind === 'objr');
    for (const kid of objrs) {
      if (kid.target !== undefined) holder.set(refText(kid.target) ?? '', element);
    }
    if (element.role === 'Link' && objrs.length === 0) {
      findings.push(
        finding('links.tagged', 'a Link element without an OBJR naming its annotation', {
          path: element.path,
        }),
      );
    }
  }
  const byRef = new Map(
    (tree?.elements ?? []).map((element) => [refText(element.ref) ?? '', element]),
  );

  for (const page of pages) {
    const annotations = itemsOf(entry(page.dict, 'Annots'));
    if (annotations.length === 0) continue;
    if (nameAt(page.dict, 'Tabs') !== 'S') {
      findings.push(
        finding('pages.tabs', 'a page with annotations has no /Tabs /S', {
          page: page.number,
          ref: refText(page.ref),
        }),
      );
    }
    for (const raw of annotations) {
      const ref = raw instanceof PDFRef ? raw : undefined;
      const annotation = asDict(resolve(context, raw));
      if (annotation === undefined) continue;
      const subtype = nameAt(annotation, 'Subtype');
      const where = { page: page.number, ...(ref === undefined ? {} : { ref: refText(ref) }) };
      const owner = ref === undefined ? undefined : holder.get(refText(ref) ?? '');
      if (subtype === 'Link') {
        const structParent = numberAt(annotation, 'StructParent');
        const slot = structParent === undefined ? undefined : tree?.parentTree?.get(structParent);
        const viaParentTree = slot instanceof PDFRef ? byRef.get(refText(slot) ?? '') : undefined;
        if (owner === undefined || owner.role !== 'Link') {
          findings.push(
            finding(
              'links.tagged',
              `a Link annotation that no Link element holds as an OBJR${owner === undefined ? '' : ` (a ${owner.role} does)`}`,
              where,
            ),
          );
        } else if (structParent === undefined) {
          findings.push(
            finding('links.tagged', 'a Link annotation without /StructParent', {
              ...where,
              path: owner.path,
            }),
          );
        } else if (viaParentTree !== owner) {
          findings.push(
            finding(
              'links.tagged',
              `the ParentTree entry for /StructParent ${structParent} is not the Link element that holds the annotation`,
              { ...where, path: owner.path },
            ),
          );
        }
        if ((textAt(annotation, 'Contents') ?? '').trim() === '') {
          findings.push(
            finding('links.contents', 'a Link annotation without a /Contents description', where),
          );
        }
      } else if (subtype !== 'Popup' && owner === undefined) {
        findings.push(
          finding(
            'annots.tagged',
            `a ${subtype ?? 'untyped'} annotation outside the structure tree`,
            where,
          ),
        );
      }
    }
  }
  return findings;
};
