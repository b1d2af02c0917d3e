/** The two parsers: structure first, then (once the structure is sound) the semantic rules. */
import type { Problem } from '../../errors.js';
import type { CouncilDataset, MeetingDocument } from '../../model/document.js';
import { datasetRules } from './dataset-rules.js';
import { meetingRules } from './meeting-rules.js';
import { structureProblems } from './structure.js';

export type MeetingDocumentParse =
  | { readonly ok: true; readonly document: MeetingDocument }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export type CouncilDatasetParse =
  | { readonly ok: true; readonly dataset: CouncilDataset }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Checks structure, then (once the structure is sound) the semantic rules; reports every problem. */
export const parseMeetingDocument = (value: unknown): MeetingDocumentParse => {
  const structural = structureProblems('MeetingDocument', value);
  if (structural.length > 0) return { ok: false, problems: structural };
  const document = value as MeetingDocument;
  const problems = meetingRules(document, []);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document };
};

/** Like `parseMeetingDocument`, for a whole data set: ids unique and every reference resolves. */
export const parseCouncilDataset = (value: unknown): CouncilDatasetParse => {
  const structural = structureProblems('CouncilDataset', value);
  if (structural.length > 0) return { ok: false, problems: structural };
  const dataset = value as CouncilDataset;
  const problems = datasetRules(dataset);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
};
