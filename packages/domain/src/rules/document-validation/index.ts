/**
 * Document validation: `parseMeetingDocument` and `parseCouncilDataset` check a value's structure
 * against the document JSON Schema (structure.ts), then the rules a schema cannot state, one file
 * per group. These are the package's public names; the rule functions stay internal.
 */
export {
  parseCouncilDataset,
  parseMeetingDocument,
  type CouncilDatasetParse,
  type MeetingDocumentParse,
} from './parse.js';
export { exclusionCoverProblems } from './agenda-rules.js';
export {
  exemptionRegionRules,
  itemExemptionRules,
  minuteExemptionRules,
  nationConflicts,
  type NationConflict,
} from './exemption-rules.js';
