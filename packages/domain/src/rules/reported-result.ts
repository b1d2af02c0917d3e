import type { MeasureResult, PerformanceMeasure } from '../model/performance.js';
import type { ReportingPeriod } from '../model/time.js';
import { compareDates } from './dates.js';
import { academicYearEnd, academicYearOf, previousAcademicYear } from './financial-year.js';
import { isSamePeriod, periodEnd } from './period.js';

/**
 * The period whose result a report for `reportPeriod` shows for a measure.
 *
 * A measure counted in quarters, months or terms shows the report's own period. A measure
 * counted once a school year (the NCMP, exam results) never has a result for a quarter or a
 * mid-year: the report shows the latest academic year that had ended by the end of the report's
 * period (a mid-year 2021/22 report, to 30 September 2021, shows academic year 2020/21). An
 * annual measure shows the report's period too: councils record in-year figures and forecasts
 * for them (CFSE.65's 2021/22 forecast), and a past year's figure is not this period's.
 */
export const reportedPeriod = (
  measure: Pick<PerformanceMeasure, 'frequency'>,
  reportPeriod: ReportingPeriod,
): ReportingPeriod => {
  const end = periodEnd(reportPeriod);
  if (measure.frequency === 'academic-year' && reportPeriod.kind !== 'academic-year') {
    const current = academicYearOf(end);
    const year =
      compareDates(academicYearEnd(current), end) <= 0 ? current : previousAcademicYear(current);
    return { kind: 'academic-year', year };
  }
  return reportPeriod;
};

/** The result a report for `reportPeriod` shows for a measure (see `reportedPeriod`), or null when there is none. */
export const reportedResult = <R extends MeasureResult>(
  measure: Pick<PerformanceMeasure, 'code' | 'frequency'>,
  reportPeriod: ReportingPeriod,
  results: readonly R[],
): R | null => {
  const period = reportedPeriod(measure, reportPeriod);
  return (
    results.find(
      (result) => result.measureCode === measure.code && isSamePeriod(result.period, period),
    ) ?? null
  );
};
