import { DomainError } from '../errors.js';
import type { Instant, LocalDate, LocalTime } from '../model/time.js';

/**
 * Calendar dates without time zones. All arithmetic is on whole days counted from
 * 1970-01-01 (integer maths, no `Date`, so no local time zone or DST can shift a day).
 * Years run 0001–9999.
 */

export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export type DayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month, `month` 1–12. */
export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** The English name of a month, `month` 1–12 ("October"). */
export const monthName = (month: number): string => {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) {
    throw new DomainError('VALIDATION.INVALID_VALUE', `Not a month number (1–12): ${month}.`, {
      value: month,
    });
  }
  return name;
};

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const invalidDate = (value: unknown, why: string): DomainError =>
  new DomainError(
    'VALIDATION.INVALID_VALUE',
    `Not a calendar date: ${JSON.stringify(value)} (${why}).`,
    {
      value,
      expected: 'YYYY-MM-DD',
    },
  );

const checkParts = (value: unknown, year: number, month: number, day: number): void => {
  if (![year, month, day].every(Number.isInteger))
    throw invalidDate(value, 'parts must be whole numbers');
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw invalidDate(value, `year must be ${MIN_YEAR}–${MAX_YEAR}`);
  if (month < 1 || month > 12) throw invalidDate(value, 'month must be 01–12');
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    throw invalidDate(value, `${monthName(month)} ${year} has ${lastDay} days`);
  }
};

/** Validates `YYYY-MM-DD` as a real calendar date: `2021-02-30` is an error. */
export const localDate = (value: string): LocalDate => {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match === null) throw invalidDate(value, 'expected YYYY-MM-DD');
  checkParts(value, Number(match[1]), Number(match[2]), Number(match[3]));
  return value as LocalDate;
};

export const isLocalDate = (value: unknown): value is LocalDate => {
  try {
    localDate(value as string);
    return true;
  } catch {
    return false;
  }
};

/** Builds a date from its parts (`month` 1–12), validating them. */
export const localDateOf = ({ year, month, day }: DateParts): LocalDate => {
  checkParts({ year, month, day }, year, month, day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate;
};

export const dateParts = (date: LocalDate): DateParts => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

// Days since 1970-01-01 and back (H. Hinnant's civil-calendar algorithms, proleptic Gregorian).
const toEpochDay = ({ year, month, day }: DateParts): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

const fromEpochDay = (epochDay: number): DateParts => {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

/** The date `days` days later (earlier when negative). */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  if (!Number.isSafeInteger(days)) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Days to add must be a whole number: ${days}.`,
      {
        value: days,
      },
    );
  }
  const result = fromEpochDay(toEpochDay(dateParts(date)) + days);
  if (result.year < MIN_YEAR || result.year > MAX_YEAR) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `${date} plus ${days} days is outside the years ${MIN_YEAR}–${MAX_YEAR}.`,
      {
        value: date,
        days,
      },
    );
  }
  return localDateOf(result);
};

/** The same day of the month `years` years later; 29 February becomes 28 February in a common year. */
export const addYears = (date: LocalDate, years: number): LocalDate => {
  const { year, month, day } = dateParts(date);
  const target = year + years;
  return localDateOf({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
};

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export const daysBetween = (from: LocalDate, to: LocalDate): number =>
  toEpochDay(dateParts(to)) - toEpochDay(dateParts(from));

/** -1, 0 or 1, for sorting (`YYYY-MM-DD` strings also sort as text). */
export const compareDates = (a: LocalDate, b: LocalDate): -1 | 0 | 1 =>
  a < b ? -1 : a > b ? 1 : 0;

export const dayOfWeek = (date: LocalDate): DayOfWeek =>
  (((((toEpochDay(dateParts(date)) + 3) % 7) + 7) % 7) + 1) as DayOfWeek; // 1970-01-01 was a Thursday (4)

export const dayName = (date: LocalDate): string => DAY_NAMES[dayOfWeek(date) - 1] as string;

export const isWeekend = (date: LocalDate): boolean => dayOfWeek(date) >= 6;

/** "15 November 2021"; with `withDayName`, "Monday 15 November 2021". */
export const formatDate = (date: LocalDate, withDayName = false): string => {
  const { year, month, day } = dateParts(date);
  const text = `${day} ${monthName(month)} ${year}`;
  return withDayName ? `${dayName(date)} ${text}` : text;
};

/** Validates `HH:MM`, 24-hour, 00:00–23:59. */
export const localTime = (value: string): LocalTime => {
  const match = typeof value === 'string' ? /^(\d{2}):(\d{2})$/.exec(value) : null;
  if (match === null || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Not a time of day: ${JSON.stringify(value)} (expected HH:MM, 00:00–23:59).`,
      {
        value,
        expected: 'HH:MM',
      },
    );
  }
  return value as LocalTime;
};

/**
 * Validates an ISO 8601 instant with an explicit offset: `2021-11-15T16:30:00Z`,
 * `2021-11-15T18:00:00+01:00`, seconds and fractions optional. A time without an offset is
 * not an instant (it is a wall-clock time somewhere) and is rejected.
 */
export const instant = (value: string): Instant => {
  const match =
    typeof value === 'string'
      ? /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(
          value,
        )
      : null;
  const fail = (why: string): DomainError =>
    new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Not an instant: ${JSON.stringify(value)} (${why}).`,
      {
        value,
        expected: 'YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)',
      },
    );
  if (match === null) throw fail('expected ISO 8601 with an offset, e.g. 2021-11-15T16:30:00Z');
  if (!isLocalDate(match[1])) throw fail('the date is not a calendar date');
  const [hour, minute, second] = [match[2], match[3], match[4] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) throw fail('the time is out of range');
  if (match[5] !== 'Z' && (Number(match[6]) > 23 || Number(match[7]) > 59))
    throw fail('the offset is out of range');
  return value as Instant;
};
