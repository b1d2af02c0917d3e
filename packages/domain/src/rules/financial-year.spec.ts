import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { addDays, compareDates, daysInMonth, localDate, localDateOf } from './dates.js';
import {
  academicYear,
  academicYearEnd,
  academicYearOf,
  academicYearStart,
  academicYearStarting,
  academicYearStartYear,
  financialYear,
  financialYearEnd,
  financialYearOf,
  financialYearStart,
  financialYearStarting,
  financialYearStartYear,
  nextAcademicYear,
  nextFinancialYear,
  previousAcademicYear,
  previousFinancialYear,
} from './financial-year.js';

const arbitraryDate = fc
  .record({
    year: fc.integer({ min: 1901, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) =>
    localDateOf({ year, month, day: Math.min(day, daysInMonth(year, month)) }),
  );

describe('financialYear', () => {
  it.each(['2021/22', '1999/00', '2099/00', '1000/01', '9998/99'])('accepts %s', (value) => {
    expect(financialYear(value)).toBe(value);
  });

  it('rejects years that are not consecutive, naming the value and the year expected', () => {
    expect(() => financialYear('2021/23')).toThrow(
      new DomainError(
        'VALIDATION.INVALID_VALUE',
        'Not a financial year: "2021/23" (the years must be consecutive: 2021/22).',
      ),
    );
    try {
      financialYear('2021/21');
    } catch (error) {
      expect((error as DomainError).data).toEqual({ value: '2021/21', expected: '2021/22' });
    }
    expect.assertions(2);
  });

  it.each(['2021-22', '2021/2022', '21/22', '2021/22 ', 'FY2021/22', ''])(
    'rejects the shape of %j',
    (value) => {
      expect(() => financialYear(value)).toThrow(
        `Not a financial year: ${JSON.stringify(value)} (expected YYYY/YY, e.g. 2021/22).`,
      );
    },
  );

  it('rejects a value that is not a string', () => {
    expect(() => financialYear(2021 as unknown as string)).toThrow('Not a financial year: 2021');
  });

  it('rejects years outside 1000–9998', () => {
    expect(() => financialYear('0999/00')).toThrow('it must start in a year from 1000 to 9998');
    expect(() => financialYear('9999/00')).toThrow('it must start in a year from 1000 to 9998');
    expect(() => financialYearStarting(2021.5)).toThrow('Not a financial year: 2021.5');
  });
});

describe('financialYearOf', () => {
  it.each([
    ['2021-04-01', '2021/22'],
    ['2021-11-15', '2021/22'],
    ['2022-03-31', '2021/22'],
    ['2022-04-01', '2022/23'],
    ['2000-01-01', '1999/00'],
  ])('%s is in %s', (date, year) => {
    expect(financialYearOf(localDate(date))).toBe(year);
  });

  it('puts every date between its year’s start and end (property)', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        const year = financialYearOf(date);
        return (
          compareDates(financialYearStart(year), date) <= 0 &&
          compareDates(date, financialYearEnd(year)) <= 0
        );
      }),
    );
  });
});

describe('financial year arithmetic', () => {
  const year = financialYear('2021/22');

  it('starts on 1 April and ends on 31 March', () => {
    expect(financialYearStart(year)).toBe('2021-04-01');
    expect(financialYearEnd(year)).toBe('2022-03-31');
    expect(financialYearStartYear(year)).toBe(2021);
    expect(financialYearStarting(2021)).toBe('2021/22');
  });

  it('steps to the next and previous year, across a century', () => {
    expect(nextFinancialYear(year)).toBe('2022/23');
    expect(previousFinancialYear(year)).toBe('2020/21');
    expect(nextFinancialYear(financialYear('1999/00'))).toBe('2000/01');
    expect(previousFinancialYear(financialYear('2000/01'))).toBe('1999/00');
  });

  it('leaves no gap between one year and the next (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9997 }), (start) => {
        const current = financialYearStarting(start);
        return (
          addDays(financialYearEnd(current), 1) === financialYearStart(nextFinancialYear(current))
        );
      }),
    );
  });
});

describe('academic years', () => {
  const year = academicYear('2020/21');

  it('validates like a financial year, saying which kind of year', () => {
    expect(() => academicYear('2020/22')).toThrow(
      'Not an academic year: "2020/22" (the years must be consecutive: 2020/21).',
    );
    expect(() => academicYear('2020-21')).toThrow('Not an academic year: "2020-21"');
    expect(() => academicYearStarting(99)).toThrow('it must start in a year from 1000 to 9998');
  });

  it('runs from 1 September to 31 August', () => {
    expect(academicYearStart(year)).toBe('2020-09-01');
    expect(academicYearEnd(year)).toBe('2021-08-31');
    expect(academicYearStartYear(year)).toBe(2020);
  });

  it.each([
    ['2020-09-01', '2020/21'],
    ['2021-08-31', '2020/21'],
    ['2021-09-01', '2021/22'],
    ['2021-03-31', '2020/21'],
  ])('%s is in academic year %s', (date, expected) => {
    expect(academicYearOf(localDate(date))).toBe(expected);
  });

  it('steps to the next and previous year', () => {
    expect(nextAcademicYear(year)).toBe('2021/22');
    expect(previousAcademicYear(year)).toBe('2019/20');
  });

  it('puts every date between its year’s start and end (property)', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        const ay = academicYearOf(date);
        return (
          compareDates(academicYearStart(ay), date) <= 0 &&
          compareDates(date, academicYearEnd(ay)) <= 0
        );
      }),
    );
  });
});
