/**
 * The domain rules the reporter prints with, in one place. Everything here comes from
 * @scrutineer/domain; the reporter never re-implements a rule.
 */
import type {
  MeasureResult,
  MeasureTarget,
  PerformanceMeasure,
  RagAssessment,
  TrendAssessment,
} from '@scrutineer/domain';

import {
  assessRag,
  assessResultRag,
  assessResultTrend,
  assessTrend,
  formatMeasureValue as formatFigure,
  unknown,
} from '@scrutineer/domain';

export {
  describeExemption,
  formatDate,
  formatMoney,
  isSamePeriod,
  listLabel as bareListLabel,
  periodLabel,
  sumPence,
  variance,
} from '@scrutineer/domain';

/**
 * A measure's RAG against the year's target and its trend against the comparable earlier result.
 * Termly measures are seasonal, so they compare with the same period a year before; the others
 * with the period before.
 */
export const assessMeasure = (
  measure: PerformanceMeasure,
  target: MeasureTarget | null,
  result: MeasureResult | null,
  history: readonly MeasureResult[],
): { rag: RagAssessment; trend: TrendAssessment } => {
  const basis = measure.frequency === 'termly' ? 'same-period-last-year' : 'previous-period';
  if (result) {
    return {
      rag: assessResultRag(measure, target, result),
      trend: assessResultTrend(measure, result, history, basis),
    };
  }
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

/** A measure's figure with its unit, as the domain prints it: `61.2%`, `45.3 per 10,000`. */
export const formatMeasureValue = (measure: PerformanceMeasure, value: number): string =>
  formatFigure(value, measure.unit, measure.decimals);
