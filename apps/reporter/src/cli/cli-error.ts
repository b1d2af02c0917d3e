/**
 * Exit codes of `scrutineer-pack`, printed in its `--help`. Scripts can tell a bad argument
 * from bad data, a missing meeting, a path they cannot write and an API that refused.
 */
export const EXIT_CODES = {
  /** The PDF (or every sample PDF) was written. */
  ok: 0,
  /** An unexpected failure while rendering (a bug: please report it with the input). */
  failure: 1,
  /** A missing or unknown option or argument. */
  usage: 2,
  /** The input file cannot be read, is not JSON, or is not a valid data set. */
  badInput: 3,
  /** The meeting or report asked for is not in the data, or has no minutes yet. */
  notFound: 4,
  /** The output path cannot be written (no such folder, a folder, no permission). */
  unwritable: 5,
  /** The API cannot be reached, refused the token, or answered with an error or bad data. */
  apiError: 6,
  /** `check`: the pre-publication check found errors (the agenda cannot be published yet). */
  notReady: 7,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** A failure the user can act on: its message is printed as is, with one line per detail. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** Further lines, e.g. one per validation problem with its JSON path. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export const describeExitCodes = (): string =>
  [
    'Exit codes:',
    `  ${EXIT_CODES.ok}  success`,
    `  ${EXIT_CODES.failure}  unexpected failure while rendering`,
    `  ${EXIT_CODES.usage}  bad usage (unknown command, missing or invalid option)`,
    `  ${EXIT_CODES.badInput}  input file unreadable, not JSON, or not a valid data set (each problem is printed with its JSON path)`,
    `  ${EXIT_CODES.notFound}  meeting or report not found, the meeting has no minutes, or no such supplementary agenda`,
    `  ${EXIT_CODES.unwritable}  output path cannot be written (nothing is left behind)`,
    `  ${EXIT_CODES.apiError}  API unreachable, token refused, or an error or invalid answer from the API`,
    `  ${EXIT_CODES.notReady}  check: the pre-publication check found errors (warnings alone exit 0)`,
  ].join('\n');
