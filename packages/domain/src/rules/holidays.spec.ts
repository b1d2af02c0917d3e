import { DomainError } from '../errors.js';
import type { HolidayRegion } from '../model/people.js';
import type { LocalDate } from '../model/time.js';
import { bankHolidayOn, bankHolidays } from './holidays.js';

const date = (value: string) => value as LocalDate;

describe(bankHolidays.name, () => {
  it('lists England’s 2021 bank holidays, substitute days included', () => {
    expect(bankHolidays('england', 2021)).toEqual([
      { date: '2021-01-01', name: "New Year's Day" },
      { date: '2021-04-02', name: 'Good Friday' },
      { date: '2021-04-05', name: 'Easter Monday' },
      { date: '2021-05-03', name: 'Early May bank holiday' },
      { date: '2021-05-31', name: 'Spring bank holiday' },
      { date: '2021-08-30', name: 'Summer bank holiday' },
      { date: '2021-12-25', name: 'Christmas Day' },
      { date: '2021-12-26', name: 'Boxing Day' },
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('leaves out observances that are not days off (Mother’s Day, Easter Sunday)', () => {
    const dates = bankHolidays('england', 2021).map((h) => h.date);
    expect(dates).not.toContain('2021-03-14');
    expect(dates).not.toContain('2021-04-04');
  });

  it('includes one-off bank holidays (2022: the Platinum Jubilee and the State Funeral)', () => {
    expect(bankHolidayOn(date('2022-06-03'), 'england')?.name).toBe('Queen’s Platinum Jubilee');
    expect(bankHolidayOn(date('2022-09-19'), 'wales')?.name).toBe("Queen Elizabeth's Funeral Day");
    expect(bankHolidayOn(date('2022-01-03'), 'england')?.name).toBe(
      "New Year's Day (substitute day)",
    );
  });

  // England and Wales share one statutory list; this pins that the calendar agrees for the
  // years the sample covers, so a divergence in the data shows up here.
  it.each([2021, 2022, 2023])('gives Wales the same bank holidays as England in %p', (year) => {
    expect(bankHolidays('wales', year)).toEqual(bankHolidays('england', year));
  });

  it('does not treat St David’s Day as a bank holiday in Wales', () => {
    expect(bankHolidayOn(date('2021-03-01'), 'wales')).toBeNull();
  });

  it.each([1899, 3000, 2021.5])('rejects year %p', (year) => {
    expect(() => bankHolidays('england', year)).toThrow(DomainError);
  });

  it('rejects a region it has no calendar for', () => {
    expect(() => bankHolidays('scotland' as HolidayRegion, 2021)).toThrow(
      'No bank holiday calendar for region "scotland" (england or wales)',
    );
  });
});

describe(bankHolidayOn.name, () => {
  it('finds the holiday on a date, or none', () => {
    expect(bankHolidayOn(date('2021-12-27'), 'england')).toEqual({
      date: '2021-12-27',
      name: 'Christmas Day (substitute day)',
    });
    expect(bankHolidayOn(date('2021-12-29'), 'england')).toBeNull();
  });

  it('rejects a date that is not a date', () => {
    expect(() => bankHolidayOn(date('2021-12-32'), 'england')).toThrow(DomainError);
  });
});
