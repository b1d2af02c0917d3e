import Holidays from 'date-holidays';
import { DomainError } from '../errors.js';
import type { HolidayRegion } from '../model/people.js';
import type { LocalDate } from '../model/time.js';
import { localDate } from './dates.js';

/**
 * Bank holidays in England and in Wales, from the maintained `date-holidays` package (country
 * GB, states ENG and WLS). Only days it types `public` or `bank` count: it also lists
 * observances (Mother's Day, Easter Sunday) that are not days off. England and Wales share one
 * list in law (Banking and Financial Dealings Act 1971, Schedule 1, para 1); the two regions are
 * kept apart so a future divergence is a data change, not a code change. St David's Day is not a
 * bank holiday in Wales.
 */
export type BankHoliday = { readonly date: LocalDate; readonly name: string };

const STATE: Readonly<Record<HolidayRegion, string>> = { england: 'ENG', wales: 'WLS' };

const COUNTED_TYPES = new Set(['public', 'bank']);

const calendars = new Map<HolidayRegion, Holidays>();
const byYear = new Map<string, readonly BankHoliday[]>();

const calendarFor = (region: HolidayRegion): Holidays => {
  let calendar = calendars.get(region);
  if (calendar === undefined) {
    const state = STATE[region];
    if (state === undefined) {
      throw new DomainError(
        'VALIDATION.INVALID_VALUE',
        `No bank holiday calendar for region ${JSON.stringify(region)} (england or wales)`,
        {
          value: region,
        },
      );
    }
    calendar = new Holidays('GB', state, { languages: ['en'] });
    calendars.set(region, calendar);
  }
  return calendar;
};

/** The bank holidays of a calendar year in a region, in date order (substitute days included). */
export const bankHolidays = (region: HolidayRegion, year: number): readonly BankHoliday[] => {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Bank holidays are known for years 1900–2999, got ${year}`,
      {
        value: year,
      },
    );
  }
  const key = `${region} ${year}`;
  let holidays = byYear.get(key);
  if (holidays === undefined) {
    holidays = calendarFor(region)
      .getHolidays(year, 'en')
      .filter((holiday) => COUNTED_TYPES.has(holiday.type))
      .map((holiday) => ({ date: localDate(holiday.date.slice(0, 10)), name: holiday.name }));
    byYear.set(key, holidays);
  }
  return holidays;
};

/** The bank holiday on `date` in `region`, or null when it is not one. */
export const bankHolidayOn = (date: LocalDate, region: HolidayRegion): BankHoliday | null =>
  bankHolidays(region, Number(localDate(date).slice(0, 4))).find(
    (holiday) => holiday.date === date,
  ) ?? null;
