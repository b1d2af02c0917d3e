import { CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { toProblem } from '../common/problem.js';

/**
 * Exit codes of `scrutineer-api`, printed in its `--help`, so a script can tell a mistyped command
 * from bad data, a missing record, a clash with what is stored and a database it cannot reach.
 */
export const EXIT_CODES = {
  /** Done. */
  ok: 0,
  /** An unexpected failure (a bug: please report it with the command). */
  failure: 1,
  /** An unknown command, a missing or invalid option, or an invalid environment (DATABASE_URL…). */
  usage: 2,
  /** A value or file given is not valid (a token name, a portfolio code, a meeting document). */
  badInput: 3,
  /** What the command names is not in the database (a token, a portfolio, a meeting). */
  notFound: 4,
  /** The command clashes with what is stored (already revoked, already loaded, already exists). */
  conflict: 5,
  /** The database cannot be reached or opened (no server, wrong password, a path that cannot be made). */
  databaseUnavailable: 6,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** A failure the operator can act on: its message is printed as is, with one line per detail. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export const describeExitCodes = (): string =>
  [
    'Exit codes:',
    `  ${EXIT_CODES.ok}  success`,
    `  ${EXIT_CODES.failure}  unexpected failure`,
    `  ${EXIT_CODES.usage}  bad usage (unknown command, missing or invalid option, invalid DATABASE_URL or other variable)`,
    `  ${EXIT_CODES.badInput}  bad input (an invalid value or file; each problem is printed)`,
    `  ${EXIT_CODES.notFound}  not found (no such token, portfolio or meeting)`,
    `  ${EXIT_CODES.conflict}  conflict with what is stored (e.g. the token is already revoked, the sample council is already loaded)`,
    `  ${EXIT_CODES.databaseUnavailable}  database unreachable or cannot be opened (fails within DATABASE_CONNECT_TIMEOUT_MS, 10 s by default)`,
  ].join('\n');

/** The exit code of an error the API would answer with this HTTP status. */
const byStatus = (status: number): ExitCode =>
  status === 404
    ? EXIT_CODES.notFound
    : status === 409 || status === 412
      ? EXIT_CODES.conflict
      : status === 503
        ? EXIT_CODES.databaseUnavailable
        : status >= 400 && status < 500
          ? EXIT_CODES.badInput
          : EXIT_CODES.failure;

/**
 * Any error as a {@link CliError}. API and domain errors keep their message and take the exit
 * code of the HTTP status the API gives them (one table, common/problem.ts); anything else is an
 * unexpected failure. (withDataSource turns a database that cannot be reached into a CliError.)
 */
export const toCliError = (error: unknown): CliError => {
  if (error instanceof CliError) return error;
  if (error instanceof CommanderError) {
    return new CliError(error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage, error.message);
  }
  if (error instanceof ConfigError) return new CliError(EXIT_CODES.usage, error.message);
  const { status, body } = toProblem(error, { instance: '', requestId: null });
  if (status < 500) {
    return new CliError(
      byStatus(status),
      body.detail,
      (body.errors ?? []).map((problem) => `${problem.path}: ${problem.message}`),
    );
  }
  return new CliError(
    EXIT_CODES.failure,
    `Unexpected failure (please report it): ${error instanceof Error ? error.message : String(error)}`,
  );
};
