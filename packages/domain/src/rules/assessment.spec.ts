import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { unknown } from '../missing.js';
import type { AcademicYear, FinancialYear } from '../model/time.js';
import type {
  MeasureCode,
  MeasureResult,
  MeasureTarget,
  PerformanceMeasure,
} from '../model/performance.js';
import type { PortfolioCode } from '../model/people.js';
import type { CouncilDataset } from '../model/document.js';
import { MEASURE_FREQUENCIES } from '../model/performance.js';
import {
  academicYearPeriod,
  annualPeriod,
  midYearPeriod,
  monthPeriod,
  periodCode,
  quarterPeriod,
} from './period.js';
import {
  assessAround,
  assessDataset,
  assessMeasureResults,
  assessMissingResult,
  comparisonBasis,
  isAssessed,
  targetYear,
} from './assessment.js';

const code = 'CFSE.3' as MeasureCode;
const measure = (frequency: PerformanceMeasure['frequency']): PerformanceMeasure => ({
  code,
  portfolioCode: 'CFSE' as PortfolioCode,
  title: 'Two-year-olds in funded early education',
  unit: 'percent',
  polarity: 'higher-is-better',
  frequency,
  source: null,
  priorityNumber: 1,
  decimals: 1,
});
const year = (value: string) => value as FinancialYear;
const result = (period: MeasureResult['period'], value: number): MeasureResult => ({
  measureCode: code,
  period,
  value,
  status: 'actual',
  comparators: [],
  commentary: null,
});
const target: MeasureTarget = {
  measureCode: code,
  unit: 'percent',
  target: 80,
  tolerance: { kind: 'absolute', amount: 3 },
  toleranceRationale: null,
};
// The sample council's CFSE.3: mid-year and Q3 figures for two years.
const results = [
  result({ kind: 'mid-year', year: year('2020/21') }, 71.4),
  result({ kind: 'quarter', year: year('2020/21'), quarter: 3 }, 74),
  result({ kind: 'mid-year', year: year('2021/22') }, 76.8),
  result({ kind: 'quarter', year: year('2021/22'), quarter: 3 }, 79.2),
];

describe(assessMeasureResults.name, () => {
  it('judges each result against its own year’s target, and says so when a year has none', () => {
    const sut = assessMeasureResults(measure('termly'), new Map([['2021/22', target]]), results);
    expect(sut.get('2021/22-Q3')?.rag.status).toBe('amber');
    expect(sut.get('2021/22-H1')?.rag.status).toBe('red');
    expect(sut.get('2020/21-Q3')?.rag).toMatchObject({ status: 'no-target' });
  });

  it('compares a termly measure with the same period a year before', () => {
    const sut = assessMeasureResults(measure('termly'), new Map(), results);
    expect(sut.get('2021/22-Q3')?.trend).toMatchObject({
      direction: 'improving',
      previousPeriod: '2020/21-Q3',
    });
  });

  it('compares a quarterly measure with the quarter before, which may be missing', () => {
    const sut = assessMeasureResults(measure('quarterly'), new Map(), results);
    expect(sut.get('2021/22-Q3')?.trend).toMatchObject({
      direction: 'not-comparable',
      previousPeriod: '2021/22-Q2',
    });
  });
});

describe(comparisonBasis.name, () => {
  it('compares school measures (termly and academic-year) with the same period a year before', () => {
    expect(comparisonBasis(measure('termly'))).toBe('same-period-last-year');
    expect(comparisonBasis(measure('academic-year'))).toBe('same-period-last-year');
    expect(comparisonBasis(measure('quarterly'))).toBe('previous-period');
    expect(comparisonBasis(measure('monthly'))).toBe('previous-period');
    expect(comparisonBasis(measure('annual'))).toBe('previous-period');
  });
});

describe(targetYear.name, () => {
  it('is the period’s financial year, or for an academic year the one of the same name', () => {
    expect(targetYear({ kind: 'quarter', year: year('2021/22'), quarter: 3 })).toBe('2021/22');
    expect(targetYear({ kind: 'academic-year', year: '2020/21' as AcademicYear })).toBe('2020/21');
  });
});

describe('academic-year measures', () => {
  // The sample council's CFSE.60: NCMP Year 6 overweight or obese, lower is better.
  const ay = (value: string) => ({ kind: 'academic-year' as const, year: value as AcademicYear });
  const ncmp = { ...measure('academic-year'), polarity: 'lower-is-better' as const };
  const history = [result(ay('2018/19'), 31.2), result(ay('2020/21'), 36.4)];

  it('judges an academic year against the same-named year’s target and compares it with the year before', () => {
    const sut = assessMeasureResults(ncmp, new Map([['2020/21', { ...target, target: 35 }]]), [
      ...history,
      result(ay('2019/20'), 33),
    ]);
    expect(sut.get('AY2020/21')?.rag.status).toBe('amber');
    expect(sut.get('AY2020/21')?.trend).toMatchObject({
      direction: 'worsening',
      previousPeriod: 'AY2019/20',
    });
  });
});

describe(assessMissingResult.name, () => {
  it('says No data, or No target where the agreement has none, and no trend', () => {
    expect(assessMissingResult(measure('quarterly'), target).rag.status).toBe('no-data');
    expect(assessMissingResult(measure('quarterly'), null).rag.status).toBe('no-target');
    expect(assessMissingResult(measure('quarterly'), null).trend).toMatchObject({
      direction: 'not-comparable',
      previousPeriod: null,
    });
  });
});

describe(assessDataset.name, () => {
  const dataset = (results: readonly MeasureResult[]) =>
    ({
      measures: [measure('termly')],
      agreements: [
        { portfolioCode: 'CFSE', year: '2021/22', targets: [target] },
      ] as unknown as CouncilDataset['agreements'],
      results,
    }) satisfies Pick<CouncilDataset, 'measures' | 'agreements' | 'results'>;

  it('assesses results read without an assessment by the same rule the API stores', () => {
    const sut = assessDataset(dataset(results));
    const expected = assessMeasureResults(
      measure('termly'),
      new Map([['2021/22', target]]),
      results,
    );
    expect(sut).toHaveLength(4);
    for (const assessed of sut) {
      expect(isAssessed(assessed)).toBe(true);
      const code =
        assessed.period.kind === 'mid-year'
          ? `${assessed.period.year}-H1`
          : `${assessed.period.year}-Q3`;
      expect({ rag: assessed.rag, trend: assessed.trend }).toEqual(expected.get(code));
    }
  });

  it('keeps a stored assessment as it is, and leaves out results of a measure it does not hold', () => {
    const stored = {
      ...result({ kind: 'mid-year', year: year('2021/22') }, 76.8),
      rag: { status: 'green' as const, explanation: 'stored' },
      trend: {
        direction: 'no-change' as const,
        arrow: '→',
        explanation: 'stored',
        previousPeriod: null,
      },
    };
    const stranger = {
      ...result({ kind: 'mid-year', year: year('2021/22') }, 1),
      measureCode: 'X.1' as MeasureCode,
    };
    const sut = assessDataset(dataset([stored, results[3]!, stranger]));
    expect(sut.find((r) => r.period.kind === 'mid-year')?.rag.explanation).toBe('stored');
    expect(sut.map((r) => r.measureCode)).toEqual([code, code]);
    expect(assessDataset(dataset([stored]))).toEqual([stored]);
  });
});

describe(assessAround.name, () => {
  // A small pool of periods of every kind over three years, so that neighbours often exist.
  const years = ['2020/21', '2021/22', '2022/23'] as const;
  const pool = years.flatMap((y) => [
    ...([1, 2, 3, 4] as const).map((q) => quarterPeriod(y, q)),
    ...[1, 6, 11, 12].map((m) => monthPeriod(y, m)),
    midYearPeriod(y),
    annualPeriod(y),
    academicYearPeriod(y),
  ]);
  const value = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(unknown('not collected')));

  it('changes what a full reassessment changes, and only that, when a result is recorded (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_FREQUENCIES),
        fc.uniqueArray(fc.record({ at: fc.nat(pool.length - 1), value }), {
          selector: (entry) => entry.at,
          minLength: 1,
          maxLength: pool.length,
        }),
        fc.subarray([...years]),
        (frequency, entries, withTargets) => {
          const [added, ...stored] = entries.map((entry) =>
            result(pool[entry.at]!, entry.value as number),
          );
          const targets = new Map(withTargets.map((y) => [y as string, target]));
          const before = assessMeasureResults(measure(frequency), targets, stored);
          const full = assessMeasureResults(measure(frequency), targets, [...stored, added!]);
          const changed = assessAround(measure(frequency), targets, stored, added!);
          const incremental = new Map([...before, ...changed]);
          expect(changed.has(periodCode(added!.period))).toBe(true);
          expect(incremental).toEqual(full);
        },
      ),
      { numRuns: 500 },
    );
  });
});
