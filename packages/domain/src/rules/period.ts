import { DomainError } from '../errors.js';
import type {
  FinancialYear,
  LocalDate,
  PeriodCode,
  Quarter,
  ReportingPeriod,
} from '../model/time.js';
import {
  compareDates,
  dateParts,
  daysInMonth,
  formatDate,
  localDateOf,
  monthName,
} from './dates.js';
import {
  academicYear,
  academicYearEnd,
  academicYearOf,
  academicYearStart,
  financialYear,
  financialYearEnd,
  financialYearOf,
  financialYearStart,
  financialYearStartYear,
  nextAcademicYear,
  nextFinancialYear,
  previousAcademicYear,
  previousFinancialYear,
} from './financial-year.js';

/**
 * Reporting periods. Quarters and months count within the financial year: Q1 is April–June,
 * month 1 is April, month 12 is March. Mid-year is April–September (H1).
 */

export type PeriodKind = ReportingPeriod['kind'];

export const PERIOD_KINDS: readonly PeriodKind[] = [
  'quarter',
  'mid-year',
  'annual',
  'academic-year',
  'month',
];

const invalid = (message: string, data: Record<string, unknown>): DomainError =>
  new DomainError('VALIDATION.INVALID_VALUE', message, data);

// ---- Constructors (each validates its year and number) -----------------------------------------

/** Q1–Q4 of a financial year. */
export const quarterPeriod = (year: string, quarter: number): ReportingPeriod => {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw invalid(`Not a quarter: ${quarter} (expected 1–4).`, { value: quarter });
  }
  return { kind: 'quarter', year: financialYear(year), quarter: quarter as Quarter };
};

/** April–September of a financial year. */
export const midYearPeriod = (year: string): ReportingPeriod => ({
  kind: 'mid-year',
  year: financialYear(year),
});

/** The whole financial year. */
export const annualPeriod = (year: string): ReportingPeriod => ({
  kind: 'annual',
  year: financialYear(year),
});

/** 1 September – 31 August. */
export const academicYearPeriod = (year: string): ReportingPeriod => ({
  kind: 'academic-year',
  year: academicYear(year),
});

/** Month 1 (April) to 12 (March) of a financial year. */
export const monthPeriod = (year: string, month: number): ReportingPeriod => {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalid(
      `Not a month of the financial year: ${month} (expected 1–12, where 1 is April).`,
      {
        value: month,
      },
    );
  }
  return { kind: 'month', year: financialYear(year), month };
};

// ---- Months of the financial year ↔ calendar months ---------------------------------------------

/** Calendar year and month (1–12) of month `m` (1 = April) of the financial year starting in `startYear`. */
const calendarMonth = (startYear: number, m: number): { year: number; month: number } =>
  m <= 9 ? { year: startYear, month: m + 3 } : { year: startYear + 1, month: m - 9 };

/** Month of the financial year (1 = April) of a calendar month. */
const financialMonth = (calendarMonthNumber: number): number =>
  calendarMonthNumber >= 4 ? calendarMonthNumber - 3 : calendarMonthNumber + 9;

const firstOfMonth = (startYear: number, m: number): LocalDate =>
  localDateOf({ ...calendarMonth(startYear, m), day: 1 });

const lastOfMonth = (startYear: number, m: number): LocalDate => {
  const { year, month } = calendarMonth(startYear, m);
  return localDateOf({ year, month, day: daysInMonth(year, month) });
};

// ---- Where a date falls ---------------------------------------------------------------------------

/**
 * The period of `kind` that contains `date`. Mid-year covers only April–September, so a date from
 * October to March has no mid-year period: that is an error, not the nearest one.
 */
export const periodOf = (date: LocalDate, kind: PeriodKind): ReportingPeriod => {
  const year = financialYearOf(date);
  const m = financialMonth(dateParts(date).month);
  switch (kind) {
    case 'quarter':
      return { kind, year, quarter: Math.ceil(m / 3) as Quarter };
    case 'mid-year':
      if (m > 6) {
        throw invalid(`${formatDate(date)} is not in a mid-year period (April to September).`, {
          value: date,
          kind,
        });
      }
      return { kind, year };
    case 'annual':
      return { kind, year };
    case 'academic-year':
      return { kind, year: academicYearOf(date) };
    case 'month':
      return { kind, year, month: m };
    default:
      throw invalid(`Not a kind of reporting period: ${JSON.stringify(kind)}.`, {
        value: kind,
        expected: PERIOD_KINDS,
      });
  }
};

/** The first day of the period. */
export const periodStart = (period: ReportingPeriod): LocalDate => {
  switch (period.kind) {
    case 'quarter':
      return firstOfMonth(financialYearStartYear(period.year), period.quarter * 3 - 2);
    case 'month':
      return firstOfMonth(financialYearStartYear(period.year), period.month);
    case 'mid-year':
    case 'annual':
      return financialYearStart(period.year);
    case 'academic-year':
      return academicYearStart(period.year);
  }
};

/** The last day of the period (inclusive). */
export const periodEnd = (period: ReportingPeriod): LocalDate => {
  switch (period.kind) {
    case 'quarter':
      return lastOfMonth(financialYearStartYear(period.year), period.quarter * 3);
    case 'month':
      return lastOfMonth(financialYearStartYear(period.year), period.month);
    case 'mid-year':
      return lastOfMonth(financialYearStartYear(period.year), 6);
    case 'annual':
      return financialYearEnd(period.year);
    case 'academic-year':
      return academicYearEnd(period.year);
  }
};

export const periodContains = (period: ReportingPeriod, date: LocalDate): boolean =>
  compareDates(periodStart(period), date) <= 0 && compareDates(date, periodEnd(period)) <= 0;

// ---- Comparable periods ---------------------------------------------------------------------------

/**
 * The period of the same kind immediately before: Q3 2021/22 → Q2 2021/22, Q1 2021/22 →
 * Q4 2020/21, October 2021 → September 2021. A mid-year, annual or academic-year period has
 * no adjacent period of its kind, so it steps back a year (mid-year 2021/22 → mid-year 2020/21).
 * Use it for measures without a seasonal pattern.
 */
export const previousPeriod = (period: ReportingPeriod): ReportingPeriod => {
  switch (period.kind) {
    case 'quarter':
      return period.quarter === 1
        ? { kind: 'quarter', year: previousFinancialYear(period.year), quarter: 4 }
        : { kind: 'quarter', year: period.year, quarter: (period.quarter - 1) as Quarter };
    case 'month':
      return period.month === 1
        ? { kind: 'month', year: previousFinancialYear(period.year), month: 12 }
        : { kind: 'month', year: period.year, month: period.month - 1 };
    default:
      return samePeriodLastYear(period);
  }
};

/**
 * The same period a year earlier: Q3 2021/22 → Q3 2020/21, October 2021 → October 2020.
 * Use it for seasonal measures (school terms, winter pressures), where the previous quarter
 * is not a fair comparison.
 */
export const samePeriodLastYear = (period: ReportingPeriod): ReportingPeriod => {
  if (period.kind === 'academic-year')
    return { kind: period.kind, year: previousAcademicYear(period.year) };
  return { ...period, year: previousFinancialYear(period.year) };
};

/** The period after: the inverse of `previousPeriod`. */
export const nextPeriod = (period: ReportingPeriod): ReportingPeriod => {
  switch (period.kind) {
    case 'quarter':
      return period.quarter === 4
        ? { kind: 'quarter', year: nextFinancialYear(period.year), quarter: 1 }
        : { kind: 'quarter', year: period.year, quarter: (period.quarter + 1) as Quarter };
    case 'month':
      return period.month === 12
        ? { kind: 'month', year: nextFinancialYear(period.year), month: 1 }
        : { kind: 'month', year: period.year, month: period.month + 1 };
    case 'academic-year':
      return { kind: period.kind, year: nextAcademicYear(period.year) };
    default:
      return { ...period, year: nextFinancialYear(period.year) };
  }
};

/**
 * How a result is compared for its trend. There is no default: the caller (a measure's
 * setting) says which, because the right answer depends on whether the measure is seasonal.
 */
export type ComparisonBasis = 'previous-period' | 'same-period-last-year';

export const previousComparablePeriod = (
  period: ReportingPeriod,
  basis: ComparisonBasis,
): ReportingPeriod => {
  if (basis === 'previous-period') return previousPeriod(period);
  if (basis === 'same-period-last-year') return samePeriodLastYear(period);
  throw invalid(`Not a comparison basis: ${JSON.stringify(basis)}.`, {
    value: basis,
    expected: ['previous-period', 'same-period-last-year'],
  });
};

/** The same period a year later: the inverse of `samePeriodLastYear`. */
export const samePeriodNextYear = (period: ReportingPeriod): ReportingPeriod => {
  if (period.kind === 'academic-year')
    return { kind: period.kind, year: nextAcademicYear(period.year) };
  return { ...period, year: nextFinancialYear(period.year) };
};

/**
 * The period whose trend compares with this one: the inverse of `previousComparablePeriod` (the
 * next period, or the same period a year on).
 */
export const nextComparablePeriod = (
  period: ReportingPeriod,
  basis: ComparisonBasis,
): ReportingPeriod => {
  if (basis === 'previous-period') return nextPeriod(period);
  if (basis === 'same-period-last-year') return samePeriodNextYear(period);
  throw invalid(`Not a comparison basis: ${JSON.stringify(basis)}.`, {
    value: basis,
    expected: ['previous-period', 'same-period-last-year'],
  });
};

// ---- Labels and codes -------------------------------------------------------------------------------

/** "Q3 2021/22", "Mid-year 2021/22", "2021/22", "Academic year 2020/21", "October 2021". */
export const periodLabel = (period: ReportingPeriod): string => {
  switch (period.kind) {
    case 'quarter':
      return `Q${period.quarter} ${period.year}`;
    case 'mid-year':
      return `Mid-year ${period.year}`;
    case 'annual':
      return period.year;
    case 'academic-year':
      return `Academic year ${period.year}`;
    case 'month': {
      const { year, month } = calendarMonth(financialYearStartYear(period.year), period.month);
      return `${monthName(month)} ${year}`;
    }
  }
};

/** `2021/22-Q3`, `2021/22-H1` (mid-year), `2021/22` (annual), `AY2020/21`, `2021/22-M07` (October). */
export const periodCode = (period: ReportingPeriod): PeriodCode => {
  switch (period.kind) {
    case 'quarter':
      return `${period.year}-Q${period.quarter}` as PeriodCode;
    case 'mid-year':
      return `${period.year}-H1` as PeriodCode;
    case 'annual':
      return period.year as string as PeriodCode;
    case 'academic-year':
      return `AY${period.year}` as PeriodCode;
    case 'month':
      return `${period.year}-M${String(period.month).padStart(2, '0')}` as PeriodCode;
  }
};

/** Reads a period code back (the inverse of `periodCode`), validating the year and the number. */
export const parsePeriodCode = (code: string): ReportingPeriod => {
  const match =
    typeof code === 'string' ? /^(AY)?(\d{4}\/\d{2})(?:-(Q\d|H1|M\d{2}))?$/.exec(code) : null;
  if (match === null || (match[1] !== undefined && match[3] !== undefined)) {
    throw invalid(
      `Not a period code: ${JSON.stringify(code)} (expected e.g. 2021/22-Q3, 2021/22-H1, 2021/22, AY2020/21 or 2021/22-M07).`,
      { value: code },
    );
  }
  const [, academic, year, part] = match as unknown as [
    string,
    string | undefined,
    string,
    string | undefined,
  ];
  try {
    if (academic !== undefined) return academicYearPeriod(year);
    if (part === undefined) return annualPeriod(year);
    if (part === 'H1') return midYearPeriod(year);
    const number = Number(part.slice(1));
    return part.startsWith('Q') ? quarterPeriod(year, number) : monthPeriod(year, number);
  } catch (error) {
    // Name the whole code, not just the part that was wrong.
    throw invalid(`Not a period code: ${JSON.stringify(code)}: ${(error as DomainError).message}`, {
      value: code,
    });
  }
};

export const isSamePeriod = (a: ReportingPeriod, b: ReportingPeriod): boolean =>
  periodCode(a) === periodCode(b);

/** The financial year a period belongs to (an academic year has none: it straddles two). */
export const periodFinancialYear = (period: ReportingPeriod): FinancialYear | null =>
  period.kind === 'academic-year' ? null : period.year;
