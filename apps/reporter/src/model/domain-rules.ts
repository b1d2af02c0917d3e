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

export {
  describeExemption,
  formatDate,
  formatMoney,
  isSamePeriod,
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

const UNIT_SUFFIX: Record<PerformanceMeasure['unit'], string> = {
  percent: '%',
  count: '',
  'rate-per-1000': ' per 1,000',
  'rate-per-10000': ' per 10,000',
  'rate-per-100000': ' per 100,000',
  days: ' days',
  weeks: ' weeks',
  pounds: '',
  score: '',
};

/** A measure's figure as a table prints it: `61.2%`, `1,204`, `45.3 per 10,000`, `£1,250`. */
export const formatMeasureValue = (measure: PerformanceMeasure, value: number): string => {
  const text = value.toLocaleString('en-GB', {
    minimumFractionDigits: measure.decimals,
    maximumFractionDigits: measure.decimals,
  });
  return measure.unit === 'pounds' ? `£${text}` : `${text}${UNIT_SUFFIX[measure.unit]}`;
};
