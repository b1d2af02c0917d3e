import { DomainError } from '../errors.js';
import { isUnknown, unknown, type Maybe, type Unknown } from '../missing.js';
import type {
  MeasureResult,
  MeasureTarget,
  MeasureUnit,
  PerformanceMeasure,
  Polarity,
  RagAssessment,
  Tolerance,
} from '../model/performance.js';
import { POLARITIES } from '../model/performance.js';
import {
  checkDecimals,
  checkFinite,
  checkUnit,
  formatNatural,
  formatScaledDifference,
  formatScaledMeasure,
  naturalDecimal,
  toScaledDecimal,
} from './measure-format.js';
import { assertTargetUnitMatches } from './validation.js';

export type RagInput = {
  readonly actual: Maybe<number>;
  readonly target: Maybe<number>;
  readonly polarity: Polarity;
  readonly tolerance: Tolerance;
  readonly unit: MeasureUnit;
  /** The measure's decimal places: figures are judged as printed at this precision. */
  readonly decimals: number;
};

const invalid = (message: string, data: Record<string, unknown>): DomainError =>
  new DomainError('VALIDATION.INVALID_VALUE', message, data);

/** Checks a figure that may be unknown; `what` names it in the error. */
export const checkMaybeFigure = (value: Maybe<number>, what: string): void => {
  if (isUnknown(value)) return;
  if (typeof value !== 'number') {
    throw invalid(
      `The ${what} must be a number or unknown (with a reason), not ${JSON.stringify(value)}.`,
      {
        field: what,
        value,
      },
    );
  }
  checkFinite(value, what);
};

export const checkPolarity = (polarity: Polarity): void => {
  if (!(POLARITIES as readonly string[]).includes(polarity)) {
    throw invalid(`Not a polarity: ${JSON.stringify(polarity)}.`, {
      field: 'polarity',
      value: polarity,
      expected: POLARITIES,
    });
  }
};

const checkTolerance = (tolerance: Tolerance): void => {
  const candidate = (tolerance ?? {}) as { kind?: unknown; amount?: unknown; percent?: unknown };
  if (candidate.kind === 'none') return;
  if (candidate.kind !== 'absolute' && candidate.kind !== 'relative') {
    throw invalid(
      `Not a tolerance: ${JSON.stringify(tolerance)} (expected absolute, relative or none).`,
      {
        field: 'tolerance',
        value: tolerance,
      },
    );
  }
  const size = candidate.kind === 'absolute' ? candidate.amount : candidate.percent;
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) {
    throw invalid(`A tolerance must be a finite number, zero or more, not ${String(size)}.`, {
      field: 'tolerance',
      value: tolerance,
    });
  }
};

/** "reason" without a trailing full stop, so it can sit inside a sentence. */
const reasonOf = (missing: Unknown): string => missing.reason.trim().replace(/\.+$/, '');

const sentence = (lead: string, missing: Unknown): string => {
  const reason = reasonOf(missing);
  return reason === '' ? `${lead}.` : `${lead}: ${reason}.`;
};

/** Scaled decimal `a / 10^scaleA` compared with `b / 10^scaleB`: -1, 0 or 1, exactly. */
const compareScaled = (a: bigint, scaleA: number, b: bigint, scaleB: number): number => {
  const left = a * 10n ** BigInt(Math.max(scaleA, scaleB) - scaleA);
  const right = b * 10n ** BigInt(Math.max(scaleA, scaleB) - scaleB);
  return left < right ? -1 : left > right ? 1 : 0;
};

/** Drops trailing zeros below `scale` down to `minScale` places. */
const trimScaled = (
  units: bigint,
  scale: number,
  minScale: number,
): { units: bigint; scale: number } => {
  let trimmed = units;
  let places = scale;
  while (places > minScale && trimmed % 10n === 0n) {
    trimmed /= 10n;
    places -= 1;
  }
  return { units: trimmed, scale: places };
};

/** Rounds a non-negative scaled decimal half up to at most `maxScale` places (for display only). */
const capScale = (
  units: bigint,
  scale: number,
  maxScale: number,
): { units: bigint; scale: number } => {
  if (scale <= maxScale) return { units, scale };
  const divisor = 10n ** BigInt(scale - maxScale);
  return { units: (units * 2n + divisor) / (2n * divisor), scale: maxScale };
};

/**
 * RAG status of a result against its target.
 *
 * - Green: on or better than the target. Amber: worse, but by no more than the tolerance.
 *   Red: worse by more than the tolerance (with no tolerance, any miss is Red).
 * - A miss exactly at the tolerance edge is Amber: "within tolerance" includes the edge.
 * - Tolerance is absolute (in the measure's unit: 2 percentage points) or relative (a percent
 *   of the target: 5% of 78.8 = 3.94).
 * - Figures are judged as printed, rounded to `decimals` places, so a status never disagrees
 *   with the numbers beside it (78.76% at 1 place is 78.8% and meets a target of 78.8%).
 *   The arithmetic after that is exact (scaled integers), so edges are not lost to float error.
 * - No target wins over no data: with no target there is nothing to judge against, whatever
 *   the data. The explanation then mentions the missing data too.
 */
export const assessRag = (input: RagInput): RagAssessment => {
  const { actual, target, polarity, tolerance, unit, decimals } = input;
  checkMaybeFigure(actual, 'actual');
  checkMaybeFigure(target, 'target');
  checkPolarity(polarity);
  checkTolerance(tolerance);
  checkUnit(unit);
  checkDecimals(decimals);

  if (isUnknown(target)) {
    const noTarget = sentence('No target set', target);
    return {
      status: 'no-target',
      explanation: isUnknown(actual)
        ? `${noTarget} ${sentence('No data either', actual)}`
        : noTarget,
    };
  }
  if (isUnknown(actual)) return { status: 'no-data', explanation: sentence('No data', actual) };

  const actualScaled = toScaledDecimal(actual, decimals);
  const targetScaled = toScaledDecimal(target, decimals);
  const show = (scaled: bigint): string => formatScaledMeasure(scaled, unit, decimals);
  const polarityNote = polarity === 'lower-is-better' ? ' (lower is better)' : '';
  const difference = actualScaled - targetScaled;
  // Positive when the result is worse than the target.
  const shortfall = polarity === 'higher-is-better' ? -difference : difference;

  if (difference === 0n) {
    return {
      status: 'green',
      explanation: `Green: ${show(actualScaled)} meets the target of ${show(targetScaled)}${polarityNote}.`,
    };
  }
  const comparison =
    `${show(actualScaled)} is ${formatScaledDifference(difference, unit, decimals)} ` +
    `${difference > 0n ? 'above' : 'below'} the target of ${show(targetScaled)}${polarityNote}`;
  if (shortfall < 0n) return { status: 'green', explanation: `Green: ${comparison}.` };

  if (tolerance.kind === 'none')
    return { status: 'red', explanation: `Red: ${comparison}, with no tolerance.` };

  let allowed: { units: bigint; scale: number };
  let toleranceText: string;
  if (tolerance.kind === 'absolute') {
    const amount = naturalDecimal(tolerance.amount);
    allowed = { units: amount.units, scale: amount.decimals };
    toleranceText = formatScaledDifference(amount.units, unit, amount.decimals, true);
  } else {
    // |target| × percent / 100, exactly: scale = target's places + percent's places + 2.
    const percent = naturalDecimal(tolerance.percent);
    const magnitude = targetScaled < 0n ? -targetScaled : targetScaled;
    allowed = trimScaled(magnitude * percent.units, decimals + percent.decimals + 2, decimals);
    const capped = capScale(allowed.units, allowed.scale, 10);
    const shown = trimScaled(capped.units, capped.scale, decimals);
    toleranceText = `${formatNatural(tolerance.percent)}% of the target (${formatScaledDifference(shown.units, unit, shown.scale, true)})`;
  }

  const isWithin = compareScaled(shortfall, decimals, allowed.units, allowed.scale) <= 0;
  return isWithin
    ? {
        status: 'amber',
        explanation: `Amber: ${comparison}, within the tolerance of ${toleranceText}.`,
      }
    : {
        status: 'red',
        explanation: `Red: ${comparison}, outside the tolerance of ${toleranceText}.`,
      };
};

/** The measure facts RAG and trend need. */
export type MeasureFacts = Pick<PerformanceMeasure, 'code' | 'unit' | 'polarity' | 'decimals'>;

/** Fails when a target or result belongs to another measure. */
export const checkBelongsTo = (
  measure: MeasureFacts,
  item: { readonly measureCode: string },
  what: string,
): void => {
  if (item.measureCode !== measure.code) {
    throw new DomainError(
      'VALIDATION.MISMATCH',
      `The ${what} is for ${item.measureCode}, not ${measure.code}.`,
      {
        field: 'measureCode',
        value: item.measureCode,
        expected: measure.code,
      },
    );
  }
};

/**
 * RAG of one result against the year's target from the agreement (`null` when the agreement
 * has no target line for the measure), checking that all three are about the same measure and
 * that the target is in the measure's unit.
 */
export const assessResultRag = (
  measure: MeasureFacts,
  target: MeasureTarget | null,
  result: MeasureResult,
): RagAssessment => {
  checkBelongsTo(measure, result, 'result');
  if (target !== null) {
    checkBelongsTo(measure, target, 'target');
    assertTargetUnitMatches(target, measure);
  }
  return assessRag({
    actual: result.value,
    target:
      target === null ? unknown(`the agreement sets no target for ${measure.code}`) : target.target,
    polarity: measure.polarity,
    tolerance: target === null ? { kind: 'none' } : target.tolerance,
    unit: measure.unit,
    decimals: measure.decimals,
  });
};
