import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DomainError,
  parseCouncilDataset,
  type CouncilDataset,
  type MeetingDocument,
  type PerformanceReport,
} from '@scrutineer/domain';

/** Absolute path of the sample data set, for tools that read the file themselves (API seed, reporter CLI). */
export const sampleCouncilPath = fileURLToPath(
  new URL('../data/sample-council.json', import.meta.url),
);

/** Stable ids of the sample's meetings and reports, for tests and examples. */
export const sampleIds = {
  stockportJune2021: 'stockport-cfsc-2021-06-16',
  stockportNovember2021: 'stockport-cfsc-2021-11-24',
  stockportMarch2022: 'stockport-cfsc-2022-03-09',
  westSussexNovember2021: 'west-sussex-cypssc-2021-11-17',
  flintshireJanuary2022: 'flintshire-cros-2022-01-13',
  cfseMidYear2021: 'stockport-cfse-2021-22-mid-year',
  cfseQ3Update2021: 'stockport-cfse-2021-22-q3',
  westSussexCypQ2: 'west-sussex-cyp-2021-22-q2',
  westSussexLsQ2: 'west-sussex-ls-2021-22-q2',
} as const;

export { exemptPassages } from './exempt-passages.js';

/**
 * Reads a council data set from a JSON file and checks it with the domain's `parseCouncilDataset`.
 * Throws a DomainError naming the file and every problem (JSON path and message) if it is invalid.
 */
export const loadCouncilDataset = (path: string): CouncilDataset => {
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `${path} is not valid JSON: ${(error as Error).message}`,
      { path },
    );
  }
  const parsed = parseCouncilDataset(value);
  if (!parsed.ok) {
    const shown = parsed.problems
      .slice(0, 10)
      .map((problem) => `${problem.path}: ${problem.message}`)
      .join('; ');
    const more = parsed.problems.length > 10 ? ` and ${parsed.problems.length - 10} more` : '';
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `${path} is not a valid council data set: ${shown}${more}`,
      { path, problems: parsed.problems },
    );
  }
  return parsed.dataset;
};

/** The illustrative sample council (Stockport CFSE 2021/22 and West Sussex Q2 2021/22), checked. */
export const loadSampleCouncil = (): CouncilDataset => loadCouncilDataset(sampleCouncilPath);

export const findMeeting = (dataset: CouncilDataset, id: string): MeetingDocument | undefined =>
  dataset.meetings.find((document) => document.meeting.id === id);

export const findPerformanceReport = (
  dataset: CouncilDataset,
  id: string,
): PerformanceReport | undefined => dataset.performanceReports.find((report) => report.id === id);

export {
  attachSamplePapers,
  samplePaperExemptPassages,
  samplePaperMediaType,
  samplePapers,
  type SamplePaper,
  type SamplePaperFormat,
  type SamplePaperSection,
} from './papers.js';
