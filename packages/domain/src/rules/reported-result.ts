import type { MeasureResult, PerformanceMeasure } from '../model/performance.js';
import type { ReportingPeriod } from '../model/time.js';
import { compareDates } from './dates.js';
import { academicYearEnd, academicYearOf, previousAcademicYear } from './financial-year.js';
import { isSamePeriod, periodEnd } from './period.js';
import { isUnknown } from '../missing.js';

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

/**
 * Whether a report for `reportPeriod` shows a measure at all, by the PPRR's exception principle
 * (DOMAIN.md, "The yearly cycle"). The Third Quarter Update reports "only measures with new data
 * since mid-year" (seed 000: "reported where new data or forecasts are available since the
 * Mid-Year Reports"): a measure with no known figure for its reported period, or whose reported
 * period is still the one the mid-year report showed (an academic-year measure between results),
 * is left out. The first update, the mid-year report and the annual report show every measure
 * of the agreement: a measure without data says so ("data not yet available"), and the annual
 * report is the year's out-turn for all of them.
 */
export const isReportedMeasure = (
  measure: Pick<PerformanceMeasure, 'code' | 'frequency'>,
  reportPeriod: ReportingPeriod,
  results: readonly MeasureResult[],
): boolean => {
  if (reportPeriod.kind !== 'quarter' || reportPeriod.quarter !== 3) return true;
  const result = reportedResult(measure, reportPeriod, results);
  if (!result || isUnknown(result.value)) return false;
  const midYear: ReportingPeriod = { kind: 'mid-year', year: reportPeriod.year };
  return !isSamePeriod(reportedPeriod(measure, reportPeriod), reportedPeriod(measure, midYear));
};
