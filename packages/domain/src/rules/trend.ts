import { DomainError } from '../errors.js';
import { isUnknown, unknown, type Maybe, type Unknown } from '../missing.js';
import type {
  MeasureResult,
  MeasureUnit,
  Polarity,
  TrendAssessment,
  TrendDirection,
} from '../model/performance.js';
import type { ReportingPeriod } from '../model/time.js';
import {
  checkDecimals,
  checkUnit,
  formatScaledDifference,
  formatScaledMeasure,
  naturalDecimal,
  toScaledDecimal,
} from './measure-format.js';
import {
  isSamePeriod,
  periodCode,
  periodLabel,
  previousComparablePeriod,
  type ComparisonBasis,
} from './period.js';
import { checkBelongsTo, checkMaybeFigure, checkPolarity, type MeasureFacts } from './rag.js';

export type TrendInput = {
  /** This period's figure. */
  readonly current: Maybe<number>;
  /** The figure for `previousPeriod`. */
  readonly previous: Maybe<number>;
  readonly polarity: Polarity;
  /**
   * The period compared against, chosen by the caller with `previousPeriod()` or
   * `samePeriodLastYear()` (see `previousComparablePeriod`); null when there is none, e.g. a
   * measure's first period.
   */
  readonly previousPeriod: ReportingPeriod | null;
  readonly unit: MeasureUnit;
  /** The measure's decimal places: figures are compared as printed at this precision. */
  readonly decimals: number;
  /**
   * A change no larger than this (in the unit, e.g. 0.5 percentage points) counts as no
   * change; a change exactly at the threshold is no change. Default 0: only equal printed
   * figures are no change.
   */
  readonly threshold?: number;
};

/** The figure's direction, not whether it is better: ↑ up, ↓ down, → no change, – not comparable. */
export const TREND_ARROWS = { up: '↑', down: '↓', level: '→', none: '–' } as const;

const reasonText = (missing: Unknown): string => {
  const reason = missing.reason.trim().replace(/\.+$/, '');
  return reason === '' ? '' : ` (${reason})`;
};

const notComparable = (
  explanation: string,
  previousPeriod: ReportingPeriod | null,
): TrendAssessment => ({
  direction: 'not-comparable',
  arrow: TREND_ARROWS.none,
  explanation: `Not comparable: ${explanation}.`,
  previousPeriod: previousPeriod === null ? null : periodCode(previousPeriod),
});

const checkThreshold = (threshold: number): void => {
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `A trend threshold must be a finite number, zero or more, not ${String(threshold)}.`,
      { field: 'threshold', value: threshold },
    );
  }
};

/**
 * The trend of a measure against the previous comparable period, respecting polarity: a fall
 * in re-referrals (lower is better) is improving. Figures are compared as printed, rounded to
 * `decimals` places, so the arrow never disagrees with the two figures in the table; the
 * arithmetic after rounding is exact.
 */
export const assessTrend = (input: TrendInput): TrendAssessment => {
  const { current, previous, polarity, previousPeriod, unit, decimals, threshold = 0 } = input;
  checkMaybeFigure(current, 'current figure');
  checkMaybeFigure(previous, 'previous figure');
  checkPolarity(polarity);
  checkUnit(unit);
  checkDecimals(decimals);
  checkThreshold(threshold);
  if (previousPeriod === null && !isUnknown(previous)) {
    throw new DomainError(
      'VALIDATION.REQUIRED',
      'A previous figure needs the period it belongs to (previousPeriod).',
      {
        field: 'previousPeriod',
        previous,
      },
    );
  }

  if (previousPeriod === null)
    return notComparable('there is no earlier period to compare with', null);
  const label = periodLabel(previousPeriod);
  if (isUnknown(current))
    return notComparable(`no figure for this period${reasonText(current)}`, previousPeriod);
  if (isUnknown(previous))
    return notComparable(`no figure for ${label}${reasonText(previous)}`, previousPeriod);

  const currentScaled = toScaledDecimal(current, decimals);
  const previousScaled = toScaledDecimal(previous, decimals);
  const change = currentScaled - previousScaled;
  const show = (scaled: bigint): string => formatScaledMeasure(scaled, unit, decimals);
  const code = periodCode(previousPeriod);

  if (change === 0n) {
    return {
      direction: 'no-change',
      arrow: TREND_ARROWS.level,
      explanation: `No change: ${show(currentScaled)}, the same as in ${label}.`,
      previousPeriod: code,
    };
  }

  const movement =
    `${change > 0n ? 'up' : 'down'} ${formatScaledDifference(change, unit, decimals)}, ` +
    `from ${show(previousScaled)} in ${label} to ${show(currentScaled)}`;
  const limit = naturalDecimal(threshold);
  const scale = Math.max(decimals, limit.decimals);
  const magnitude = (change < 0n ? -change : change) * 10n ** BigInt(scale - decimals);
  if (magnitude <= limit.units * 10n ** BigInt(scale - limit.decimals)) {
    return {
      direction: 'no-change',
      arrow: TREND_ARROWS.level,
      explanation: `No change: ${movement}, within the threshold of ${formatScaledDifference(limit.units, unit, limit.decimals, true)}.`,
      previousPeriod: code,
    };
  }

  const isBetter = polarity === 'higher-is-better' ? change > 0n : change < 0n;
  const direction: TrendDirection = isBetter ? 'improving' : 'worsening';
  return {
    direction,
    arrow: change > 0n ? TREND_ARROWS.up : TREND_ARROWS.down,
    explanation: `${isBetter ? 'Improving' : 'Worsening'}: ${movement}${polarity === 'lower-is-better' ? ' (lower is better)' : ''}.`,
    previousPeriod: code,
  };
};

/**
 * The trend of one result against the result for the comparable period in the measure's
 * history, found by the basis the caller chooses. A history without that period gives
 * not-comparable, naming the period that is missing.
 */
export const assessResultTrend = (
  measure: MeasureFacts,
  current: MeasureResult,
  history: readonly MeasureResult[],
  basis: ComparisonBasis,
): TrendAssessment => {
  checkBelongsTo(measure, current, 'result');
  const comparable = previousComparablePeriod(current.period, basis);
  const previous = history.find(
    (result) => result.measureCode === measure.code && isSamePeriod(result.period, comparable),
  );
  return assessTrend({
    current: current.value,
    previous: previous === undefined ? unknown('no result recorded') : previous.value,
    polarity: measure.polarity,
    previousPeriod: comparable,
    unit: measure.unit,
    decimals: measure.decimals,
  });
};
