import type {
  FinancialMonitoring,
  FinancialMonitoringResource,
  FinancialYear,
  PerformanceReportResource,
  PerformanceReportSummaryResource,
  PeriodCode,
  Maybe,
  Pence,
  PerformanceReport,
  PerformanceReportId,
  PprrKind,
} from '@scrutineer/domain';
import {
  financialYear,
  isUnknown,
  localDate,
  parsePeriodCode,
  pence,
  periodCode,
  periodLabel,
  portfolioCode,
  unknown,
  variance,
} from '@scrutineer/domain';
import {
  type MoneyLineKind,
  PerformanceReportEntity,
  ReportMoneyLineEntity,
} from './performance-report.entity.js';

const forecastOf = (line: ReportMoneyLineEntity): Maybe<Pence> =>
  line.forecast === null
    ? unknown(line.forecastUnknownReason ?? 'No forecast given')
    : pence(line.forecast);

const linesOf = (entity: PerformanceReportEntity, kind: MoneyLineKind): ReportMoneyLineEntity[] =>
  (entity.moneyLines ?? [])
    .filter((line) => line.kind === kind)
    .sort((a, b) => a.position - b.position);

/** Needs the report loaded with its money lines. */
export const partTwoToDomain = (entity: PerformanceReportEntity): FinancialMonitoring => ({
  revenue: linesOf(entity, 'revenue').map((line) => ({
    service: line.label,
    budget: pence(line.amount),
    forecast: forecastOf(line),
  })),
  reserves: linesOf(entity, 'reserve').map((line) => ({
    name: line.label,
    balance: pence(line.amount),
    forecastUse: forecastOf(line),
  })),
  savings: linesOf(entity, 'savings').map((line) => ({
    title: line.label,
    target: pence(line.amount),
    forecast: forecastOf(line),
    commentary: line.commentary,
  })),
  capital: linesOf(entity, 'capital').map((line) => ({
    scheme: line.label,
    budget: pence(line.amount),
    forecast: forecastOf(line),
    commentary: line.commentary,
  })),
  commentary: entity.financialCommentary,
});

/** Needs the report loaded with its money lines. */
export const toDomain = (entity: PerformanceReportEntity): PerformanceReport => ({
  id: entity.id as PerformanceReportId,
  portfolioCode: portfolioCode(entity.portfolioCode),
  year: financialYear(entity.year),
  kind: entity.kind as PprrKind,
  period: parsePeriodCode(entity.periodCode),
  reportTo: entity.reportTo,
  date: localDate(entity.date),
  reportOf: entity.reportOf,
  title: entity.title,
  sections: entity.sections,
  recommendations: entity.recommendations,
  partOne: entity.partOne,
  partTwo: partTwoToDomain(entity),
  furtherInformation: entity.furtherInformation,
  contacts: entity.contacts,
});

const moneyLine = (
  reportId: string,
  kind: MoneyLineKind,
  position: number,
  values: {
    label: string;
    amount: Pence;
    forecast: Maybe<Pence>;
    commentary: string | null;
  },
): ReportMoneyLineEntity =>
  Object.assign(new ReportMoneyLineEntity(), {
    reportId,
    kind,
    position,
    label: values.label,
    amount: values.amount,
    forecast: isUnknown(values.forecast) ? null : values.forecast,
    forecastUnknownReason: isUnknown(values.forecast) ? values.forecast.reason : null,
    commentary: values.commentary,
  });

export const partTwoToPersistence = (
  reportId: string,
  partTwo: FinancialMonitoring,
): ReportMoneyLineEntity[] => [
  ...partTwo.revenue.map((l, i) =>
    moneyLine(reportId, 'revenue', i, {
      label: l.service,
      amount: l.budget,
      forecast: l.forecast,
      commentary: null,
    }),
  ),
  ...partTwo.reserves.map((l, i) =>
    moneyLine(reportId, 'reserve', i, {
      label: l.name,
      amount: l.balance,
      forecast: l.forecastUse,
      commentary: null,
    }),
  ),
  ...partTwo.savings.map((l, i) =>
    moneyLine(reportId, 'savings', i, {
      label: l.title,
      amount: l.target,
      forecast: l.forecast,
      commentary: l.commentary,
    }),
  ),
  ...partTwo.capital.map((l, i) =>
    moneyLine(reportId, 'capital', i, {
      label: l.scheme,
      amount: l.budget,
      forecast: l.forecast,
      commentary: l.commentary,
    }),
  ),
];

export const toPersistence = (
  report: PerformanceReport,
): { report: PerformanceReportEntity; moneyLines: ReportMoneyLineEntity[] } => ({
  report: Object.assign(new PerformanceReportEntity(), {
    id: report.id,
    portfolioCode: report.portfolioCode,
    year: report.year,
    kind: report.kind,
    periodCode: periodCode(report.period),
    reportTo: report.reportTo,
    date: report.date,
    reportOf: [...report.reportOf],
    title: report.title,
    sections: report.sections,
    recommendations: report.recommendations,
    partOne: report.partOne,
    financialCommentary: [...report.partTwo.commentary],
    furtherInformation: [...report.furtherInformation],
    contacts: report.contacts,
  }),
  moneyLines: partTwoToPersistence(report.id, report.partTwo),
});

/** The id a new report gets: portfolio, year and kind, which the schema keeps unique. */
export const reportIdFor = (
  portfolio: string,
  year: FinancialYear,
  kind: PprrKind,
): PerformanceReportId =>
  `${portfolio}-${year.replace('/', '-')}-${kind}`.toLowerCase() as PerformanceReportId;

const serverFields = (entity: PerformanceReportEntity) => ({
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});

const periodNames = (entity: PerformanceReportEntity) => ({
  periodCode: entity.periodCode as PeriodCode,
  periodLabel: periodLabel(parsePeriodCode(entity.periodCode)),
});

export const toSummary = (entity: PerformanceReportEntity): PerformanceReportSummaryResource => ({
  id: entity.id as PerformanceReportId,
  portfolioCode: portfolioCode(entity.portfolioCode),
  year: financialYear(entity.year),
  kind: entity.kind as PprrKind,
  period: parsePeriodCode(entity.periodCode),
  ...periodNames(entity),
  date: localDate(entity.date),
  title: entity.title,
  ...serverFields(entity),
});

const varianceOf = (amount: Pence, forecast: Maybe<Pence>): Pence | null =>
  isUnknown(forecast) ? null : variance(amount, forecast);

/** Part Two as the API answers it: each line with its variance (forecast minus budget). */
export const partTwoResponse = (partTwo: FinancialMonitoring): FinancialMonitoringResource => ({
  revenue: partTwo.revenue.map((l) => ({ ...l, variance: varianceOf(l.budget, l.forecast) })),
  reserves: partTwo.reserves.map((l) => ({
    ...l,
    variance: varianceOf(l.balance, l.forecastUse),
  })),
  savings: partTwo.savings.map((l) => ({ ...l, variance: varianceOf(l.target, l.forecast) })),
  capital: partTwo.capital.map((l) => ({ ...l, variance: varianceOf(l.budget, l.forecast) })),
  commentary: partTwo.commentary,
});

/** Needs the report loaded with its money lines. */
export const toResponse = (entity: PerformanceReportEntity): PerformanceReportResource => {
  const report = toDomain(entity);
  return {
    ...report,
    ...periodNames(entity),
    partTwo: partTwoResponse(report.partTwo),
    ...serverFields(entity),
  };
};
