import {
  type CouncilDataset,
  formatDate,
  instant,
  type Instant,
  MeetingPublicationCheck,
  problemsOf,
  type PublicationFinding,
} from '@scrutineer/domain';
import { checkMeetingPublication } from '../check/publication-check.js';
import type { Edition } from '../model/agenda-pack.model.js';
import { fetchDataset, type ApiSource } from './api-source.js';
import { CliError, EXIT_CODES, type ExitCode } from './cli-error.js';
import type { CliIo } from './render-to-file.js';

/** `--at`: the instant to judge the five clear days from (default now). */
export const parseAt = (value: string | undefined, now: Date = new Date()): Instant => {
  if (value === undefined) return instant(now.toISOString());
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new CliError(
      EXIT_CODES.usage,
      `--at ${value} is not an ISO 8601 date-time (e.g. 2021-11-08T09:00:00Z).`,
    );
  }
  return instant(date.toISOString());
};

const placeOf = (finding: PublicationFinding): string => {
  const { where } = finding;
  const parts = [
    where.document === 'minutes' ? 'minutes' : null,
    where.itemNumber === null ? null : `item ${where.itemNumber}`,
    where.measureCode,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'meeting' : parts.join(', ');
};

/** The check for a person: one line per finding (severity, where, code), its message below. */
export const formatCheck = (check: MeetingPublicationCheck, title: string): string => {
  const lines = [
    `Pre-publication check of ${title} (${check.edition} edition)`,
    `Publish by ${formatDate(check.lastPublicationDate, true)} for five clear days.`,
    check.findings.length === 0
      ? 'Nothing to fix.'
      : `${check.errorCount} error${check.errorCount === 1 ? '' : 's'}, ${check.warningCount} warning${check.warningCount === 1 ? '' : 's'}:`,
  ];
  for (const finding of check.findings) {
    lines.push(
      '',
      `${finding.severity === 'error' ? 'ERROR  ' : 'WARNING'} ${placeOf(finding)} [${finding.code}] at ${finding.where.path}`,
      `  ${finding.message}`,
    );
  }
  lines.push(
    '',
    check.canPublish
      ? check.warningCount === 0
        ? 'Ready to publish.'
        : 'Can be published; the warnings are worth fixing first.'
      : 'Not ready to publish: the errors must be fixed first.',
  );
  return `${lines.join('\n')}\n`;
};

/** Prints the check (as text, or as the API's JSON with `json`) and returns the exit code: non-zero when there are errors. */
export const printCheck = (io: CliIo, check: MeetingPublicationCheck, json: boolean): ExitCode => {
  const title = `${check.committeeName}, ${formatDate(check.meetingDate, true)}`;
  io.stdout.write(json ? `${JSON.stringify(check, null, 2)}\n` : formatCheck(check, title));
  return check.canPublish ? EXIT_CODES.ok : EXIT_CODES.notReady;
};

/** Checks a meeting of a data set here (a file or the sample council) and prints it. */
export const runCheck = (
  io: CliIo,
  dataset: CouncilDataset,
  meetingId: string,
  options: { readonly edition: Edition; readonly at: Instant; readonly json: boolean },
): ExitCode =>
  printCheck(
    io,
    checkMeetingPublication(dataset, meetingId, options.edition, options.at),
    options.json,
  );

/**
 * The API's own check (`GET …/publication-check`, in the token's edition), checked against its
 * contract. The API checks what it stores, which can be what no data file may hold (an exempt
 * item before the exclusion of the public, built item by item), so the CLI asks rather than
 * checking the dataset route's answer, which it would refuse as invalid.
 */
export const fetchCheck = async (
  source: ApiSource,
  meetingId: string,
): Promise<MeetingPublicationCheck> => {
  const value = await fetchDataset(source, { kind: 'publication-check', meetingId });
  const problems = problemsOf(MeetingPublicationCheck, value);
  if (problems.length > 0) {
    throw new CliError(
      EXIT_CODES.apiError,
      `The API's answer to GET …/meetings/${meetingId}/publication-check is not a MeetingPublicationCheck:`,
      problems.map((problem) => `${problem.path}: ${problem.message}`),
    );
  }
  return value as MeetingPublicationCheck;
};
