/**
 * The structural step: a value against the document shapes (model/document.ts) with the one
 * validator (schema/validate.ts), as problems with JSON paths. Its interface is
 * `structureProblems(root, value)`; the semantic rules only run once this step finds nothing.
 */
import type { Problem } from '../../errors.js';
import { CouncilDataset, MeetingDocument } from '../../model/document.js';
import { problemsOf } from '../../schema/validate.js';

/** The shapes a whole document can have. */
export type DocumentRoot = 'MeetingDocument' | 'CouncilDataset';

const ROOTS = { MeetingDocument, CouncilDataset } as const;

/** A problem with a Schedule 12A paragraph (`….exemption.paragraph`, or one missing) gets its own code. */
const asExemptionProblem = (problem: Problem): Problem => {
  if (/\.exemption\.paragraph$/.test(problem.path)) {
    return problem.code === 'VALIDATION.REQUIRED'
      ? { ...problem, code: 'EXEMPTION.PARAGRAPH_REQUIRED' }
      : {
          ...problem,
          code: 'EXEMPTION.PARAGRAPH_REQUIRED',
          message: `A Schedule 12A paragraph must be one of 1 to 7 (England) or 12 to 18 (Wales), got ${JSON.stringify(problem.value)}`,
        };
  }
  return problem;
};

/**
 * Structure problems of `value` read as a `root`, one per schema violation, in document order;
 * duplicates removed. An empty list means the value has the shape of a `root`.
 */
export const structureProblems = (root: DocumentRoot, value: unknown): Problem[] =>
  problemsOf(ROOTS[root], value).map(asExemptionProblem);
