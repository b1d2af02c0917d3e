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

import { formatMeasureValue as formatFigure } from '@scrutineer/domain';

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
 * A measure's RAG against its target and its trend against the previous comparable result.
 * INTERIM until the domain's assessRag / assessTrend land: reports "no data" and "not comparable".
 */
export const assessMeasure = (
  _measure: PerformanceMeasure,
  _target: MeasureTarget | null,
  _result: MeasureResult | null,
  _history: readonly MeasureResult[],
): { rag: RagAssessment; trend: TrendAssessment } => ({
  rag: { status: 'no-data', explanation: 'Not assessed.' },
  trend: {
    direction: 'not-comparable',
    arrow: '–',
    explanation: 'Not assessed.',
    previousPeriod: null,
  },
});

/** A measure's figure with its unit, as the domain prints it: `61.2%`, `45.3 per 10,000`. */
export const formatMeasureValue = (measure: PerformanceMeasure, value: number): string =>
  formatFigure(value, measure.unit, measure.decimals);
