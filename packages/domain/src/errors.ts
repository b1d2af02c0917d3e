/**
 * Domain errors carry a stable `code` and the offending data, never an HTTP status:
 * the API maps codes to statuses in one table (apps/api/src/common/problem.ts).
 */
export type DomainErrorCode =
  /** A value has the wrong shape (a date that is not YYYY-MM-DD, a measure code like "cfse 28"). */
  | 'VALIDATION.INVALID_VALUE'
  /** A required value is missing. */
  | 'VALIDATION.REQUIRED'
  /** Two values that must agree do not (a target's unit and its measure's unit). */
  | 'VALIDATION.MISMATCH'
  /** A field the schema does not know (documents are closed: `additionalProperties: false`). */
  | 'VALIDATION.UNKNOWN_FIELD'
  /** A value that must be unique appears twice (two agenda items numbered `5`, two minutes `OS.190`). */
  | 'VALIDATION.DUPLICATE'
  /** A reference to something the document does not hold (a declaration on agenda item 9 of an 8-item agenda). */
  | 'VALIDATION.UNKNOWN_REFERENCE'
  /** Things that must come in order do not (minute sequences, exclusion of the public before exempt items). */
  | 'VALIDATION.OUT_OF_ORDER'
  /** Money that is not a whole number of pence, or outside the safe integer range. */
  | 'MONEY.NOT_INTEGER_PENCE'
  /** A lifecycle transition the domain does not allow (approved → draft). */
  | 'LIFECYCLE.INVALID_TRANSITION'
  /** An approved agreement cannot change. */
  | 'AGREEMENT.APPROVED'
  /** Approved minutes are the signed record and cannot change. */
  | 'MINUTES.ALREADY_APPROVED'
  /** An exempt item must name its Schedule 12A paragraph (1–7). */
  | 'EXEMPTION.PARAGRAPH_REQUIRED'
  /** The pre-publication check found errors (an exempt item before the exclusion of the public): the agenda is not published. */
  | 'PUBLICATION.HAS_ERRORS'
  /** A paper added after the agenda was published has no reason for urgency (LGA 1972 s.100B(4)(b)). */
  | 'LATE_PAPER.URGENCY_REQUIRED'
  /** A paper sent as late before the agenda is published: nothing is late yet. */
  | 'LATE_PAPER.AGENDA_NOT_PUBLISHED'
  /** A late paper's reason for urgency, once a supplement published it, cannot change. */
  | 'LATE_PAPER.ALREADY_PUBLISHED'
  /** A supplementary agenda asked for when no late paper is waiting for one. */
  | 'LATE_PAPER.NOTHING_PENDING'
  /** A meeting already has the most supplementary agendas it can. */
  | 'LATE_PAPER.TOO_MANY_SUPPLEMENTS';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** What was wrong: the offending value and where it came from. */
    readonly data: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** One problem found while validating a document, located by a JSON path such as `$.agendaItems[3].exemption`. */
export type Problem = {
  readonly path: string;
  readonly code: DomainErrorCode;
  readonly message: string;
  readonly value?: unknown;
};
