import fc from 'fast-check';
import type { DomainError } from '../errors.js';
import { unknown } from '../missing.js';
import type {
  MeasureCode,
  MeasureResult,
  MeasureUnit,
  Polarity,
  TrendDirection,
} from '../model/performance.js';
import type { ReportingPeriod } from '../model/time.js';
import { roundToDecimals } from './measure-format.js';
import { quarterPeriod, samePeriodLastYear } from './period.js';
import type { MeasureFacts } from './rag.js';
import { TREND_ARROWS, assessResultTrend, assessTrend, type TrendInput } from './trend.js';

const q2 = quarterPeriod('2021/22', 2);

const rereferrals: TrendInput = {
  current: 23.0,
  previous: 25.1,
  polarity: 'lower-is-better',
  previousPeriod: q2,
  unit: 'percent',
  decimals: 1,
};

const errorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error');
};

describe(assessTrend.name, () => {
  it('calls a fall improving when lower is better, and says so', () => {
    expect(assessTrend(rereferrals)).toEqual({
      direction: 'improving',
      arrow: '↓',
      explanation:
        'Improving: down 2.1 percentage points, from 25.1% in Q2 2021/22 to 23.0% (lower is better).',
      previousPeriod: '2021/22-Q2',
    });
  });

  it('calls a fall worsening when higher is better, against the same quarter last year', () => {
    const q3 = quarterPeriod('2021/22', 3);
    expect(
      assessTrend({
        ...rereferrals,
        current: 77.3,
        previous: 78.8,
        polarity: 'higher-is-better',
        previousPeriod: samePeriodLastYear(q3),
      }),
    ).toEqual({
      direction: 'worsening',
      arrow: '↓',
      explanation: 'Worsening: down 1.5 percentage points, from 78.8% in Q3 2020/21 to 77.3%.',
      previousPeriod: '2020/21-Q3',
    });
  });

  it('calls a rise improving when higher is better and worsening when lower is better', () => {
    const rise = { ...rereferrals, current: 27.0 };
    expect(assessTrend(rise)).toMatchObject({ direction: 'worsening', arrow: '↑' });
    expect(assessTrend(rise).explanation).toBe(
      'Worsening: up 1.9 percentage points, from 25.1% in Q2 2021/22 to 27.0% (lower is better).',
    );
    expect(assessTrend({ ...rise, polarity: 'higher-is-better' })).toMatchObject({
      direction: 'improving',
      arrow: '↑',
    });
  });

  it('writes the change in the measure’s unit', () => {
    expect(
      assessTrend({ ...rereferrals, current: 412, previous: 398, unit: 'count', decimals: 0 })
        .explanation,
    ).toBe('Worsening: up 14, from 398 in Q2 2021/22 to 412 (lower is better).');
    expect(
      assessTrend({ ...rereferrals, current: 12, previous: 13, unit: 'days', decimals: 0 })
        .explanation,
    ).toBe('Improving: down 1 day, from 13 days in Q2 2021/22 to 12 days (lower is better).');
  });

  it('sees no change when the printed figures are equal', () => {
    expect(assessTrend({ ...rereferrals, current: 25.08, previous: 25.1 })).toEqual({
      direction: 'no-change',
      arrow: '→',
      explanation: 'No change: 25.1%, the same as in Q2 2021/22.',
      previousPeriod: '2021/22-Q2',
    });
  });

  it('sees no change within the threshold, including at its edge', () => {
    expect(assessTrend({ ...rereferrals, current: 24.6, threshold: 0.5 })).toEqual({
      direction: 'no-change',
      arrow: '→',
      explanation:
        'No change: down 0.5 percentage points, from 25.1% in Q2 2021/22 to 24.6%, within the threshold of 0.5 points.',
      previousPeriod: '2021/22-Q2',
    });
    expect(assessTrend({ ...rereferrals, current: 24.5, threshold: 0.5 }).direction).toBe(
      'improving',
    );
    // A threshold finer than the printed figures: 0.05 at one place means any printed change counts.
    expect(assessTrend({ ...rereferrals, current: 25.0, threshold: 0.05 }).direction).toBe(
      'improving',
    );
    expect(
      assessTrend({ ...rereferrals, current: 26, previous: 25, decimals: 0, threshold: 1 })
        .direction,
    ).toBe('no-change');
  });

  it('is not comparable without a current figure, a previous figure or a previous period', () => {
    expect(assessTrend({ ...rereferrals, current: unknown('data not yet available.') })).toEqual({
      direction: 'not-comparable',
      arrow: '–',
      explanation: 'Not comparable: no figure for this period (data not yet available).',
      previousPeriod: '2021/22-Q2',
    });
    expect(
      assessTrend({ ...rereferrals, previous: unknown('reporting error in the Q2 report') })
        .explanation,
    ).toBe('Not comparable: no figure for Q2 2021/22 (reporting error in the Q2 report).');
    expect(assessTrend({ ...rereferrals, previous: unknown('') }).explanation).toBe(
      'Not comparable: no figure for Q2 2021/22.',
    );
    expect(
      assessTrend({ ...rereferrals, previous: unknown('new measure'), previousPeriod: null }),
    ).toEqual({
      direction: 'not-comparable',
      arrow: '–',
      explanation: 'Not comparable: there is no earlier period to compare with.',
      previousPeriod: null,
    });
  });

  it('requires the period of a previous figure', () => {
    const error = errorOf(() => assessTrend({ ...rereferrals, previousPeriod: null }));
    expect(error.code).toBe('VALIDATION.REQUIRED');
    expect(error.data).toEqual({ field: 'previousPeriod', previous: 25.1 });
  });

  it('rejects bad input, naming the field and value', () => {
    expect(errorOf(() => assessTrend({ ...rereferrals, current: Number.NaN })).message).toBe(
      'The current figure must be a finite number, not NaN.',
    );
    expect(
      errorOf(() => assessTrend({ ...rereferrals, previous: null as unknown as number })).message,
    ).toBe('The previous figure must be a number or unknown (with a reason), not null.');
    expect(
      errorOf(() => assessTrend({ ...rereferrals, polarity: 'down' as Polarity })).message,
    ).toBe('Not a polarity: "down".');
    expect(
      errorOf(() => assessTrend({ ...rereferrals, unit: 'miles' as MeasureUnit })).data['field'],
    ).toBe('unit');
    expect(errorOf(() => assessTrend({ ...rereferrals, decimals: -1 })).data['field']).toBe(
      'decimals',
    );
    for (const threshold of [-0.1, Number.NaN, Infinity]) {
      const error = errorOf(() => assessTrend({ ...rereferrals, threshold }));
      expect(error.code).toBe('VALIDATION.INVALID_VALUE');
      expect(error.message).toBe(
        `A trend threshold must be a finite number, zero or more, not ${threshold}.`,
      );
    }
  });

  describe('properties', () => {
    const figure = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100);
    const input = fc.record({
      current: figure,
      previous: figure,
      polarity: fc.constantFrom<Polarity>('higher-is-better', 'lower-is-better'),
      previousPeriod: fc.constant<ReportingPeriod>(q2),
      unit: fc.constantFrom<MeasureUnit>(
        'percent',
        'count',
        'rate-per-1000',
        'weeks',
        'pounds',
        'score',
      ),
      decimals: fc.integer({ min: 0, max: 3 }),
      threshold: fc.integer({ min: 0, max: 300 }).map((n) => n / 100),
    });
    const opposite: Record<TrendDirection, TrendDirection> = {
      improving: 'worsening',
      worsening: 'improving',
      'no-change': 'no-change',
      'not-comparable': 'not-comparable',
    };

    it('points the arrow the way the printed figure moved, beyond the threshold', () => {
      fc.assert(
        fc.property(input, (i) => {
          const { arrow } = assessTrend(i);
          const change =
            roundToDecimals(i.current, i.decimals) - roundToDecimals(i.previous, i.decimals);
          if (Math.abs(change) <= i.threshold + 1e-9) return arrow === TREND_ARROWS.level;
          return arrow === (change > 0 ? TREND_ARROWS.up : TREND_ARROWS.down);
        }),
      );
    });

    it('swaps improving and worsening when the polarity flips, keeping the arrow', () => {
      fc.assert(
        fc.property(input, (i) => {
          const flipped = assessTrend({
            ...i,
            polarity: i.polarity === 'higher-is-better' ? 'lower-is-better' : 'higher-is-better',
          });
          const original = assessTrend(i);
          return (
            flipped.direction === opposite[original.direction] && flipped.arrow === original.arrow
          );
        }),
      );
    });

    it('swaps improving and worsening when the two figures swap', () => {
      fc.assert(
        fc.property(input, (i) => {
          const swapped = assessTrend({ ...i, current: i.previous, previous: i.current });
          return swapped.direction === opposite[assessTrend(i).direction];
        }),
      );
    });
  });
});

describe(assessResultTrend.name, () => {
  const rereferralMeasure: MeasureFacts = {
    code: 'CFSE.1' as MeasureCode,
    unit: 'percent',
    polarity: 'lower-is-better',
    decimals: 1,
  };
  const resultFor = (period: ReportingPeriod, value: MeasureResult['value']): MeasureResult => ({
    measureCode: rereferralMeasure.code,
    period,
    value,
    status: 'actual',
    comparators: [],
    commentary: null,
  });
  const q3 = quarterPeriod('2021/22', 3);
  const history = [
    resultFor(quarterPeriod('2020/21', 3), 21.0),
    resultFor(q2, 25.1),
    { ...resultFor(q2, 99), measureCode: 'CFSE.2' as MeasureCode },
  ];

  it('compares with the previous quarter or the same quarter last year, as the caller chooses', () => {
    const current = resultFor(q3, 23.0);
    expect(assessResultTrend(rereferralMeasure, current, history, 'previous-period')).toMatchObject(
      {
        direction: 'improving',
        previousPeriod: '2021/22-Q2',
      },
    );
    expect(assessResultTrend(rereferralMeasure, current, history, 'same-period-last-year')).toEqual(
      {
        direction: 'worsening',
        arrow: '↑',
        explanation:
          'Worsening: up 2.0 percentage points, from 21.0% in Q3 2020/21 to 23.0% (lower is better).',
        previousPeriod: '2020/21-Q3',
      },
    );
  });

  it('is not comparable when the history has no result for the comparable period', () => {
    expect(
      assessResultTrend(rereferralMeasure, resultFor(q2, 25.1), history, 'previous-period'),
    ).toEqual({
      direction: 'not-comparable',
      arrow: '–',
      explanation: 'Not comparable: no figure for Q1 2021/22 (no result recorded).',
      previousPeriod: '2021/22-Q1',
    });
  });

  it('refuses a result for another measure', () => {
    const other = { ...resultFor(q3, 23.0), measureCode: 'CFSE.2' as MeasureCode };
    expect(() => assessResultTrend(rereferralMeasure, other, history, 'previous-period')).toThrow(
      'The result is for CFSE.2, not CFSE.1.',
    );
  });
});
