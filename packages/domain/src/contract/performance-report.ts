/** The performance reports resource: `/api/v1/performance-reports` (PPRRs). */
import { Pence } from '../model/money.js';
import { PortfolioCode } from '../model/people.js';
import {
  CapitalMonitoringLine,
  PerformanceReport,
  PprrKind,
  ReserveMonitoringLine,
  RevenueMonitoringLine,
  SavingsMonitoringLine,
} from '../model/report.js';
import { FinancialYear, PeriodCode } from '../model/time.js';
import {
  Closed,
  List,
  Nullable,
  ReadOnly,
  Text,
  Type,
  type Shape,
  type TObject,
} from '../schema/kit.js';
import { IdParam, ListQuery, Page, Resource } from './common.js';

/** Forecast minus budget, derived by the server; null without a forecast. */
const Variance = ReadOnly(
  Nullable(Pence, { description: 'Forecast minus budget (derived); null without a forecast.' }),
);

/** A Part Two line as the API answers it: the domain's line and its variance. */
const withVariance = <T extends TObject>(line: T, title: string) =>
  Closed({ ...(line.properties as T['properties']), variance: Variance }, { title });

export const FinancialMonitoringResource = Closed(
  {
    revenue: List(withVariance(RevenueMonitoringLine, 'RevenueMonitoringLineResource')),
    reserves: List(withVariance(ReserveMonitoringLine, 'ReserveMonitoringLineResource')),
    savings: List(withVariance(SavingsMonitoringLine, 'SavingsMonitoringLineResource')),
    capital: List(withVariance(CapitalMonitoringLine, 'CapitalMonitoringLineResource')),
    commentary: PerformanceReport.properties.partTwo.properties.commentary,
  },
  {
    title: 'FinancialMonitoringResource',
    description: 'Part Two: the domain’s FinancialMonitoring with each line’s variance.',
  },
);
export type FinancialMonitoringResource = Shape<typeof FinancialMonitoringResource>;

/** What the server derives from the period: its code and its printed name. */
const PERIOD_NAMES = {
  periodCode: ReadOnly(PeriodCode),
  periodLabel: ReadOnly(
    Text({ maxLength: 40, description: 'As printed, e.g. `Mid-year 2021/22`.' }),
  ),
} as const;

const { properties: report } = PerformanceReport;

/**
 * A PPRR as stored. Its id is the server's (portfolio, year and kind); a PUT may not change
 * the portfolio, year or kind.
 */
export const PerformanceReportResource = Resource(
  'PerformanceReportResource',
  {
    ...report,
    id: ReadOnly(report.id),
    ...PERIOD_NAMES,
    partTwo: FinancialMonitoringResource,
  },
  'A Portfolio Performance and Resource Report: the domain’s PerformanceReport, Part Two’s variances and the server’s version and timestamps.',
);
export type PerformanceReportResource = Shape<typeof PerformanceReportResource>;

/** A PPRR in a list: its header. */
export const PerformanceReportSummaryResource = Resource('PerformanceReportSummaryResource', {
  id: ReadOnly(report.id),
  portfolioCode: report.portfolioCode,
  year: report.year,
  kind: report.kind,
  period: report.period,
  ...PERIOD_NAMES,
  date: report.date,
  title: report.title,
});
export type PerformanceReportSummaryResource = Shape<typeof PerformanceReportSummaryResource>;

export const PerformanceReportPage = Page(PerformanceReportSummaryResource);
export type PerformanceReportPage = Shape<typeof PerformanceReportPage>;

/** The body of `PUT /performance-reports/{id}/part-one`. */
export const PartOne = Closed(
  { partOne: report.partOne },
  { title: 'PartOne', description: 'Part One: per priority, highlights, exceptions, measures.' },
);
export type PartOne = Shape<typeof PartOne>;

/** The sort fields of the reports list (the service's parseSort allows exactly these). */
export const PERFORMANCE_REPORT_SORTS = ['date', 'portfolio', 'year'] as const;
export const PerformanceReportQuery = ListQuery(PERFORMANCE_REPORT_SORTS, {
  portfolio: Type.Optional(PortfolioCode),
  year: Type.Optional(FinancialYear),
  kind: Type.Optional(PprrKind),
});
export type PerformanceReportQuery = Shape<typeof PerformanceReportQuery>;

export const PerformanceReportParams = IdParam(
  'id',
  'The report’s id, e.g. `cfse-2021-22-mid-year`.',
);

/** What a POST or PUT body holds once the server's fields (id, period names, variances) are stripped. */
export type PerformanceReportInput = Omit<PerformanceReport, 'id'>;
