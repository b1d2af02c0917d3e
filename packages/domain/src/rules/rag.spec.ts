import fc from 'fast-check';
import type { DomainError } from '../errors.js';
import { unknown } from '../missing.js';
import type {
  MeasureCode,
  MeasureResult,
  MeasureTarget,
  MeasureUnit,
  Polarity,
  RagStatus,
  Tolerance,
} from '../model/performance.js';
import { annualPeriod } from './period.js';
import { roundToDecimals } from './measure-format.js';
import { assessRag, assessResultRag, type MeasureFacts, type RagInput } from './rag.js';

const base: RagInput = {
  actual: 61.2,
  target: 78.8,
  polarity: 'higher-is-better',
  tolerance: { kind: 'absolute', amount: 2 },
  unit: 'percent',
  decimals: 1,
};

const severity: Record<RagStatus, number> = {
  green: 0,
  amber: 1,
  red: 2,
  'no-target': -1,
  'no-data': -1,
};

const figure = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10);
const decimals = fc.integer({ min: 0, max: 3 });
const polarity = fc.constantFrom<Polarity>('higher-is-better', 'lower-is-better');
const tolerance: fc.Arbitrary<Tolerance> = fc.oneof(
  fc.constant<Tolerance>({ kind: 'none' }),
  fc.integer({ min: 0, max: 500 }).map((n): Tolerance => ({ kind: 'absolute', amount: n / 10 })),
  fc.integer({ min: 0, max: 200 }).map((n): Tolerance => ({ kind: 'relative', percent: n / 4 })),
);
const unit = fc.constantFrom<MeasureUnit>(
  'percent',
  'count',
  'rate-per-10000',
  'days',
  'pounds',
  'score',
);
const input = fc.record({ actual: figure, target: figure, polarity, tolerance, unit, decimals });

describe(assessRag.name, () => {
  it('rejects figures that are not finite, naming the field', () => {
    for (const value of [Number.NaN, Infinity, -Infinity]) {
      expect(() => assessRag({ ...base, actual: value })).toThrow(
        `The actual must be a finite number, not ${value}.`,
      );
      expect(() => assessRag({ ...base, target: value })).toThrow(
        `The target must be a finite number, not ${value}.`,
      );
    }
  });

  it('rejects a tolerance that is not finite or not a tolerance at all', () => {
    expect(() =>
      assessRag({ ...base, tolerance: { kind: 'relative', percent: Infinity } }),
    ).toThrow('A tolerance must be a finite number, zero or more, not Infinity.');
    expect(() =>
      assessRag({ ...base, tolerance: { kind: 'absolute', amount: Number.NaN } }),
    ).toThrow('not NaN');
    expect(() => assessRag({ ...base, tolerance: null as unknown as Tolerance })).toThrow(
      'Not a tolerance: null',
    );
  });

  it('validates every input even when the result is no-data', () => {
    const error = (() => {
      try {
        assessRag({ ...base, actual: unknown('not yet'), unit: 'miles' as MeasureUnit });
      } catch (caught) {
        return caught as DomainError;
      }
      return null;
    })();
    expect(error?.code).toBe('VALIDATION.INVALID_VALUE');
    expect(error?.data).toMatchObject({ field: 'unit', value: 'miles' });
  });

  it('shows a relative tolerance with at most ten places', () => {
    const result = assessRag({
      ...base,
      actual: 0,
      target: 1.000001,
      tolerance: { kind: 'relative', percent: 33.333333 },
      unit: 'score',
      decimals: 6,
    });
    // 33.333333% of 1.000001 is 0.33333366333333 exactly, shown at ten places.
    expect(result.explanation).toBe(
      'Red: 0.000000 is 1.000001 below the target of 1.000001, outside the tolerance of 33.333333% of the target (0.3333336633).',
    );
  });

  it('is Green exactly when the printed figure is on or better than the printed target (property)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { status } = assessRag(i);
        const actual = roundToDecimals(i.actual, i.decimals);
        const target = roundToDecimals(i.target, i.decimals);
        const isOnOrBetter =
          i.polarity === 'higher-is-better' ? actual >= target : actual <= target;
        return (status === 'green') === isOnOrBetter;
      }),
    );
  });

  it('never gives Amber without a tolerance (property)', () => {
    fc.assert(
      fc.property(
        input,
        (i) => assessRag({ ...i, tolerance: { kind: 'none' } }).status !== 'amber',
      ),
    );
  });

  it('never gets worse as the result improves (property)', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 10_000 }), (i, step) => {
        const better =
          i.polarity === 'higher-is-better' ? i.actual + step / 10 : i.actual - step / 10;
        return (
          severity[assessRag({ ...i, actual: better }).status] <= severity[assessRag(i).status]
        );
      }),
    );
  });

  it('never gets worse as the tolerance widens (property)', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 100 }), (i, extra) => {
        const wider: Tolerance =
          i.tolerance.kind === 'absolute'
            ? { kind: 'absolute', amount: i.tolerance.amount + extra }
            : i.tolerance.kind === 'relative'
              ? { kind: 'relative', percent: i.tolerance.percent + extra }
              : { kind: 'absolute', amount: extra };
        return (
          severity[assessRag({ ...i, tolerance: wider }).status] <= severity[assessRag(i).status]
        );
      }),
    );
  });

  it('treats lower-is-better as the mirror of higher-is-better (property)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const mirrored: Polarity =
          i.polarity === 'higher-is-better' ? 'lower-is-better' : 'higher-is-better';
        return (
          assessRag(i).status ===
          assessRag({ ...i, actual: -i.actual, target: -i.target, polarity: mirrored }).status
        );
      }),
    );
  });

  it('explains every status in a sentence that starts with the status word (property)', () => {
    const words: Record<RagStatus, string> = {
      green: 'Green: ',
      amber: 'Amber: ',
      red: 'Red: ',
      'no-target': 'No target set',
      'no-data': 'No data',
    };
    fc.assert(
      fc.property(input, fc.boolean(), fc.boolean(), (i, hasActual, hasTarget) => {
        const result = assessRag({
          ...i,
          actual: hasActual ? i.actual : unknown('awaiting data'),
          target: hasTarget ? i.target : unknown('baseline year'),
        });
        return (
          result.explanation.startsWith(words[result.status]) && result.explanation.endsWith('.')
        );
      }),
    );
  });
});

describe(assessResultRag.name, () => {
  const cfse11: MeasureFacts = {
    code: 'CFSE11' as MeasureCode,
    unit: 'percent',
    polarity: 'higher-is-better',
    decimals: 1,
  };
  const target: MeasureTarget = {
    measureCode: cfse11.code,
    unit: 'percent',
    target: 78.8,
    tolerance: { kind: 'absolute', amount: 2 },
    toleranceRationale: 'Three secondary schools judged Inadequate in 2019 weigh on the figure.',
  };
  const result: MeasureResult = {
    measureCode: cfse11.code,
    period: annualPeriod('2021/22'),
    value: 61.2,
    status: 'actual',
    comparators: [],
    commentary: null,
  };

  it('judges a result against the agreement’s target for the measure', () => {
    expect(assessResultRag(cfse11, target, result)).toEqual({
      status: 'red',
      explanation:
        'Red: 61.2% is 17.6 percentage points below the target of 78.8%, outside the tolerance of 2 points.',
    });
  });

  it('is no-target when the agreement has no target line, and no-data when the result is unknown', () => {
    expect(assessResultRag(cfse11, null, result)).toEqual({
      status: 'no-target',
      explanation: 'No target set: the agreement sets no target for CFSE11.',
    });
    expect(
      assessResultRag(cfse11, target, { ...result, value: unknown('data not yet available') })
        .status,
    ).toBe('no-data');
  });

  it('refuses a target or result for another measure, or a target in another unit', () => {
    const other = 'CFSE.28' as MeasureCode;
    const mismatch = (run: () => unknown): DomainError => {
      try {
        run();
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('expected an error');
    };
    const wrongResult = mismatch(() =>
      assessResultRag(cfse11, target, { ...result, measureCode: other }),
    );
    expect(wrongResult.code).toBe('VALIDATION.MISMATCH');
    expect(wrongResult.message).toBe('The result is for CFSE.28, not CFSE11.');
    expect(
      mismatch(() => assessResultRag(cfse11, { ...target, measureCode: other }, result)).message,
    ).toBe('The target is for CFSE.28, not CFSE11.');
    const wrongUnit = mismatch(() => assessResultRag(cfse11, { ...target, unit: 'count' }, result));
    // The unit rule is validation.ts's assertTargetUnitMatches, shared with the API and importer.
    expect(wrongUnit.code).toBe('VALIDATION.MISMATCH');
    expect(wrongUnit.message).toContain('measure CFSE11 is in percent');
    expect(wrongUnit.data).toMatchObject({ value: 'count' });
  });
});
