import type { Brand } from '../brand.js';
import { Maybe } from '../missing.js';
import {
  BrandedString,
  Closed,
  LIMITS,
  List,
  Nullable,
  StringEnum,
  Text,
  type Shape,
} from '../schema/kit.js';
import { Pence } from './money.js';
import { OfficerContact, PortfolioCode } from './people.js';
import { MeasureCode, PriorityNumber } from './performance.js';
import { Recommendations, ReportSection } from './text.js';
import { FinancialYear, LocalDate, ReportingPeriod } from './time.js';

export type PerformanceReportId = Brand<string, 'PerformanceReportId'>;
export const PerformanceReportId = BrandedString<PerformanceReportId>({
  title: 'PerformanceReportId',
  minLength: 1,
  maxLength: LIMITS.id,
  description: 'A PPRR’s id, e.g. `cfse-2021-22-mid-year`.',
});

export const PPRR_KINDS = ['first-update', 'mid-year', 'third-quarter-update', 'annual'] as const;
/** The four updates in a portfolio's year (DOMAIN.md "The yearly cycle"). */
export type PprrKind = (typeof PPRR_KINDS)[number];
export const PprrKind = StringEnum(PPRR_KINDS, {
  title: 'PprrKind',
  description: 'Which of the four updates of the year it is.',
});

/** A paragraph of a report (a highlight, an exception, a line of commentary). */
const Paragraph = Text({ minLength: 0, maxLength: LIMITS.paragraph });

/** Part One: per priority, the highlights, the exceptions and the measures reported this time. */
export const PriorityUpdate = Closed(
  {
    priorityNumber: PriorityNumber,
    title: Text({ maxLength: 500 }),
    highlights: List(Paragraph, { maxItems: 100 }),
    exceptions: List(Paragraph, { maxItems: 100 }),
    /** The measures reported under this priority this period (a Q3 update lists only those with new data). */
    measureCodes: List(MeasureCode, {
      description: 'The measures reported under this priority this period.',
    }),
  },
  { title: 'PriorityUpdate' },
);
export type PriorityUpdate = Shape<typeof PriorityUpdate>;

/** A forecast (or out-turn) against a budget; `Unknown` when there is none, and why. */
const Forecast = Maybe(Pence);

/** Part Two: one revenue line, its budget and the forecast (or out-turn) against it. Variance is derived. */
export const RevenueMonitoringLine = Closed(
  { service: Text({ maxLength: 500 }), budget: Pence, forecast: Forecast },
  { title: 'RevenueMonitoringLine' },
);
export type RevenueMonitoringLine = Shape<typeof RevenueMonitoringLine>;

export const ReserveMonitoringLine = Closed(
  { name: Text({ maxLength: 500 }), balance: Pence, forecastUse: Forecast },
  { title: 'ReserveMonitoringLine' },
);
export type ReserveMonitoringLine = Shape<typeof ReserveMonitoringLine>;

/** Delivery of a savings line: achieved or forecast to be, with a RAG the finance team sets. */
export const SavingsMonitoringLine = Closed(
  {
    title: Text({ maxLength: 500 }),
    target: Pence,
    forecast: Forecast,
    commentary: Nullable(Paragraph),
  },
  { title: 'SavingsMonitoringLine' },
);
export type SavingsMonitoringLine = Shape<typeof SavingsMonitoringLine>;

export const CapitalMonitoringLine = Closed(
  {
    scheme: Text({ maxLength: 500 }),
    budget: Pence,
    forecast: Forecast,
    commentary: Nullable(Paragraph),
  },
  { title: 'CapitalMonitoringLine' },
);
export type CapitalMonitoringLine = Shape<typeof CapitalMonitoringLine>;

export const FinancialMonitoring = Closed(
  {
    revenue: List(RevenueMonitoringLine),
    reserves: List(ReserveMonitoringLine),
    savings: List(SavingsMonitoringLine),
    capital: List(CapitalMonitoringLine),
    commentary: List(Paragraph, { maxItems: 100 }),
  },
  { title: 'FinancialMonitoring', description: 'Part Two: financial resources and monitoring.' },
);
export type FinancialMonitoring = Shape<typeof FinancialMonitoring>;

/** A Portfolio Performance and Resource Report (PPRR). */
export const PerformanceReport = Closed(
  {
    id: PerformanceReportId,
    portfolioCode: PortfolioCode,
    year: FinancialYear,
    kind: PprrKind,
    period: ReportingPeriod,
    /** Header block: REPORT TO, DATE, REPORT OF, REPORT TITLE. */
    reportTo: Text({ description: 'Header block: REPORT TO.' }),
    date: LocalDate,
    /** One or more officers (a joint report). */
    reportOf: List(Text(), {
      maxItems: 10,
      description: 'Header block: REPORT OF (two or more for a joint report).',
    }),
    title: Text({ maxLength: 500 }),
    sections: List(ReportSection, { maxItems: 100 }),
    recommendations: Recommendations,
    partOne: List(PriorityUpdate, { maxItems: 50 }),
    partTwo: FinancialMonitoring,
    furtherInformation: List(Paragraph, { maxItems: 50 }),
    contacts: List(OfficerContact, { maxItems: 20 }),
  },
  {
    title: 'PerformanceReport',
    description: 'A Portfolio Performance and Resource Report (PPRR).',
  },
);
export type PerformanceReport = Shape<typeof PerformanceReport>;
