import { DomainError } from '../errors.js';
import {
  MAX_DECIMALS,
  MEASURE_UNITS,
  type Comparator,
  type MeasureUnit,
} from '../model/performance.js';

/**
 * Printing measure figures, and the exact decimal arithmetic RAG and trend use so that a status
 * never contradicts the figures printed beside it.
 *
 * A figure is taken at its shortest decimal form (the digits a person typed: `1.005`, not the
 * binary fraction just below it) and rounded half away from zero to the measure's decimal places.
 * The result is a scaled integer (`bigint`): 78.8 at 1 place is `788n`. No float maths follows.
 */

/** Validates a figure: a finite number. `what` names it in the error ("actual", "target"). */
export const checkFinite = (value: number, what: string): void => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `The ${what} must be a finite number, not ${String(value)}.`,
      {
        field: what,
        value,
      },
    );
  }
};

/** Validates decimal places: a whole number from 0 to `MAX_DECIMALS` (the measure schema's bound). */
export const checkDecimals = (decimals: number): void => {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Decimal places must be a whole number from 0 to ${MAX_DECIMALS} (the measure schema's bound), not ${String(decimals)}.`,
      { field: 'decimals', value: decimals },
    );
  }
};

export const checkUnit = (unit: MeasureUnit): void => {
  if (!(MEASURE_UNITS as readonly string[]).includes(unit)) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Not a measure unit: ${JSON.stringify(unit)}.`,
      {
        field: 'unit',
        value: unit,
        expected: MEASURE_UNITS,
      },
    );
  }
};

/** A decimal number held exactly: `units / 10^decimals`. */
export type ExactDecimal = { readonly units: bigint; readonly decimals: number };

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** The shortest decimal form of a finite number, exactly: 78.8 → { units: 788n, decimals: 1 }. */
export const exactDecimal = (value: number): ExactDecimal => {
  checkFinite(value, 'value');
  // String() gives the shortest text that reads back as the same number, e.g. "78.8", "1e+21", "1.5e-7".
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(
    String(Math.abs(value)),
  ) as RegExpExecArray;
  const digits = `${match[1]}${match[2] ?? ''}`;
  const pointAt = (match[1] as string).length + Number(match[3] ?? 0);
  const sign = value < 0 ? -1n : 1n;
  if (pointAt >= digits.length) {
    return { units: sign * BigInt(digits) * pow10(pointAt - digits.length), decimals: 0 };
  }
  return { units: sign * BigInt(digits), decimals: digits.length - pointAt };
};

/** Rounds half away from zero to `decimals` places: (1.005, 2) → 101n (1.01). */
export const toScaledDecimal = (value: number, decimals: number): bigint => {
  checkDecimals(decimals);
  return scaledAt(value, decimals);
};

/** `toScaledDecimal` for any number of places (tolerances are written with more than a measure prints). */
const scaledAt = (value: number, decimals: number): bigint => {
  const { units, decimals: have } = exactDecimal(value);
  if (have <= decimals) return units * pow10(decimals - have);
  const divisor = pow10(have - decimals);
  const magnitude = units < 0n ? -units : units;
  const rounded = (magnitude * 2n + divisor) / (2n * divisor);
  return units < 0n ? -rounded : rounded;
};

/** The number nearest to the rounded value: (1.005, 2) → 1.01. */
export const roundToDecimals = (value: number, decimals: number): number =>
  Number(formatScaled(toScaledDecimal(value, decimals), decimals, false));

/** Writes a scaled integer with `decimals` places: (-17600n, 3) → "-17.600"; "-0" is never written. */
export const formatScaled = (scaled: bigint, decimals: number, groupThousands = true): string => {
  const magnitude = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - decimals);
  const fraction = magnitude.slice(magnitude.length - decimals);
  const grouped = groupThousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${scaled < 0n ? '-' : ''}${grouped}${decimals > 0 ? `.${fraction}` : ''}`;
};

/** A number rounded half away from zero and written with thousands separators: (1234.56, 1) → "1,234.6". */
export const formatDecimal = (value: number, decimals: number): string =>
  formatScaled(toScaledDecimal(value, decimals), decimals);

/** The most places a tolerance or threshold is printed with. */
const NATURAL_PLACES = 10;

/**
 * A number with as many places as it has, at most 10 (rounded there, then trailing zeros
 * dropped): 2 → { 2n, 0 }, 0.25 → { 25n, 2 }, 0.1 + 0.2 → { 3n, 1 }. For tolerances and
 * thresholds, which are printed as written rather than at the measure's places.
 */
export const naturalDecimal = (value: number): ExactDecimal => {
  const exact = exactDecimal(value);
  if (exact.decimals <= NATURAL_PLACES) return exact;
  let units = scaledAt(value, NATURAL_PLACES);
  let decimals = NATURAL_PLACES;
  while (decimals > 0 && units % 10n === 0n) {
    units /= 10n;
    decimals -= 1;
  }
  return { units, decimals };
};

/** A number as written (see `naturalDecimal`), with thousands separators: 1500 → "1,500", 0.25 → "0.25". */
export const formatNatural = (value: number): string => {
  const { units, decimals } = naturalDecimal(value);
  return formatScaled(units, decimals);
};

const withUnit = (text: string, isNegative: boolean, unit: MeasureUnit): string => {
  switch (unit) {
    case 'percent':
      return `${text}%`;
    case 'rate-per-1000':
      return `${text} per 1,000`;
    case 'rate-per-10000':
      return `${text} per 10,000`;
    case 'rate-per-100000':
      return `${text} per 100,000`;
    case 'days':
      return text === '1' ? '1 day' : `${text} days`;
    case 'weeks':
      return text === '1' ? '1 week' : `${text} weeks`;
    case 'pounds':
      // Same rule as money: a leading hyphen-minus before the pound sign.
      return isNegative ? `-£${text.slice(1)}` : `£${text}`;
    default:
      return text; // count, score
  }
};

/**
 * A measure's figure as a report prints it: '78.8%', '1,234', '23.4 per 10,000', '12 days',
 * '£794,000' (unit `pounds`: the value is in pounds, not pence).
 */
export const formatMeasureValue = (value: number, unit: MeasureUnit, decimals: number): string => {
  checkFinite(value, 'value');
  checkUnit(unit);
  const scaled = toScaledDecimal(value, decimals);
  return withUnit(formatScaled(scaled, decimals), scaled < 0n, unit);
};

/**
 * A result's comparators as one table cell prints them: one per line, each ended by a semicolon
 * but the last ("England average: 4.4%;" / "North West average: 5.1%"), so that text read out of
 * the cell (a screen reader, a copy) keeps them apart instead of running "4.4% North West …"
 * together. An empty string when there are none: the cell is then empty, like every missing value
 * in a measures table.
 */
export const formatComparators = (
  comparators: readonly Pick<Comparator, 'label' | 'value'>[],
  unit: MeasureUnit,
  decimals: number,
): string =>
  comparators
    .map(
      (comparator) =>
        `${comparator.label}: ${formatMeasureValue(comparator.value, unit, decimals)}`,
    )
    .join(';\n');

/** A scaled figure (from `toScaledDecimal`) with its unit. */
export const formatScaledMeasure = (scaled: bigint, unit: MeasureUnit, decimals: number): string =>
  withUnit(formatScaled(scaled, decimals), scaled < 0n, unit);

/**
 * The size of a difference between two figures, always positive: for percentages it is in
 * percentage points ("17.6 percentage points", or "2 points" with `isShort`), otherwise in the unit.
 */
export const formatScaledDifference = (
  scaled: bigint,
  unit: MeasureUnit,
  decimals: number,
  isShort = false,
): string => {
  const magnitude = scaled < 0n ? -scaled : scaled;
  const text = formatScaled(magnitude, decimals);
  if (unit !== 'percent') return withUnit(text, false, unit);
  const noun = isShort ? 'point' : 'percentage point';
  return text === '1' ? `1 ${noun}` : `${text} ${noun}s`;
};
