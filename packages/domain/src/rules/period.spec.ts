import fc from 'fast-check';
import { DomainError } from '../errors.js';
import type { ReportingPeriod } from '../model/time.js';
import { addDays, addYears, daysInMonth, localDate, localDateOf } from './dates.js';
import { academicYearStarting, financialYearStarting } from './financial-year.js';
import {
  PERIOD_KINDS,
  academicYearPeriod,
  annualPeriod,
  isSamePeriod,
  midYearPeriod,
  monthPeriod,
  nextComparablePeriod,
  nextPeriod,
  parsePeriodCode,
  periodCode,
  periodContains,
  periodEnd,
  periodFinancialYear,
  periodLabel,
  periodOf,
  periodStart,
  previousComparablePeriod,
  previousPeriod,
  quarterPeriod,
  samePeriodLastYear,
  type ComparisonBasis,
  type PeriodKind,
} from './period.js';

const arbitraryDate = fc
  .record({
    year: fc.integer({ min: 1901, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) =>
    localDateOf({ year, month, day: Math.min(day, daysInMonth(year, month)) }),
  );

const arbitraryYear = fc.integer({ min: 1901, max: 2198 }).map(financialYearStarting);

const arbitraryPeriod: fc.Arbitrary<ReportingPeriod> = fc.oneof(
  fc.tuple(arbitraryYear, fc.integer({ min: 1, max: 4 })).map(([y, q]) => quarterPeriod(y, q)),
  arbitraryYear.map(midYearPeriod),
  arbitraryYear.map(annualPeriod),
  fc.integer({ min: 1901, max: 2198 }).map((y) => academicYearPeriod(academicYearStarting(y))),
  fc.tuple(arbitraryYear, fc.integer({ min: 1, max: 12 })).map(([y, m]) => monthPeriod(y, m)),
);

const q3 = quarterPeriod('2021/22', 3);

describe('constructors', () => {
  it('build each kind of period', () => {
    expect(q3).toEqual({ kind: 'quarter', year: '2021/22', quarter: 3 });
    expect(midYearPeriod('2021/22')).toEqual({ kind: 'mid-year', year: '2021/22' });
    expect(annualPeriod('2021/22')).toEqual({ kind: 'annual', year: '2021/22' });
    expect(academicYearPeriod('2020/21')).toEqual({ kind: 'academic-year', year: '2020/21' });
    expect(monthPeriod('2021/22', 7)).toEqual({ kind: 'month', year: '2021/22', month: 7 });
  });

  it('reject a quarter or month out of range, and a bad year', () => {
    expect(() => quarterPeriod('2021/22', 5)).toThrow('Not a quarter: 5 (expected 1–4).');
    expect(() => quarterPeriod('2021/22', 0)).toThrow('Not a quarter: 0');
    expect(() => quarterPeriod('2021/22', 2.5)).toThrow('Not a quarter: 2.5');
    expect(() => monthPeriod('2021/22', 13)).toThrow(
      'Not a month of the financial year: 13 (expected 1–12, where 1 is April).',
    );
    expect(() => monthPeriod('2021/22', 0)).toThrow(DomainError);
    expect(() => monthPeriod('2021/22', 1.5)).toThrow(DomainError);
    expect(() => annualPeriod('2021/23')).toThrow('the years must be consecutive');
    expect(() => academicYearPeriod('2020-21')).toThrow('Not an academic year');
  });
});

describe('periodOf', () => {
  it.each<[string, PeriodKind, string]>([
    ['2021-04-01', 'quarter', 'Q1 2021/22'],
    ['2021-06-30', 'quarter', 'Q1 2021/22'],
    ['2021-07-01', 'quarter', 'Q2 2021/22'],
    ['2021-11-15', 'quarter', 'Q3 2021/22'],
    ['2022-03-31', 'quarter', 'Q4 2021/22'],
    ['2021-09-30', 'mid-year', 'Mid-year 2021/22'],
    ['2021-04-01', 'mid-year', 'Mid-year 2021/22'],
    ['2022-01-10', 'annual', '2021/22'],
    ['2021-03-31', 'annual', '2020/21'],
    ['2021-08-31', 'academic-year', 'Academic year 2020/21'],
    ['2021-09-01', 'academic-year', 'Academic year 2021/22'],
    ['2021-10-15', 'month', 'October 2021'],
    ['2022-01-01', 'month', 'January 2022'],
    ['2022-03-31', 'month', 'March 2022'],
  ])('%s falls in the %s period %s', (date, kind, label) => {
    expect(periodLabel(periodOf(localDate(date), kind))).toBe(label);
  });

  it('refuses a mid-year period for a date in the second half of the year', () => {
    expect(() => periodOf(localDate('2021-10-01'), 'mid-year')).toThrow(
      '1 October 2021 is not in a mid-year period (April to September).',
    );
  });

  it('rejects a kind it does not know', () => {
    expect(() => periodOf(localDate('2021-10-01'), 'term' as PeriodKind)).toThrow(
      'Not a kind of reporting period: "term".',
    );
  });

  it('gives a period that contains the date (property)', () => {
    fc.assert(
      fc.property(
        arbitraryDate,
        fc.constantFrom(...PERIOD_KINDS).filter((kind) => kind !== 'mid-year'),
        (date, kind) => periodContains(periodOf(date, kind), date),
      ),
    );
  });
});

describe('periodStart and periodEnd', () => {
  it.each<[ReportingPeriod, string, string]>([
    [quarterPeriod('2021/22', 1), '2021-04-01', '2021-06-30'],
    [quarterPeriod('2021/22', 2), '2021-07-01', '2021-09-30'],
    [q3, '2021-10-01', '2021-12-31'],
    [quarterPeriod('2021/22', 4), '2022-01-01', '2022-03-31'],
    [midYearPeriod('2021/22'), '2021-04-01', '2021-09-30'],
    [annualPeriod('2021/22'), '2021-04-01', '2022-03-31'],
    [academicYearPeriod('2020/21'), '2020-09-01', '2021-08-31'],
    [monthPeriod('2023/24', 11), '2024-02-01', '2024-02-29'],
    [monthPeriod('2021/22', 7), '2021-10-01', '2021-10-31'],
  ])('%j runs from %s to %s', (period, start, end) => {
    expect(periodStart(period)).toBe(start);
    expect(periodEnd(period)).toBe(end);
  });

  it('contains its own start and end, and not the days either side (property)', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        const start = periodStart(period);
        const end = periodEnd(period);
        return (
          periodContains(period, start) &&
          periodContains(period, end) &&
          !periodContains(period, addDays(start, -1)) &&
          !periodContains(period, addDays(end, 1))
        );
      }),
    );
  });
});

describe('previous comparable periods', () => {
  it('previousPeriod steps back one period of the same kind', () => {
    expect(periodLabel(previousPeriod(q3))).toBe('Q2 2021/22');
    expect(periodLabel(previousPeriod(quarterPeriod('2021/22', 1)))).toBe('Q4 2020/21');
    expect(periodLabel(previousPeriod(monthPeriod('2021/22', 7)))).toBe('September 2021');
    expect(periodLabel(previousPeriod(monthPeriod('2021/22', 1)))).toBe('March 2021');
    expect(periodLabel(previousPeriod(midYearPeriod('2021/22')))).toBe('Mid-year 2020/21');
    expect(periodLabel(previousPeriod(annualPeriod('2021/22')))).toBe('2020/21');
    expect(periodLabel(previousPeriod(academicYearPeriod('2020/21')))).toBe(
      'Academic year 2019/20',
    );
  });

  it('samePeriodLastYear keeps the quarter or month', () => {
    expect(periodLabel(samePeriodLastYear(q3))).toBe('Q3 2020/21');
    expect(periodLabel(samePeriodLastYear(monthPeriod('2021/22', 10)))).toBe('January 2021');
    expect(periodLabel(samePeriodLastYear(academicYearPeriod('2020/21')))).toBe(
      'Academic year 2019/20',
    );
    expect(periodLabel(samePeriodLastYear(midYearPeriod('2021/22')))).toBe('Mid-year 2020/21');
  });

  it('previousComparablePeriod makes the caller choose the basis', () => {
    expect(previousComparablePeriod(q3, 'previous-period')).toEqual(quarterPeriod('2021/22', 2));
    expect(previousComparablePeriod(q3, 'same-period-last-year')).toEqual(
      quarterPeriod('2020/21', 3),
    );
    expect(() => previousComparablePeriod(q3, 'last' as ComparisonBasis)).toThrow(
      'Not a comparison basis: "last".',
    );
  });

  it('previousPeriod ends the day before the period starts, for all but mid-year (property)', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod.filter((p) => p.kind !== 'mid-year'),
        (period) => addDays(periodEnd(previousPeriod(period)), 1) === periodStart(period),
      ),
    );
  });

  it('samePeriodLastYear starts one year earlier (property)', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod,
        (period) => periodStart(samePeriodLastYear(period)) === addYears(periodStart(period), -1),
      ),
    );
  });

  it('nextPeriod undoes previousPeriod (property)', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) =>
        isSamePeriod(nextPeriod(previousPeriod(period)), period),
      ),
    );
    expect(nextPeriod(quarterPeriod('2021/22', 4))).toEqual(quarterPeriod('2022/23', 1));
    expect(nextPeriod(monthPeriod('2021/22', 12))).toEqual(monthPeriod('2022/23', 1));
  });
});

describe(nextComparablePeriod.name, () => {
  it('is the period whose trend compares with this one, on either basis (property)', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod,
        fc.constantFrom<ComparisonBasis>('previous-period', 'same-period-last-year'),
        (period, basis) =>
          isSamePeriod(
            previousComparablePeriod(nextComparablePeriod(period, basis), basis),
            period,
          ) &&
          isSamePeriod(
            nextComparablePeriod(previousComparablePeriod(period, basis), basis),
            period,
          ),
      ),
    );
    expect(nextComparablePeriod(q3, 'same-period-last-year')).toEqual(quarterPeriod('2022/23', 3));
    expect(nextComparablePeriod(academicYearPeriod('2020/21'), 'previous-period')).toEqual(
      academicYearPeriod('2021/22'),
    );
  });
});

describe('periodLabel', () => {
  it.each<[ReportingPeriod, string]>([
    [q3, 'Q3 2021/22'],
    [midYearPeriod('2021/22'), 'Mid-year 2021/22'],
    [annualPeriod('2021/22'), '2021/22'],
    [academicYearPeriod('2020/21'), 'Academic year 2020/21'],
    [monthPeriod('2021/22', 7), 'October 2021'],
    [monthPeriod('2021/22', 12), 'March 2022'],
  ])('%j is labelled %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});

describe('periodCode and parsePeriodCode', () => {
  it.each<[ReportingPeriod, string]>([
    [q3, '2021/22-Q3'],
    [midYearPeriod('2021/22'), '2021/22-H1'],
    [annualPeriod('2021/22'), '2021/22'],
    [academicYearPeriod('2020/21'), 'AY2020/21'],
    [monthPeriod('2021/22', 7), '2021/22-M07'],
    [monthPeriod('2021/22', 12), '2021/22-M12'],
  ])('%j has the code %s', (period, code) => {
    expect(periodCode(period)).toBe(code);
    expect(parsePeriodCode(code)).toEqual(period);
  });

  it.each([
    ['2021/22-Q5', 'Not a period code: "2021/22-Q5": Not a quarter: 5 (expected 1–4).'],
    ['2021/22-M13', 'Not a period code: "2021/22-M13": Not a month of the financial year: 13'],
    ['2021/22-M00', 'Not a period code: "2021/22-M00": Not a month of the financial year: 0'],
    ['2021/23-Q1', 'Not a period code: "2021/23-Q1": Not a financial year: "2021/23"'],
    ['AY2020/22', 'Not a period code: "AY2020/22": Not an academic year'],
    ['AY2020/21-Q1', 'Not a period code: "AY2020/21-Q1" (expected e.g. 2021/22-Q3'],
    ['2021/22-H2', 'Not a period code: "2021/22-H2" (expected'],
    ['2021/22-M7', 'Not a period code: "2021/22-M7" (expected'],
    ['Q3 2021/22', 'Not a period code: "Q3 2021/22" (expected'],
    ['', 'Not a period code: "" (expected'],
  ])('rejects %j', (code, message) => {
    const error = (() => {
      try {
        parsePeriodCode(code);
      } catch (caught) {
        return caught as DomainError;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toContain(message);
    expect(error.data).toEqual({ value: code });
  });

  it('rejects a code that is not a string', () => {
    expect(() => parsePeriodCode(202122 as unknown as string)).toThrow('Not a period code: 202122');
  });

  it('round-trips every period (property)', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) =>
        expect(parsePeriodCode(periodCode(period))).toEqual(period),
      ),
    );
  });

  it('gives different periods different codes (property)', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod,
        arbitraryPeriod,
        (a, b) => isSamePeriod(a, b) === (JSON.stringify(a) === JSON.stringify(b)),
      ),
    );
  });
});

describe('periodFinancialYear', () => {
  it('is the year for financial periods and null for an academic year', () => {
    expect(periodFinancialYear(q3)).toBe('2021/22');
    expect(periodFinancialYear(academicYearPeriod('2020/21'))).toBeNull();
  });
});
