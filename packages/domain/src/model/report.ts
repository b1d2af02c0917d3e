import type { Brand } from '../brand.js';
import type { Maybe } from '../missing.js';
import type { Pence } from './money.js';
import type { OfficerContact, PortfolioCode } from './people.js';
import type { MeasureCode } from './performance.js';
import type { Recommendations, ReportSection } from './text.js';
import type { FinancialYear, LocalDate, ReportingPeriod } from './time.js';

export type PerformanceReportId = Brand<string, 'PerformanceReportId'>;

/** The four updates in a portfolio's year (DOMAIN.md "The yearly cycle"). */
export type PprrKind = 'first-update' | 'mid-year' | 'third-quarter-update' | 'annual';

/** Part One: per priority, the highlights, the exceptions and the measures reported this time. */
export type PriorityUpdate = {
  readonly priorityNumber: number;
  readonly title: string;
  readonly highlights: readonly string[];
  readonly exceptions: readonly string[];
  /** The measures reported under this priority this period (a Q3 update lists only those with new data). */
  readonly measureCodes: readonly MeasureCode[];
};

/** Part Two: one revenue line, its budget and the forecast (or out-turn) against it. Variance is derived. */
export type RevenueMonitoringLine = {
  readonly service: string;
  readonly budget: Pence;
  readonly forecast: Maybe<Pence>;
};

export type ReserveMonitoringLine = {
  readonly name: string;
  readonly balance: Pence;
  readonly forecastUse: Maybe<Pence>;
};

/** Delivery of a savings line: achieved or forecast to be, with a RAG the finance team sets. */
export type SavingsMonitoringLine = {
  readonly title: string;
  readonly target: Pence;
  readonly forecast: Maybe<Pence>;
  readonly commentary: string | null;
};

export type CapitalMonitoringLine = {
  readonly scheme: string;
  readonly budget: Pence;
  readonly forecast: Maybe<Pence>;
  readonly commentary: string | null;
};

export type FinancialMonitoring = {
  readonly revenue: readonly RevenueMonitoringLine[];
  readonly reserves: readonly ReserveMonitoringLine[];
  readonly savings: readonly SavingsMonitoringLine[];
  readonly capital: readonly CapitalMonitoringLine[];
  readonly commentary: readonly string[];
};

/** A Portfolio Performance and Resource Report (PPRR). */
export type PerformanceReport = {
  readonly id: PerformanceReportId;
  readonly portfolioCode: PortfolioCode;
  readonly year: FinancialYear;
  readonly kind: PprrKind;
  readonly period: ReportingPeriod;
  /** Header block: REPORT TO, DATE, REPORT OF, REPORT TITLE. */
  readonly reportTo: string;
  readonly date: LocalDate;
  /** One or more officers (a joint report). */
  readonly reportOf: readonly string[];
  readonly title: string;
  readonly sections: readonly ReportSection[];
  readonly recommendations: Recommendations;
  readonly partOne: readonly PriorityUpdate[];
  readonly partTwo: FinancialMonitoring;
  readonly furtherInformation: readonly string[];
  readonly contacts: readonly OfficerContact[];
};
