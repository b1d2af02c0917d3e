import { describe, expect, it } from '@jest/globals';
import type {
  FinancialYear,
  MeasureCode,
  MeasureResult,
  MeasureTarget,
  PerformanceMeasure,
  PortfolioCode,
} from '@scrutineer/domain';
import { assessMeasureResults } from './assessment.js';

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
