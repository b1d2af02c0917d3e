import type { Brand } from '../brand.js';

/** A calendar date with no time zone, `YYYY-MM-DD`. Made by `localDate()` in rules/dates.ts. */
export type LocalDate = Brand<string, 'LocalDate'>;

/** A wall-clock time in the meeting's local time, `HH:MM` (24-hour). */
export type LocalTime = Brand<string, 'LocalTime'>;

/** An instant, ISO 8601 with offset, e.g. `2021-11-15T16:30:00Z`. */
export type Instant = Brand<string, 'Instant'>;

/**
 * An English local-government financial year, 1 April to 31 March, written `2021/22`.
 * Made by `financialYear()` in rules/financial-year.ts.
 */
export type FinancialYear = Brand<string, 'FinancialYear'>;

/** An academic year, 1 September to 31 August, written `2020/21` (school measures report on it). */
export type AcademicYear = Brand<string, 'AcademicYear'>;

export type Quarter = 1 | 2 | 3 | 4;

/**
 * The span a result or report covers. Quarters are of the financial year:
 * Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar. Mid-year is April–September.
 */
export type ReportingPeriod =
  | { readonly kind: 'quarter'; readonly year: FinancialYear; readonly quarter: Quarter }
  | { readonly kind: 'mid-year'; readonly year: FinancialYear }
  | { readonly kind: 'annual'; readonly year: FinancialYear }
  | { readonly kind: 'academic-year'; readonly year: AcademicYear }
  | { readonly kind: 'month'; readonly year: FinancialYear; readonly month: number };

/**
 * The period as one string for URLs, filters and storage:
 * `2021/22-Q3`, `2021/22-H1` (mid-year), `2021/22` (annual), `AY2020/21`, `2021/22-M07` (October: month 7 of the year).
 */
export type PeriodCode = Brand<string, 'PeriodCode'>;
