import type { Brand } from '../brand.js';
import { BrandedString, IntegerEnum, KindUnion, Type, Variant, type Shape } from '../schema/kit.js';

/** A calendar date with no time zone, `YYYY-MM-DD`. Made by `localDate()` in rules/dates.ts. */
export type LocalDate = Brand<string, 'LocalDate'>;
export const LocalDate = BrandedString<LocalDate>({
  title: 'LocalDate',
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar date, YYYY-MM-DD.',
});

/** A wall-clock time in the meeting's local time, `HH:MM` (24-hour). */
export type LocalTime = Brand<string, 'LocalTime'>;
export const LocalTime = BrandedString<LocalTime>({
  title: 'LocalTime',
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  description: 'A 24-hour wall-clock time, HH:MM.',
});

/** An instant, ISO 8601 with offset, e.g. `2021-11-15T16:30:00Z`. */
export type Instant = Brand<string, 'Instant'>;
export const Instant = BrandedString<Instant>({
  title: 'Instant',
  format: 'date-time',
  description: 'An instant, ISO 8601 with an offset, e.g. 2021-11-15T16:30:00Z.',
});

/**
 * An English local-government financial year, 1 April to 31 March, written `2021/22`.
 * Made by `financialYear()` in rules/financial-year.ts.
 */
export type FinancialYear = Brand<string, 'FinancialYear'>;
export const FinancialYear = BrandedString<FinancialYear>({
  title: 'FinancialYear',
  format: 'financial-year',
  pattern: '^\\d{4}/\\d{2}$',
  description: 'A financial year, 1 April to 31 March, e.g. 2021/22.',
});

/** An academic year, 1 September to 31 August, written `2020/21` (school measures report on it). */
export type AcademicYear = Brand<string, 'AcademicYear'>;
export const AcademicYear = BrandedString<AcademicYear>({
  title: 'AcademicYear',
  format: 'academic-year',
  pattern: '^\\d{4}/\\d{2}$',
  description: 'An academic year, 1 September to 31 August, e.g. 2020/21.',
});

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

/**
 * The span a result or report covers. Quarters are of the financial year:
 * Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar. Mid-year is April–September.
 */
export const ReportingPeriod = KindUnion(
  [
    Variant(
      'quarter',
      { year: FinancialYear, quarter: IntegerEnum(QUARTERS) },
      { title: 'QuarterPeriod' },
    ),
    Variant('mid-year', { year: FinancialYear }, { title: 'MidYearPeriod' }),
    Variant('annual', { year: FinancialYear }, { title: 'AnnualPeriod' }),
    Variant('academic-year', { year: AcademicYear }, { title: 'AcademicYearPeriod' }),
    Variant(
      'month',
      { year: FinancialYear, month: Type.Integer({ minimum: 1, maximum: 12 }) },
      { title: 'MonthPeriod', description: 'A month of the financial year: 1 is April.' },
    ),
  ],
  { title: 'ReportingPeriod', description: 'The span a result or report covers.' },
);
export type ReportingPeriod = Shape<typeof ReportingPeriod>;

/**
 * The period as one string for URLs, filters and storage:
 * `2021/22-Q3`, `2021/22-H1` (mid-year), `2021/22` (annual), `AY2020/21`, `2021/22-M07` (October: month 7 of the year).
 */
export type PeriodCode = Brand<string, 'PeriodCode'>;
export const PeriodCode = BrandedString<PeriodCode>({
  title: 'PeriodCode',
  pattern: '^(AY\\d{4}/\\d{2}|\\d{4}/\\d{2}(-(Q[1-4]|H1|M(0[1-9]|1[0-2])))?)$',
  maxLength: 16,
  description:
    'A period as one string: `2021/22-Q3` (quarter), `2021/22-H1` (mid-year), `2021/22` (annual), `AY2020/21` (academic year), `2021/22-M07` (month 7 of the financial year, October).',
});
