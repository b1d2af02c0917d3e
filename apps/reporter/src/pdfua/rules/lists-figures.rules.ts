/** Lists (L > LI > Lbl | LBody), figures' alternate text and notes' IDs. */
import type { CheckContext } from '../check-context.js';
import { finding, type PdfUaFinding } from '../findings.js';
import { textAt } from '../pdf-objects.js';

const LIST_ITEM_PARTS = new Set(['Lbl', 'LBody']);

export const checkLists = ({ tree }: CheckContext): PdfUaFinding[] => {
  if (tree === undefined) return [];
  const findings: PdfUaFinding[] = [];
  for (const element of tree.elements) {
    const parent = element.parent?.role ?? 'the root';
    const at = { path: element.path };
    if (element.role === 'LI' && parent !== 'L') {
      findings.push(finding('lists.structure', `an LI inside ${parent}, not an L`, at));
    }
    if (LIST_ITEM_PARTS.has(element.role) && parent !== 'LI') {
      findings.push(
        finding('lists.structure', `an ${element.role} inside ${parent}, not an LI`, at),
      );
    }
    if (element.role === 'L') {
      for (const kid of element.kids) {
        if (kid.kind !== 'element')
          findings.push(finding('lists.structure', 'content directly in an L, outside any LI', at));
        else if (!['LI', 'L', 'Caption'].includes(kid.element.role)) {
          findings.push(
            finding(
              'lists.structure',
              `a ${kid.element.role} inside an L, where only LI (or a nested L, a Caption) may be`,
              { path: kid.element.path },
            ),
          );
        }
      }
    }
    if (element.role === 'LI') {
      for (const kid of element.kids) {
        if (kid.kind !== 'element')
          findings.push(
            finding('lists.structure', 'content directly in an LI, outside Lbl and LBody', at),
          );
        else if (!LIST_ITEM_PARTS.has(kid.element.role)) {
          findings.push(
            finding(
              'lists.structure',
              `a ${kid.element.role} inside an LI, where only Lbl and LBody may be`,
              { path: kid.element.path },
            ),
          );
        }
      }
    }
  }
  return findings;
};

export const checkFigures = ({ tree }: CheckContext): PdfUaFinding[] => {
  if (tree === undefined) return [];
  return tree.elements
    .filter((element) => element.role === 'Figure' || element.role === 'Formula')
    .filter(
      (element) =>
        !['Alt', 'ActualText'].some((key) => (textAt(element.dict, key) ?? '').trim() !== ''),
    )
    .map((element) =>
      finding('figures.alt', `a ${element.role} without /Alt or /ActualText`, {
        path: element.path,
        ...(element.page === null ? {} : { page: element.page + 1 }),
      }),
    );
};

/** Every Note has an /ID, and no two share one (PDF/UA-1 7.9; Matterhorn 19-003, 19-004). */
export const checkNotes = ({ tree }: CheckContext): PdfUaFinding[] => {
  if (tree === undefined) return [];
  const findings: PdfUaFinding[] = [];
  const seen = new Set<string>();
  for (const element of tree.elements.filter((candidate) => candidate.role === 'Note')) {
    const at = {
      path: element.path,
      ...(element.page === null ? {} : { page: element.page + 1 }),
    };
    const id = textAt(element.dict, 'ID');
    if (id === undefined || id === '') findings.push(finding('notes.id', 'a Note without /ID', at));
    else if (seen.has(id))
      findings.push(finding('notes.id', `two Notes with the same /ID (${id})`, at));
    else seen.add(id);
  }
  return findings;
};
