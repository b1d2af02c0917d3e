/** Why a document could not be made; the API and CLI map codes to statuses and exit codes. */
export type ReporterErrorCode =
  /** No meeting with that id in the data set. */
  | 'REPORTER.MEETING_NOT_FOUND'
  /** No performance report with that id in the data set. */
  | 'REPORTER.REPORT_NOT_FOUND'
  /** The meeting has not been minuted yet. */
  | 'REPORTER.NO_MINUTES'
  /** No late paper of the meeting was published in the supplementary agenda of that number. */
  | 'REPORTER.SUPPLEMENT_NOT_FOUND'
  /** The data set refers to something it does not hold (a committee, an authority, a report). */
  | 'REPORTER.INCONSISTENT_DATA'
  /** An option is not one the renderer knows (an edition other than public or confidential). */
  | 'REPORTER.INVALID_OPTION'
  /** A render thread or worker failed (it crashed, ran out of memory, or was stopped). */
  | 'REPORTER.RENDER_FAILED'
  /** Bytes given as a Word document (.docx) that are not one, or a damaged one (data.reason says which). */
  | 'REPORTER.INVALID_DOCX'
  /** An attached PDF is encrypted (a password or permissions): it cannot be read or merged. */
  | 'REPORTER.PDF_ENCRYPTED'
  /** An attached file is not a PDF that can be read: not a PDF at all, truncated or corrupt. */
  | 'REPORTER.PDF_DAMAGED'
  /** An attached PDF has no pages. */
  | 'REPORTER.PDF_NO_PAGES'
  /** An attached PDF does not have the pages the pack reserved for it (the stored page count is wrong). */
  | 'REPORTER.ATTACHMENT_MISMATCH';

export class ReporterError extends Error {
  override readonly name = 'ReporterError';
  constructor(
    readonly code: ReporterErrorCode,
    message: string,
    /** What was asked for and what was missing. */
    readonly data: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const isReporterError = (error: unknown): error is ReporterError =>
  error instanceof ReporterError;
