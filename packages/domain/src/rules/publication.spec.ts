import fc from 'fast-check';
import { DomainError } from '../errors.js';
import type { Instant, LocalDate } from '../model/time.js';
import { addDays, compareDates } from './dates.js';
import {
  checkPublication,
  describeDays,
  isWorkingDay,
  nonWorkingReason,
  publicationDeadline,
  publicationMoment,
  type PublicationCalendar,
  ukDateOf,
} from './publication.js';

const date = (value: string) => value as LocalDate;
const england: PublicationCalendar = { region: 'england', closureDays: [] };
const wales: PublicationCalendar = { region: 'wales', closureDays: [] };

describe(publicationDeadline.name, () => {
  it('skips a weekend: meeting Tuesday 16 November 2021', () => {
    expect(publicationDeadline(date('2021-11-16'), england)).toEqual({
      meetingDate: '2021-11-16',
      lastPublicationDate: '2021-11-08',
      clearDays: ['2021-11-09', '2021-11-10', '2021-11-11', '2021-11-12', '2021-11-15'],
      skipped: [
        { date: '2021-11-13', reason: 'Saturday' },
        { date: '2021-11-14', reason: 'Sunday' },
      ],
      explanation:
        'Publish by Monday 8 November 2021: the five clear days are 9, 10, 11, 12 and 15 November; 13–14 November are a weekend.',
    });
  });

  it('skips Christmas and New Year 2021/22 including the substitute days: meeting Tuesday 4 January 2022', () => {
    const sut = publicationDeadline(date('2022-01-04'), england);
    expect(sut.lastPublicationDate).toBe('2021-12-22');
    expect(sut.clearDays).toEqual([
      '2021-12-23',
      '2021-12-24',
      '2021-12-29',
      '2021-12-30',
      '2021-12-31',
    ]);
    expect(sut.skipped).toEqual([
      { date: '2021-12-25', reason: 'bank holiday: Christmas Day' },
      { date: '2021-12-26', reason: 'bank holiday: Boxing Day' },
      { date: '2021-12-27', reason: 'bank holiday: Christmas Day (substitute day)' },
      { date: '2021-12-28', reason: 'bank holiday: Boxing Day (substitute day)' },
      { date: '2022-01-01', reason: "bank holiday: New Year's Day" },
      { date: '2022-01-02', reason: 'Sunday' },
      { date: '2022-01-03', reason: "bank holiday: New Year's Day (substitute day)" },
    ]);
    expect(sut.explanation).toBe(
      'Publish by Wednesday 22 December 2021: the five clear days are 23, 24, 29, 30 and 31 December 2021; ' +
        '25 December 2021 is a bank holiday: Christmas Day; 26 December 2021 is a bank holiday: Boxing Day; ' +
        '27 December 2021 is a bank holiday: Christmas Day (substitute day); 28 December 2021 is a bank holiday: Boxing Day (substitute day); ' +
        "1 January is a bank holiday: New Year's Day; 2 January is a Sunday; 3 January is a bank holiday: New Year's Day (substitute day).",
    );
  });

  it('skips the authority’s own closure days', () => {
    const stockport: PublicationCalendar = { region: 'england', closureDays: [date('2021-12-29')] };
    const sut = publicationDeadline(date('2022-01-04'), stockport);
    expect(sut.lastPublicationDate).toBe('2021-12-21');
    expect(sut.clearDays).toEqual([
      '2021-12-22',
      '2021-12-23',
      '2021-12-24',
      '2021-12-30',
      '2021-12-31',
    ]);
    expect(sut.skipped).toContainEqual({ date: '2021-12-29', reason: 'closure day' });
    expect(sut.explanation).toContain('29 December 2021 is a closure day');
  });

  it('skips Good Friday and Easter Monday, not Easter Sunday as a holiday: meeting Thursday 8 April 2021', () => {
    expect(publicationDeadline(date('2021-04-08'), england)).toEqual(
      expect.objectContaining({
        lastPublicationDate: '2021-03-29',
        clearDays: ['2021-03-30', '2021-03-31', '2021-04-01', '2021-04-06', '2021-04-07'],
        skipped: [
          { date: '2021-04-02', reason: 'bank holiday: Good Friday' },
          { date: '2021-04-03', reason: 'Saturday' },
          { date: '2021-04-04', reason: 'Sunday' },
          { date: '2021-04-05', reason: 'bank holiday: Easter Monday' },
        ],
        explanation:
          'Publish by Monday 29 March 2021: the five clear days are 30 and 31 March and 1, 6 and 7 April; ' +
          '2 April is a bank holiday: Good Friday; 3–4 April are a weekend; 5 April is a bank holiday: Easter Monday.',
      }),
    );
  });

  it('moves publication off a bank holiday to the working day before: meeting Tuesday 11 May 2021', () => {
    // Five clear days end on 4 May, so the legal last day would be Monday 3 May, the Early May bank holiday.
    const sut = publicationDeadline(date('2021-05-11'), england);
    expect(sut.lastPublicationDate).toBe('2021-04-30');
    expect(sut.clearDays).toEqual([
      '2021-05-04',
      '2021-05-05',
      '2021-05-06',
      '2021-05-07',
      '2021-05-10',
    ]);
    expect(sut.explanation).toBe(
      'Publish by Friday 30 April 2021: the five clear days are 4, 5, 6, 7 and 10 May; 1–2 May are a weekend; ' +
        '3 May is a bank holiday: Early May bank holiday; 8–9 May are a weekend.',
    );
  });

  it('names a weekend that spans two months', () => {
    const sut = publicationDeadline(date('2021-08-06'), england);
    expect(sut.lastPublicationDate).toBe('2021-07-29');
    expect(sut.explanation).toBe(
      'Publish by Thursday 29 July 2021: the five clear days are 30 July and 2, 3, 4 and 5 August; 31 July – 1 August are a weekend.',
    );
  });

  it('needs no skipped days in a plain week: meeting Friday 19 November 2021', () => {
    const sut = publicationDeadline(date('2021-11-19'), england);
    expect(sut.lastPublicationDate).toBe('2021-11-11');
    expect(sut.explanation).toBe(
      'Publish by Thursday 11 November 2021: the five clear days are 12, 15, 16, 17 and 18 November; 13–14 November are a weekend.',
    );
    const tuesday = publicationDeadline(date('2021-11-23'), england);
    expect(tuesday.skipped).toEqual([
      { date: '2021-11-20', reason: 'Saturday' },
      { date: '2021-11-21', reason: 'Sunday' },
    ]);
    const monday = publicationDeadline(date('2021-11-22'), england);
    expect(monday).toEqual(
      expect.objectContaining({
        lastPublicationDate: '2021-11-12',
        clearDays: ['2021-11-15', '2021-11-16', '2021-11-17', '2021-11-18', '2021-11-19'],
        explanation:
          'Publish by Friday 12 November 2021: the five clear days are 15, 16, 17, 18 and 19 November; 13–14 November are a weekend; 20–21 November are a weekend.',
      }),
    );
  });

  it('handles a meeting on a Saturday (its day never counts)', () => {
    const sut = publicationDeadline(date('2021-11-20'), england);
    expect(sut.lastPublicationDate).toBe('2021-11-12');
    expect(sut.explanation).toBe(
      'Publish by Friday 12 November 2021: the five clear days are 15, 16, 17, 18 and 19 November; 13–14 November are a weekend.',
    );
  });

  it('names a lone weekend day', () => {
    // Sunday meeting: the Saturday before is skipped on its own.
    expect(publicationDeadline(date('2021-11-21'), england).explanation).toBe(
      'Publish by Friday 12 November 2021: the five clear days are 15, 16, 17, 18 and 19 November; 13–14 November are a weekend; 20 November is a Saturday.',
    );
  });

  it('gives Wales the same deadlines as England (no 2021 bank holiday differs)', () => {
    for (const meeting of [
      '2021-04-08',
      '2021-05-11',
      '2021-06-03',
      '2021-09-02',
      '2022-01-04',
      '2021-03-02',
    ]) {
      expect(publicationDeadline(date(meeting), wales)).toEqual(
        publicationDeadline(date(meeting), england),
      );
    }
    // St David's Day (Monday 1 March 2021) is a working day in Wales.
    expect(publicationDeadline(date('2021-03-02'), wales).clearDays).toContain('2021-03-01');
  });

  it('rejects a meeting date or closure day that is not a date', () => {
    expect(() => publicationDeadline(date('2021-11-31'), england)).toThrow(DomainError);
    expect(() =>
      publicationDeadline(date('2021-11-16'), {
        region: 'england',
        closureDays: [date('29/12/2021')],
      }),
    ).toThrow(DomainError);
  });

  it('always leaves exactly five working days between the deadline and the meeting, and no later working day would', () => {
    const meetingDate = fc
      .integer({ min: 0, max: 365 * 12 })
      .map((offset) => addDays(date('2019-01-01'), offset));
    const calendar = fc.record({
      region: fc.constantFrom('england' as const, 'wales' as const),
      closureDays: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(meetingDate, calendar, (meeting, { region, closureDays }) => {
        const cal: PublicationCalendar = {
          region,
          closureDays: closureDays.map((n) => addDays(meeting, -n)),
        };
        const sut = publicationDeadline(meeting, cal);
        const between: LocalDate[] = [];
        for (
          let day = addDays(sut.lastPublicationDate, 1);
          compareDates(day, meeting) < 0;
          day = addDays(day, 1)
        ) {
          if (isWorkingDay(day, cal)) between.push(day);
        }
        expect(between).toEqual(sut.clearDays);
        expect(sut.clearDays).toHaveLength(5);
        expect(isWorkingDay(sut.lastPublicationDate, cal)).toBe(true);
        expect(checkPublication(sut.lastPublicationDate, meeting, cal).isOnTime).toBe(true);
        expect(checkPublication(addDays(sut.lastPublicationDate, 1), meeting, cal).isOnTime).toBe(
          false,
        );
      }),
      { numRuns: 200 },
    );
  }, 30_000); // 200 runs over twelve years of calendars
});

describe(nonWorkingReason.name, () => {
  it('names a bank holiday before the weekend it falls on, and closure days last', () => {
    expect(nonWorkingReason(date('2021-12-25'), england)).toBe('bank holiday: Christmas Day');
    expect(
      nonWorkingReason(date('2021-12-29'), {
        region: 'england',
        closureDays: [date('2021-12-29')],
      }),
    ).toBe('closure day');
    expect(
      nonWorkingReason(date('2021-12-18'), {
        region: 'england',
        closureDays: [date('2021-12-18')],
      }),
    ).toBe('Saturday');
    expect(nonWorkingReason(date('2021-12-29'), england)).toBeNull();
  });
});

describe(ukDateOf.name, () => {
  it('reads an instant in UK time (BST in summer, GMT in winter)', () => {
    expect(ukDateOf('2021-06-07T23:30:00Z' as Instant)).toBe('2021-06-08');
    expect(ukDateOf('2021-06-07T22:59:00Z' as Instant)).toBe('2021-06-07');
    expect(ukDateOf('2021-12-07T23:30:00Z' as Instant)).toBe('2021-12-07');
    expect(ukDateOf('2021-12-08T01:00:00+02:00' as Instant)).toBe('2021-12-07');
  });

  it('rejects a value that is not an instant', () => {
    expect(() => ukDateOf('2021-06-07 23:30' as Instant)).toThrow(DomainError);
  });
});

describe(checkPublication.name, () => {
  it('is on time when published by the deadline', () => {
    expect(
      checkPublication('2021-11-08T17:00:00Z' as Instant, date('2021-11-16'), england),
    ).toEqual({
      isOnTime: true,
      publishedOn: '2021-11-08',
      openForInspectionFrom: '2021-11-08',
      lastPublicationDate: '2021-11-08',
      clearDaysGiven: 5,
      explanation:
        'Published on Monday 8 November 2021, giving 5 clear days before the meeting on Tuesday 16 November 2021: on time (the deadline was Monday 8 November 2021).',
    });
  });

  it('counts the UK date of an instant: 23:30 UTC on 7 June 2021 was 00:30 BST on 8 June, one day late', () => {
    const late = checkPublication('2021-06-07T23:30:00Z' as Instant, date('2021-06-15'), england);
    expect(late).toEqual(
      expect.objectContaining({ isOnTime: false, publishedOn: '2021-06-08', clearDaysGiven: 4 }),
    );
    expect(late.explanation).toBe(
      'Published on Tuesday 8 June 2021, giving 4 clear days (9, 10, 11 and 14 June) before the meeting on Tuesday 15 June 2021; five are required, so it was late. The deadline was Monday 7 June 2021.',
    );
    expect(
      checkPublication('2021-06-07T22:59:00Z' as Instant, date('2021-06-15'), england).isOnTime,
    ).toBe(true);
  });

  it('counts a publication on a closed day from the next working day', () => {
    const sut = checkPublication(date('2021-11-07'), date('2021-11-15'), england);
    expect(sut).toEqual(
      expect.objectContaining({
        isOnTime: false,
        publishedOn: '2021-11-07',
        openForInspectionFrom: '2021-11-08',
        lastPublicationDate: '2021-11-05',
        clearDaysGiven: 4,
      }),
    );
    expect(sut.explanation).toBe(
      'Published on Sunday 7 November 2021, when the offices were closed (Sunday), so open to inspection from Monday 8 November 2021, giving 4 clear days (9, 10, 11 and 12 November) before the meeting on Monday 15 November 2021; five are required, so it was late. The deadline was Friday 5 November 2021.',
    );
  });

  it('says so when no clear day or a single one is given', () => {
    expect(checkPublication(date('2021-11-15'), date('2021-11-16'), england).explanation).toBe(
      'Published on Monday 15 November 2021, giving no clear days before the meeting on Tuesday 16 November 2021; five are required, so it was late. The deadline was Monday 8 November 2021.',
    );
    expect(checkPublication(date('2021-11-12'), date('2021-11-16'), england).explanation).toContain(
      'giving 1 clear day (15 November)',
    );
  });

  it('is late when published on or after the meeting day', () => {
    for (const published of ['2021-11-16', '2021-11-20']) {
      const sut = checkPublication(date(published), date('2021-11-16'), england);
      expect(sut.isOnTime).toBe(false);
      expect(sut.clearDaysGiven).toBe(0);
      expect(sut.explanation).toMatch(
        /: not before the meeting on Tuesday 16 November 2021, so no clear days were given; late\. The deadline was Monday 8 November 2021\.$/,
      );
    }
  });

  it('gives more than five clear days when published early', () => {
    expect(checkPublication(date('2021-11-01'), date('2021-11-16'), england).clearDaysGiven).toBe(
      10,
    );
  });
});

describe(publicationMoment.name, () => {
  it('takes a date or an instant', () => {
    expect(publicationMoment('2021-11-08')).toBe('2021-11-08');
    expect(publicationMoment('2021-11-08T09:00:00Z')).toBe('2021-11-08T09:00:00Z');
  });

  it('rejects anything else with the value', () => {
    expect(() => publicationMoment('8 November')).toThrow(
      'A publication time must be a date (2021-11-08) or an instant (2021-11-08T09:00:00Z), got "8 November"',
    );
  });
});

describe(describeDays.name, () => {
  it('groups days by month, adding the year when it is not the meeting’s', () => {
    expect(describeDays([date('2021-11-09')], 2021)).toBe('9 November');
    expect(describeDays([date('2021-12-30'), date('2021-12-31'), date('2022-01-04')], 2022)).toBe(
      '30 and 31 December 2021 and 4 January',
    );
    expect(describeDays([], 2021)).toBe('');
  });
});
