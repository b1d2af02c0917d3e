import {
  Closed,
  IntegerEnum,
  LIMITS,
  List,
  Nullable,
  ReadOnly,
  Type,
  type Shape,
} from '../schema/kit.js';
import { PortfolioAgreement } from './agreement.js';
import { Declarations } from './declarations.js';
import { AgendaItem, Attendance, Meeting } from './meeting.js';
import { MinutesOfMeeting } from './minutes.js';
import { Authority, Committee, Member, Portfolio } from './people.js';
import {
  MeasureResult,
  PerformanceMeasure,
  RagAssessment,
  TrendAssessment,
} from './performance.js';
import { PerformanceReport } from './report.js';

/** The version of the document shapes below; bumped when a shape changes incompatibly. */
export const DOCUMENT_SCHEMA_VERSION = 1 as const;

const SchemaVersion = IntegerEnum([DOCUMENT_SCHEMA_VERSION] as const, {
  description: 'The version of the document shapes; 1.',
});

/**
 * One meeting as a whole document: what `POST /api/v1/imports/meetings` takes, what
 * `GET /api/v1/meetings/:id/document` returns, and what `scrutineer-pack --input` reads.
 */
export const MeetingDocument = Closed(
  {
    schemaVersion: SchemaVersion,
    meeting: Meeting,
    attendance: Attendance,
    agendaItems: List(AgendaItem, { maxItems: LIMITS.shortList }),
    declarations: Declarations,
    minutes: Nullable(MinutesOfMeeting, {
      description: 'Null before the meeting has been minuted.',
    }),
  },
  {
    title: 'MeetingDocument',
    description:
      'One meeting as a whole document: meeting, attendance, agenda, declarations and minutes.',
  },
);
export type MeetingDocument = Shape<typeof MeetingDocument>;

/**
 * A result in a data set: the figure, and the RAG and trend the API stored for it (ADR007) when
 * the data set comes from the API. Data read in (the sample council, a file) may leave them out;
 * it is assessed once when loaded (`assessDataset`), never by a document.
 */
export const DatasetResult = Closed(
  {
    ...MeasureResult.properties,
    rag: Type.Optional(ReadOnly(RagAssessment)),
    trend: Type.Optional(ReadOnly(TrendAssessment)),
  },
  {
    title: 'DatasetResult',
    description: 'A result with, when the API serves it, the RAG and trend it stored.',
  },
);
export type DatasetResult = Shape<typeof DatasetResult>;

/**
 * A whole data set: one or more authorities and everything they hold. The sample council
 * ships as one of these; the API seeds from it, serves slices of it (`GET …/dataset`) and
 * `scrutineer-pack --input` reads it.
 */
export const CouncilDataset = Closed(
  {
    schemaVersion: SchemaVersion,
    authorities: List(Authority, { maxItems: LIMITS.shortList }),
    members: List(Member, { maxItems: LIMITS.longList }),
    committees: List(Committee, { maxItems: LIMITS.longList }),
    portfolios: List(Portfolio, { maxItems: LIMITS.longList }),
    measures: List(PerformanceMeasure, { maxItems: LIMITS.longList * 4 }),
    agreements: List(PortfolioAgreement, { maxItems: LIMITS.longList }),
    results: List(DatasetResult, { maxItems: LIMITS.longList * 40 }),
    performanceReports: List(PerformanceReport, { maxItems: LIMITS.longList }),
    meetings: List(MeetingDocument, { maxItems: LIMITS.longList }),
  },
  {
    title: 'CouncilDataset',
    description: 'A whole data set: authorities and everything they hold.',
  },
);
export type CouncilDataset = Shape<typeof CouncilDataset>;
