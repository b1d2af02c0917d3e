/** The tree's vocabulary and outline: standard or role-mapped types, heading levels. */
import type { CheckContext } from '../check-context.js';
import { finding, type PdfUaFinding } from '../findings.js';
import { STANDARD_TYPES } from '../struct-tree.js';

export const checkStructureTypes = ({ tree }: CheckContext): PdfUaFinding[] => {
  if (tree === undefined) return [];
  const findings: PdfUaFinding[] = [];
  for (const [from, to] of tree.roleMap) {
    if (STANDARD_TYPES.has(from)) {
      findings.push(
        finding('struct.types', `the RoleMap remaps the standard type ${from} to ${to}`),
      );
    }
  }
  const reported = new Set<string>();
  for (const element of tree.elements) {
    if (STANDARD_TYPES.has(element.role) || reported.has(element.type)) continue;
    reported.add(element.type);
    const mapped = tree.roleMap.get(element.type);
    findings.push(
      finding(
        'struct.types',
        mapped === undefined
          ? `/${element.type} is not a standard structure type and the RoleMap does not map it`
          : `/${element.type} is role-mapped to /${element.role}, which is not a standard type`,
        { path: element.path },
      ),
    );
  }
  return findings;
};

const NUMBERED = /^H([1-6])$/;

/**
 * PDF/UA-1 7.4.2 with Matterhorn 14-002/003: numbered headings start at H1 and never go more
 * than one level deeper than the heading before (H1 → H3 skips); going back up is free.
 */
export const checkHeadings = ({ tree }: CheckContext): PdfUaFinding[] => {
  if (tree === undefined) return [];
  const findings: PdfUaFinding[] = [];
  let previous: number | undefined;
  let hasPlainH = false;
  let hasNumbered = false;
  for (const element of tree.elements) {
    if (element.role === 'H') hasPlainH = true;
    const match = NUMBERED.exec(element.role);
    if (match === null) continue;
    hasNumbered = true;
    const level = Number(match[1]);
    const where = {
      path: element.path,
      ...(element.page === null ? {} : { page: element.page + 1 }),
    };
    if (previous === undefined && level !== 1) {
      findings.push(finding('headings.first_h1', `the first heading is H${level}, not H1`, where));
    }
    if (previous !== undefined && level > previous + 1) {
      findings.push(
        finding(
          'headings.no_skip',
          `H${level} follows H${previous}: level ${previous + 1} is skipped`,
          where,
        ),
      );
    }
    previous = level;
  }
  if (hasPlainH && hasNumbered) {
    findings.push(finding('headings.h_vs_hn', 'the tree uses both H and numbered headings H1–H6'));
  }
  return findings;
};
