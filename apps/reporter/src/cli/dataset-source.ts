import { readFile } from 'node:fs/promises';
import { parseCouncilDataset, type CouncilDataset, type Problem } from '@scrutineer/domain';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import {
  apiRoot,
  datasetPath,
  fetchDataset,
  type ApiSource,
  type DatasetScope,
} from './api-source.js';
import { describeFsError } from './atomic-write.js';
import { CliError, EXIT_CODES } from './cli-error.js';

/** Where the CLI reads its data: a CouncilDataset JSON file, a running API, or the sample council. */
export type DatasetSource =
  | { readonly kind: 'file'; readonly path: string }
  | ({ readonly kind: 'api' } & ApiSource)
  | { readonly kind: 'sample' };

export type { DatasetScope };

/** Loads and validates the data set; `scope` says what the command draws (the API is asked for only that). */
export const loadDataset = async (
  source: DatasetSource,
  scope: DatasetScope,
): Promise<CouncilDataset> => {
  switch (source.kind) {
    case 'file':
      return readDatasetFile(source.path);
    case 'api':
      // The API serves the slice its own PDF routes render; it is checked like any data file.
      return validateDataset(
        await fetchDataset(source, scope),
        `The data set from GET ${new URL(datasetPath(scope), apiRoot(source.baseUrl)).href}`,
        EXIT_CODES.apiError,
      );
    case 'sample':
      return loadSampleCouncil();
  }
};

export const describeSource = (source: DatasetSource): string => {
  switch (source.kind) {
    case 'file':
      return source.path;
    case 'api':
      return source.baseUrl;
    case 'sample':
      return 'the sample council';
  }
};

const readDatasetFile = async (path: string): Promise<CouncilDataset> => {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new CliError(EXIT_CODES.badInput, `Cannot read ${path}: ${describeFsError(error)}.`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      EXIT_CODES.badInput,
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  return validateDataset(value, path, EXIT_CODES.badInput);
};

/**
 * Checks a parsed value against the domain's CouncilDataset rules and lists every problem
 * with its JSON path. A lone MeetingDocument gets its own message: it lacks the authority,
 * committee and members a pack needs.
 */
export const validateDataset = (
  value: unknown,
  origin: string,
  exitCode: typeof EXIT_CODES.badInput | typeof EXIT_CODES.apiError,
): CouncilDataset => {
  if (isMeetingDocumentShape(value)) {
    throw new CliError(
      exitCode,
      `${origin} holds a single MeetingDocument; scrutineer-pack needs a CouncilDataset (schemaVersion, authorities, members, committees, portfolios, measures, agreements, results, performanceReports, meetings).`,
    );
  }
  const parsed = parseCouncilDataset(value);
  if (parsed.ok) return parsed.dataset;
  throw new CliError(
    exitCode,
    `${origin} is not a valid council data set (${countProblems(parsed.problems)}):`,
    parsed.problems.map(formatProblem),
  );
};

export const formatProblem = (problem: Problem): string =>
  `${problem.path}: ${problem.message} [${problem.code}]`;

const countProblems = (problems: readonly Problem[]): string =>
  `${problems.length} problem${problems.length === 1 ? '' : 's'}`;

const isMeetingDocumentShape = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  'meeting' in value &&
  'agendaItems' in value &&
  !('meetings' in value);
