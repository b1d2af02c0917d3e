import { unknown } from '../missing.js';
import type { CouncilDataset } from '../model/document.js';
import type {
  AssessedResult,
  MeasureResult,
  MeasureTarget,
  PerformanceMeasure,
  ResultAssessment,
} from '../model/performance.js';
import type { ReportingPeriod } from '../model/time.js';
import {
  type ComparisonBasis,
  isSamePeriod,
  nextComparablePeriod,
  periodCode,
  periodFinancialYear,
  previousComparablePeriod,
} from './period.js';
import { assessRag, assessResultRag } from './rag.js';
import { assessResultTrend, assessTrend } from './trend.js';

/*
 * Assessing a measure's results: which earlier result a trend compares with, which year's
 * target a RAG is judged against, and the two together for every result of a measure. The API
 * stores what this gives with each result (ADR007); documents print what is stored.
 */

/**
 * School measures (termly, academic-year) follow the school year, so a period is compared with
 * the same period a year before; everything else with the period just before.
 */
export const comparisonBasis = (measure: Pick<PerformanceMeasure, 'frequency'>): ComparisonBasis =>
  measure.frequency === 'termly' || measure.frequency === 'academic-year'
    ? 'same-period-last-year'
    : 'previous-period';

/**
 * The year whose portfolio agreement sets a period's target: its financial year; an academic
 * year (which straddles two) takes the financial year of the same name (AY2020/21 → 2020/21).
 */
export const targetYear = (period: ReportingPeriod): string =>
  periodFinancialYear(period) ?? period.year;

/**
 * Assesses every result of one measure. `targets` maps a financial year to that year's target
 * for the measure; `results` are all the measure's results (any order): each one's trend looks
 * for its comparable period among them. Keyed by period code.
 */
export const assessMeasureResults = (
  measure: PerformanceMeasure,
  targets: ReadonlyMap<string, MeasureTarget>,
  results: readonly MeasureResult[],
): Map<string, ResultAssessment> => {
  const basis = comparisonBasis(measure);
  const assessments = new Map<string, ResultAssessment>();
  for (const result of results) {
    assessments.set(periodCode(result.period), {
      rag: assessResultRag(measure, targets.get(targetYear(result.period)) ?? null, result),
      trend: assessResultTrend(measure, result, results, basis),
    });
  }
  return assessments;
};

/**
 * The periods whose assessment a result for `period` enters into: its own (its RAG and trend) and
 * the later one whose trend compares with it. No other assessment reads it (a RAG reads only its
 * own result and its year's target), so recording one result changes at most these two.
 */
export const periodsAssessedWith = (
  measure: Pick<PerformanceMeasure, 'frequency'>,
  period: ReportingPeriod,
): readonly [ReportingPeriod, ReportingPeriod] => [
  period,
  nextComparablePeriod(period, comparisonBasis(measure)),
];

/**
 * The periods whose results `assessAround` needs for a result for `period`: the one its trend
 * compares with, its own, and the later one whose trend compares with it.
 */
export const periodsAround = (
  measure: Pick<PerformanceMeasure, 'frequency'>,
  period: ReportingPeriod,
): readonly [ReportingPeriod, ReportingPeriod, ReportingPeriod] => {
  const basis = comparisonBasis(measure);
  return [previousComparablePeriod(period, basis), period, nextComparablePeriod(period, basis)];
};

/**
 * The assessments recording `result` changes, keyed by period code: its own, and (when there is
 * a result for it) the later period's, whose trend compares with it. `nearby` are the measure's
 * results for `periodsAround(result.period)` (any others are ignored, a stored one for the
 * result's own period is replaced by it); `targets` must hold the target years of those periods.
 * The same as `assessMeasureResults` over all the measure's results gives for those periods, the
 * others' unchanged (assessment.spec.ts): a write reads three results, not the measure's history.
 */
export const assessAround = (
  measure: PerformanceMeasure,
  targets: ReadonlyMap<string, MeasureTarget>,
  nearby: readonly MeasureResult[],
  result: MeasureResult,
): Map<string, ResultAssessment> => {
  const wanted = periodsAround(measure, result.period);
  const around = [
    ...nearby.filter(
      (other) =>
        !isSamePeriod(other.period, result.period) &&
        wanted.some((period) => isSamePeriod(other.period, period)),
    ),
    result,
  ];
  const assessed = assessMeasureResults(measure, targets, around);
  const changed = new Map<string, ResultAssessment>();
  for (const period of periodsAssessedWith(measure, result.period)) {
    const assessment = assessed.get(periodCode(period));
    if (assessment !== undefined) changed.set(periodCode(period), assessment);
  }
  return changed;
};

/**
 * What a document shows where a measure has no result for the period: No data (or No target,
 * when the year's agreement sets none), and no trend.
 */
export const assessMissingResult = (
  measure: PerformanceMeasure,
  target: MeasureTarget | null,
): ResultAssessment => {
  const missing = unknown('no result for the period');
  return {
    rag: assessRag({
      actual: missing,
      target: target ? target.target : unknown(`the agreement sets no target for ${measure.code}`),
      polarity: measure.polarity,
      tolerance: target ? target.tolerance : { kind: 'none' },
      unit: measure.unit,
      decimals: measure.decimals,
    }),
    trend: assessTrend({
      current: missing,
      previous: missing,
      polarity: measure.polarity,
      previousPeriod: null,
      unit: measure.unit,
      decimals: measure.decimals,
    }),
  };
};

/** Whether a result carries its stored assessment (a result from the API does; one from a JSON file does not). */
export const isAssessed = (result: MeasureResult): result is AssessedResult =>
  'rag' in result && 'trend' in result;

/** Every year's target of each measure in a data set, by measure code then year. */
export const targetsByMeasure = (
  dataset: Pick<CouncilDataset, 'agreements'>,
): Map<string, Map<string, MeasureTarget>> => {
  const targets = new Map<string, Map<string, MeasureTarget>>();
  for (const agreement of dataset.agreements) {
    for (const target of agreement.targets) {
      const forMeasure = targets.get(target.measureCode) ?? new Map<string, MeasureTarget>();
      forMeasure.set(agreement.year, target);
      targets.set(target.measureCode, forMeasure);
    }
  }
  return targets;
};

/**
 * Every result of a data set with its assessment. A result that carries its stored assessment
 * (from the API) keeps it; the others (data read from JSON files) are assessed here, once, by
 * `assessMeasureResults` with the data set's agreements, the same rule the API stores. Results
 * of a measure the data set does not hold cannot be assessed and are left out.
 */
export const assessDataset = (
  dataset: Pick<CouncilDataset, 'measures' | 'agreements' | 'results'>,
): AssessedResult[] => {
  if (dataset.results.every(isAssessed)) return [...dataset.results];
  const measures = new Map(dataset.measures.map((measure) => [measure.code as string, measure]));
  const targets = targetsByMeasure(dataset);
  const byMeasure = new Map<string, MeasureResult[]>();
  for (const result of dataset.results) {
    const list = byMeasure.get(result.measureCode);
    if (list) list.push(result);
    else byMeasure.set(result.measureCode, [result]);
  }
  const assessed: AssessedResult[] = [];
  for (const [code, results] of byMeasure) {
    const measure = measures.get(code);
    if (measure === undefined) continue;
    const fresh = results.some((result) => !isAssessed(result))
      ? assessMeasureResults(measure, targets.get(code) ?? new Map(), results)
      : new Map<string, ResultAssessment>();
    for (const result of results) {
      if (isAssessed(result)) {
        assessed.push(result);
        continue;
      }
      const assessment = fresh.get(periodCode(result.period));
      if (assessment !== undefined) assessed.push({ ...result, ...assessment });
    }
  }
  return assessed;
};
