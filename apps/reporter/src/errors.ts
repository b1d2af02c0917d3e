/** Why a document could not be made; the API and CLI map codes to statuses and exit codes. */
export type ReporterErrorCode =
  /** No meeting with that id in the data set. */
  | 'REPORTER.MEETING_NOT_FOUND'
  /** No performance report with that id in the data set. */
  | 'REPORTER.REPORT_NOT_FOUND'
  /** The meeting has not been minuted yet. */
  | 'REPORTER.NO_MINUTES'
  /** The data set refers to something it does not hold (a committee, an authority, a report). */
  | 'REPORTER.INCONSISTENT_DATA'
  /** An option is not one the renderer knows (an edition other than public or confidential). */
  | 'REPORTER.INVALID_OPTION'
  /** A render thread or worker failed (it crashed, ran out of memory, or was stopped). */
  | 'REPORTER.RENDER_FAILED'
  /** Bytes given as a Word document (.docx) that are not one, or a damaged one (data.reason says which). */
  | 'REPORTER.INVALID_DOCX';

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
