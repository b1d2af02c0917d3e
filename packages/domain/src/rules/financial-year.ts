import { DomainError } from '../errors.js';
import type { AcademicYear, FinancialYear, LocalDate } from '../model/time.js';
import { dateParts, localDateOf } from './dates.js';

/**
 * Financial years (1 April – 31 March) and academic years (1 September – 31 August),
 * both written `2021/22`: the year they start in and the last two digits of the next.
 */

type YearKind = 'a financial year' | 'an academic year';

const FIRST_START_YEAR = 1000;
// The end year must be a four-digit year too.
const LAST_START_YEAR = 9998;

const parseYearPair = (value: string, kind: YearKind): number => {
  const match = typeof value === 'string' ? /^(\d{4})\/(\d{2})$/.exec(value) : null;
  if (match === null) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Not ${kind}: ${JSON.stringify(value)} (expected YYYY/YY, e.g. 2021/22).`,
      { value, expected: 'YYYY/YY' },
    );
  }
  const startYear = Number(match[1]);
  checkStartYear(startYear, kind, value);
  const expected = writeYearPair(startYear);
  if (value !== expected) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Not ${kind}: ${JSON.stringify(value)} (the years must be consecutive: ${expected}).`,
      { value, expected },
    );
  }
  return startYear;
};

const checkStartYear = (startYear: number, kind: YearKind, value: unknown): void => {
  if (!Number.isInteger(startYear) || startYear < FIRST_START_YEAR || startYear > LAST_START_YEAR) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Not ${kind}: ${JSON.stringify(value)} (it must start in a year from ${FIRST_START_YEAR} to ${LAST_START_YEAR}).`,
      { value },
    );
  }
};

const writeYearPair = (startYear: number): string =>
  `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

// ---- Financial years --------------------------------------------------------------------------

/** Validates the shape and that the years are consecutive: `2021/22` yes, `2021/23` and `2021-22` no. */
export const financialYear = (value: string): FinancialYear =>
  writeYearPair(parseYearPair(value, 'a financial year')) as FinancialYear;

/** The financial year that starts on 1 April of `startYear`. */
export const financialYearStarting = (startYear: number): FinancialYear => {
  checkStartYear(startYear, 'a financial year', startYear);
  return writeYearPair(startYear) as FinancialYear;
};

/** The calendar year in which the financial year starts: 2021 for `2021/22`. */
export const financialYearStartYear = (year: FinancialYear): number =>
  parseYearPair(year, 'a financial year');

/** The financial year a date falls in: 31 March 2022 is in 2021/22, 1 April 2022 in 2022/23. */
export const financialYearOf = (date: LocalDate): FinancialYear => {
  const { year, month } = dateParts(date);
  return financialYearStarting(month >= 4 ? year : year - 1);
};

/** 1 April. */
export const financialYearStart = (year: FinancialYear): LocalDate =>
  localDateOf({ year: financialYearStartYear(year), month: 4, day: 1 });

/** 31 March of the following calendar year. */
export const financialYearEnd = (year: FinancialYear): LocalDate =>
  localDateOf({ year: financialYearStartYear(year) + 1, month: 3, day: 31 });

export const nextFinancialYear = (year: FinancialYear): FinancialYear =>
  financialYearStarting(financialYearStartYear(year) + 1);

export const previousFinancialYear = (year: FinancialYear): FinancialYear =>
  financialYearStarting(financialYearStartYear(year) - 1);

// ---- Academic years ---------------------------------------------------------------------------

/** Validates an academic year written like a financial year: `2020/21`. */
export const academicYear = (value: string): AcademicYear =>
  writeYearPair(parseYearPair(value, 'an academic year')) as AcademicYear;

/** The academic year that starts on 1 September of `startYear`. */
export const academicYearStarting = (startYear: number): AcademicYear => {
  checkStartYear(startYear, 'an academic year', startYear);
  return writeYearPair(startYear) as AcademicYear;
};

export const academicYearStartYear = (year: AcademicYear): number =>
  parseYearPair(year, 'an academic year');

/** The academic year a date falls in: 31 August 2021 is in 2020/21, 1 September 2021 in 2021/22. */
export const academicYearOf = (date: LocalDate): AcademicYear => {
  const { year, month } = dateParts(date);
  return academicYearStarting(month >= 9 ? year : year - 1);
};

/** 1 September. */
export const academicYearStart = (year: AcademicYear): LocalDate =>
  localDateOf({ year: academicYearStartYear(year), month: 9, day: 1 });

/** 31 August of the following calendar year. */
export const academicYearEnd = (year: AcademicYear): LocalDate =>
  localDateOf({ year: academicYearStartYear(year) + 1, month: 8, day: 31 });

export const nextAcademicYear = (year: AcademicYear): AcademicYear =>
  academicYearStarting(academicYearStartYear(year) + 1);

export const previousAcademicYear = (year: AcademicYear): AcademicYear =>
  academicYearStarting(academicYearStartYear(year) - 1);
