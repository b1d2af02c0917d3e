import fc from 'fast-check';
import { DomainError } from '../errors.js';
import type { LocalDate } from '../model/time.js';
import {
  addDays,
  addYears,
  compareDates,
  dateParts,
  dayName,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDate,
  instant,
  isLeapYear,
  isLocalDate,
  isWeekend,
  localDate,
  localDateOf,
  localTime,
  monthName,
} from './dates.js';

const errorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

/** Any valid date in 1900–2199, built from its parts. */
const arbitraryDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) =>
    localDateOf({ year, month, day: Math.min(day, daysInMonth(year, month)) }),
  );

describe('localDate', () => {
  it.each(['2021-11-15', '2020-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2021-12-31'])(
    'accepts the calendar date %s',
    (value) => {
      expect(localDate(value)).toBe(value);
    },
  );

  it('rejects 2021-02-30 naming the value and the month length', () => {
    const error = errorOf(() => localDate('2021-02-30'));
    expect(error.code).toBe('VALIDATION.INVALID_VALUE');
    expect(error.message).toBe('Not a calendar date: "2021-02-30" (February 2021 has 28 days).');
    expect(error.data).toEqual({ value: '2021-02-30', expected: 'YYYY-MM-DD' });
  });

  it.each([
    ['1900-02-29', 'February 1900 has 28 days'],
    ['2021-04-31', 'April 2021 has 30 days'],
    ['2021-13-01', 'month must be 01–12'],
    ['2021-00-10', 'month must be 01–12'],
    ['2021-01-00', 'January 2021 has 31 days'],
    ['0000-01-01', 'year must be 1–9999'],
    ['2021-1-5', 'expected YYYY-MM-DD'],
    ['15/11/2021', 'expected YYYY-MM-DD'],
    ['2021-11-15T00:00', 'expected YYYY-MM-DD'],
    ['', 'expected YYYY-MM-DD'],
  ])('rejects %s (%s)', (value, why) => {
    expect(() => localDate(value)).toThrow(`(${why})`);
  });

  it('rejects a value that is not a string', () => {
    expect(() => localDate(20211115 as unknown as string)).toThrow('Not a calendar date: 20211115');
  });

  it('isLocalDate answers without throwing', () => {
    expect(isLocalDate('2021-11-15')).toBe(true);
    expect(isLocalDate('2021-02-30')).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });
});

describe('localDateOf and dateParts', () => {
  it('pads the parts', () => {
    expect(localDateOf({ year: 21, month: 4, day: 1 })).toBe('0021-04-01');
  });

  it('rejects parts that are not whole numbers or not a date', () => {
    expect(() => localDateOf({ year: 2021, month: 1.5, day: 1 })).toThrow(
      'parts must be whole numbers',
    );
    expect(() => localDateOf({ year: 2021, month: 2, day: 29 })).toThrow(
      'February 2021 has 28 days',
    );
  });

  it('round-trips with dateParts', () => {
    fc.assert(fc.property(arbitraryDate, (date) => localDateOf(dateParts(date)) === date));
  });
});

describe('calendar facts', () => {
  it('knows leap years', () => {
    expect([1900, 2000, 2020, 2021, 2024, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('names months and rejects a month that does not exist', () => {
    expect(monthName(10)).toBe('October');
    expect(() => monthName(13)).toThrow('Not a month number (1–12): 13.');
    expect(() => monthName(0)).toThrow(DomainError);
  });
});

describe('addDays', () => {
  it.each([
    ['2021-11-15', -1, '2021-11-14'],
    ['2021-12-31', 1, '2022-01-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2021-03-01', -1, '2021-02-28'],
    ['2000-02-28', 366, '2001-02-28'],
    ['1970-01-01', 0, '1970-01-01'],
    ['1969-12-31', 1, '1970-01-01'],
    ['0001-01-01', 3652058, '9999-12-31'],
  ])('%s %+d days is %s', (from, days, expected) => {
    expect(addDays(localDate(from), days)).toBe(expected);
  });

  it('rejects a fraction of a day and a result outside the years 1–9999', () => {
    expect(() => addDays(localDate('2021-01-01'), 0.5)).toThrow(
      'Days to add must be a whole number: 0.5.',
    );
    expect(() => addDays(localDate('9999-12-31'), 1)).toThrow('outside the years 1–9999');
    expect(() => addDays(localDate('0001-01-01'), -1)).toThrow('outside the years 1–9999');
  });

  it('agrees with the JavaScript UTC calendar (property)', () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: -40000, max: 40000 }), (date, days) => {
        const expected = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return addDays(date, days) === expected;
      }),
    );
  });

  it('is undone by daysBetween (property)', () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: -40000, max: 40000 }), (date, days) => {
        const later = addDays(date, days);
        return daysBetween(date, later) === days && compareDates(date, later) === -Math.sign(days);
      }),
    );
  });
});

describe('addYears', () => {
  it('keeps the day, and turns 29 February into 28 February in a common year', () => {
    expect(addYears(localDate('2021-04-01'), -1)).toBe('2020-04-01');
    expect(addYears(localDate('2020-02-29'), 1)).toBe('2021-02-28');
    expect(addYears(localDate('2020-02-29'), 4)).toBe('2024-02-29');
  });
});

describe('compareDates and daysBetween', () => {
  it('orders dates', () => {
    const dates = ['2022-03-31', '2021-04-01', '2021-11-15'].map(localDate);
    expect([...dates].sort(compareDates)).toEqual(['2021-04-01', '2021-11-15', '2022-03-31']);
    expect(compareDates(localDate('2021-04-01'), localDate('2021-04-01'))).toBe(0);
  });

  it('counts days across a leap year', () => {
    expect(daysBetween(localDate('2020-01-01'), localDate('2021-01-01'))).toBe(366);
    expect(daysBetween(localDate('2021-11-15'), localDate('2021-11-08'))).toBe(-7);
  });
});

describe('days of the week', () => {
  it.each<[string, number, string]>([
    ['2021-11-15', 1, 'Monday'],
    ['2021-11-13', 6, 'Saturday'],
    ['2021-11-14', 7, 'Sunday'],
    ['1970-01-01', 4, 'Thursday'],
    ['1969-12-29', 1, 'Monday'],
    ['2021-12-25', 6, 'Saturday'],
  ])('%s is day %d, %s', (date, iso, name) => {
    expect(dayOfWeek(localDate(date))).toBe(iso);
    expect(dayName(localDate(date))).toBe(name);
    expect(isWeekend(localDate(date))).toBe(iso >= 6);
  });

  it('agrees with the JavaScript UTC calendar (property)', () => {
    fc.assert(
      fc.property(
        arbitraryDate,
        (date) => dayOfWeek(date) % 7 === new Date(`${date}T00:00:00Z`).getUTCDay(),
      ),
    );
  });
});

describe('formatDate', () => {
  it('writes dates as a clerk does', () => {
    expect(formatDate(localDate('2021-11-05'))).toBe('5 November 2021');
    expect(formatDate(localDate('2021-11-15'), true)).toBe('Monday 15 November 2021');
  });
});

describe('localTime', () => {
  it.each(['00:00', '18:00', '23:59', '09:30'])('accepts %s', (value) => {
    expect(localTime(value)).toBe(value);
  });

  it.each(['24:00', '12:60', '9:30', '18:00:00', '6pm', ''])('rejects %s', (value) => {
    const error = errorOf(() => localTime(value));
    expect(error.code).toBe('VALIDATION.INVALID_VALUE');
    expect(error.message).toContain(JSON.stringify(value));
    expect(error.data).toEqual({ value, expected: 'HH:MM' });
  });

  it('rejects a value that is not a string', () => {
    expect(() => localTime(1800 as unknown as string)).toThrow('Not a time of day: 1800');
  });
});

describe('instant', () => {
  it.each([
    '2021-11-15T16:30:00Z',
    '2021-11-15T16:30Z',
    '2021-11-15T18:00:00+01:00',
    '2021-11-15T18:00:00.123-05:30',
    '2021-11-15T23:59:59.123456789Z',
  ])('accepts %s', (value) => {
    expect(instant(value)).toBe(value);
  });

  it.each([
    ['2021-11-15T16:30:00', 'expected ISO 8601 with an offset'],
    ['2021-11-15 16:30:00Z', 'expected ISO 8601 with an offset'],
    ['2021-02-30T16:30:00Z', 'the date is not a calendar date'],
    ['2021-11-15T24:00:00Z', 'the time is out of range'],
    ['2021-11-15T16:60:00Z', 'the time is out of range'],
    ['2021-11-15T16:30:60Z', 'the time is out of range'],
    ['2021-11-15T16:30:00+24:00', 'the offset is out of range'],
    ['2021-11-15T16:30:00+01:60', 'the offset is out of range'],
  ])('rejects %s (%s)', (value, why) => {
    const error = errorOf(() => instant(value));
    expect(error.message).toBe(
      `Not an instant: ${JSON.stringify(value)} (${why}${why.startsWith('expected') ? ', e.g. 2021-11-15T16:30:00Z' : ''}).`,
    );
    expect(error.data['value']).toBe(value);
  });

  it('rejects a value that is not a string', () => {
    expect(() => instant(undefined as unknown as string)).toThrow('Not an instant');
  });
});

// Keeps the LocalDate brand honest: a plain string does not type-check as a date.
// @ts-expect-error a string literal is not a LocalDate
const _unbranded: LocalDate = '2021-11-15';
