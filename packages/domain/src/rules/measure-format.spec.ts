import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { MEASURE_UNITS, type MeasureUnit } from '../model/performance.js';
import {
  checkDecimals,
  checkFinite,
  exactDecimal,
  formatComparators,
  formatDecimal,
  formatMeasureValue,
  formatNatural,
  formatScaled,
  formatScaledDifference,
  formatScaledMeasure,
  naturalDecimal,
  roundToDecimals,
  toScaledDecimal,
} from './measure-format.js';

const errorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('exactDecimal', () => {
  it.each<[number, bigint, number]>([
    [78.8, 788n, 1],
    [-61.2, -612n, 1],
    [0, 0n, 0],
    [1234, 1234n, 0],
    [1e21, 10n ** 21n, 0],
    [1.5e-7, 15n, 8],
    [0.1 + 0.2, 30000000000000004n, 17],
  ])('holds %p exactly as %p / 10^%p', (value, units, decimals) => {
    expect(exactDecimal(value)).toEqual({ units, decimals });
  });

  it('reads back as the same number (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const { units, decimals } = exactDecimal(value);
        return Number(formatScaled(units, decimals, false)) === (value === 0 ? 0 : value);
      }),
    );
  });
});

describe('toScaledDecimal and roundToDecimals', () => {
  it.each<[number, number, bigint]>([
    [1.005, 2, 101n], // binary 1.00499… but written 1.005: rounds up, unlike toFixed
    [78.75, 1, 788n],
    [78.749, 1, 787n],
    [-78.75, 1, -788n], // half away from zero
    [2.5, 0, 3n],
    [-2.5, 0, -3n],
    [0.04, 1, 0n],
    [-0.04, 1, 0n],
    [12, 2, 1200n],
    [1e21, 0, 10n ** 21n],
    [1.5e-7, 6, 0n],
    [5e-7, 6, 1n],
  ])('(%p, %p places) is %p', (value, decimals, scaled) => {
    expect(toScaledDecimal(value, decimals)).toBe(scaled);
  });

  it('rounds to the nearest number', () => {
    expect(roundToDecimals(1.005, 2)).toBe(1.01);
    expect(roundToDecimals(-61.25, 1)).toBe(-61.3);
    expect(Object.is(roundToDecimals(-0.04, 1), 0)).toBe(true);
  });

  it('moves a figure by at most half a unit in the last place, and is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (value, decimals) => {
          const rounded = roundToDecimals(value, decimals);
          const half = 0.5 * 10 ** -decimals;
          // Near 1e9 a double's own spacing (about 1.2e-7) is a fifth of half a unit in the sixth
          // place: the nearest double to the rounded figure may sit that far beyond it.
          const spacing = Math.abs(value) * Number.EPSILON;
          return (
            Math.abs(rounded - value) <= half * (1 + 1e-9) + spacing &&
            roundToDecimals(rounded, decimals) === rounded
          );
        },
      ),
    );
  });
});

describe('validation', () => {
  it.each([Number.NaN, Infinity, -Infinity, '12' as unknown as number])(
    'rejects the figure %p',
    (value) => {
      const error = errorOf(() => checkFinite(value, 'actual'));
      expect(error.code).toBe('VALIDATION.INVALID_VALUE');
      expect(error.message).toBe(`The actual must be a finite number, not ${String(value)}.`);
      expect(error.data).toEqual({ field: 'actual', value });
    },
  );

  it.each([-1, 7, 11, 1.5, Number.NaN])('rejects %p decimal places', (decimals) => {
    const error = errorOf(() => checkDecimals(decimals));
    expect(error.message).toBe(
      `Decimal places must be a whole number from 0 to 6 (the measure schema's bound), not ${String(decimals)}.`,
    );
    expect(error.data).toEqual({ field: 'decimals', value: decimals });
  });

  it('rejects a unit it does not know', () => {
    const error = errorOf(() => formatMeasureValue(1, 'furlongs' as MeasureUnit, 0));
    expect(error.message).toBe('Not a measure unit: "furlongs".');
    expect(error.data['expected']).toEqual(MEASURE_UNITS);
  });

  it('rejects a figure that is not finite when formatting', () => {
    expect(() => formatMeasureValue(Number.NaN, 'percent', 1)).toThrow(
      'The value must be a finite number, not NaN.',
    );
    expect(() => formatDecimal(Infinity, 1)).toThrow(
      'The value must be a finite number, not Infinity.',
    );
  });
});

describe('formatDecimal, formatScaled and formatNatural', () => {
  it('group thousands and never write -0', () => {
    expect(formatDecimal(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatDecimal(-1234.5, 0)).toBe('-1,235');
    expect(formatDecimal(-0.04, 1)).toBe('0.0');
    expect(formatDecimal(999.95, 1)).toBe('1,000.0');
    expect(formatScaled(-5n, 3)).toBe('-0.005');
    expect(formatScaled(1234567n, 2, false)).toBe('12345.67');
  });

  it('write a number as it was given, trimmed at 10 places', () => {
    expect(formatNatural(2)).toBe('2');
    expect(formatNatural(0.25)).toBe('0.25');
    expect(formatNatural(1500)).toBe('1,500');
    expect(formatNatural(0.1 + 0.2)).toBe('0.3');
    expect(formatNatural(1e-12)).toBe('0');
    expect(naturalDecimal(1.23456789012)).toEqual({ units: 12345678901n, decimals: 10 });
    expect(naturalDecimal(1.23000000001)).toEqual({ units: 123n, decimals: 2 });
  });
});

describe('formatMeasureValue', () => {
  it.each<[number, MeasureUnit, number, string]>([
    [78.8, 'percent', 1, '78.8%'],
    [61.25, 'percent', 1, '61.3%'],
    [23, 'percent', 0, '23%'],
    [1234, 'count', 0, '1,234'],
    [23.4, 'rate-per-10000', 1, '23.4 per 10,000'],
    [412.3, 'rate-per-1000', 1, '412.3 per 1,000'],
    [56, 'rate-per-100000', 0, '56 per 100,000'],
    [12, 'days', 0, '12 days'],
    [1, 'days', 0, '1 day'],
    [1, 'days', 1, '1.0 days'],
    [1, 'weeks', 0, '1 week'],
    [18.5, 'weeks', 1, '18.5 weeks'],
    [794000, 'pounds', 0, '£794,000'],
    [-12400, 'pounds', 0, '-£12,400'],
    [794000.5, 'pounds', 2, '£794,000.50'],
    [3.25, 'score', 2, '3.25'],
    [-2.5, 'count', 0, '-3'],
  ])('%p %s at %p places is %s', (value, unit, decimals, text) => {
    expect(formatMeasureValue(value, unit, decimals)).toBe(text);
  });

  it('formatScaledMeasure writes a scaled figure with its unit', () => {
    expect(formatScaledMeasure(-1240000n, 'pounds', 2)).toBe('-£12,400.00');
    expect(formatScaledMeasure(788n, 'percent', 1)).toBe('78.8%');
  });
});

describe('formatScaledDifference', () => {
  it.each<[bigint, MeasureUnit, number, boolean, string]>([
    [176n, 'percent', 1, false, '17.6 percentage points'],
    [-176n, 'percent', 1, false, '17.6 percentage points'],
    [1n, 'percent', 0, false, '1 percentage point'],
    [2n, 'percent', 0, true, '2 points'],
    [1n, 'percent', 0, true, '1 point'],
    [12n, 'rate-per-10000', 1, false, '1.2 per 10,000'],
    [-2n, 'days', 0, false, '2 days'],
    [-600000n, 'pounds', 2, false, '£6,000.00'],
  ])('%p (%s, %p places, short %p) is %s', (scaled, unit, decimals, isShort, text) => {
    expect(formatScaledDifference(scaled, unit, decimals, isShort)).toBe(text);
  });

  it('is long by default', () => {
    expect(formatScaledDifference(176n, 'percent', 1)).toBe('17.6 percentage points');
  });
});

describe(formatComparators.name, () => {
  it('prints each comparator on its own line, kept apart by a semicolon when read as text', () => {
    const comparators = [
      { label: 'England average', value: 4.4 },
      { label: 'North West average', value: 5.1 },
    ];
    const sut = formatComparators(comparators, 'percent', 1);
    expect(sut).toBe('England average: 4.4%;\nNorth West average: 5.1%');
    expect(sut.replace(/\s+/g, ' ')).not.toContain('4.4% North');
  });

  it('is empty when there are none', () => {
    expect(formatComparators([], 'percent', 1)).toBe('');
  });
});
