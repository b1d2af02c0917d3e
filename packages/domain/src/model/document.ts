import type { PortfolioAgreement } from './agreement.js';
import type { Declarations } from './declarations.js';
import type { AgendaItem, Attendance, Meeting } from './meeting.js';
import type { MinutesOfMeeting } from './minutes.js';
import type { Authority, Committee, Member, Portfolio } from './people.js';
import type { MeasureResult, PerformanceMeasure } from './performance.js';
import type { PerformanceReport } from './report.js';

/** The version of the document shapes below; bumped when a shape changes incompatibly. */
export const DOCUMENT_SCHEMA_VERSION = 1 as const;

/**
 * One meeting as a whole document: what `POST /api/v1/imports/meetings` takes, what
 * `GET /api/v1/meetings/:id/document` returns, and what `scrutineer-pack --input` reads.
 */
export type MeetingDocument = {
  readonly schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  readonly meeting: Meeting;
  readonly attendance: Attendance;
  readonly agendaItems: readonly AgendaItem[];
  readonly declarations: Declarations;
  /** Null before the meeting has been minuted. */
  readonly minutes: MinutesOfMeeting | null;
};

/**
 * A whole data set: one or more authorities and everything they hold. The sample council
 * ships as one of these; the API seeds from it and `scrutineer-pack --input` reads it.
 */
export type CouncilDataset = {
  readonly schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  readonly authorities: readonly Authority[];
  readonly members: readonly Member[];
  readonly committees: readonly Committee[];
  readonly portfolios: readonly Portfolio[];
  readonly measures: readonly PerformanceMeasure[];
  readonly agreements: readonly PortfolioAgreement[];
  readonly results: readonly MeasureResult[];
  readonly performanceReports: readonly PerformanceReport[];
  readonly meetings: readonly MeetingDocument[];
};
