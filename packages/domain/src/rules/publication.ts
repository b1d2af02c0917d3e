import { DomainError } from '../errors.js';
import type { HolidayRegion } from '../model/people.js';
import type { Instant, LocalDate } from '../model/time.js';
import {
  addDays,
  compareDates,
  dateParts,
  dayOfWeek,
  formatDate,
  instant,
  isLocalDate,
  localDate,
  monthName,
} from './dates.js';
import { bankHolidayOn } from './holidays.js';

/**
 * The five-clear-days rule: agendas and reports must be open to inspection at least five clear
 * days before the meeting (Local Government Act 1972, s.100B(3) and s.100K). Following
 * R v Swansea City Council ex p Elitestone (1993) 66 P&CR 422, neither the day of publication
 * nor the day of the meeting counts, nor do Saturdays, Sundays and bank holidays; an authority's
 * own closure days (e.g. between Christmas and New Year) do not count either, since its offices
 * are shut and nothing is open to inspection there.
 *
 * The publication day itself must be a working day: councils publish on working days, and a
 * document put up when the offices are closed is open to inspection only from the next working
 * day. So `checkPublication` treats a weekend, bank-holiday or closure-day publication as made
 * on the next working day, and `publicationDeadline` gives the last working day that leaves five
 * clear days. A meeting on a non-working day is allowed (its day never counts anyway).
 */
export const CLEAR_DAYS_REQUIRED = 5;

/** Where the authority is and when its offices are shut beyond bank holidays. An `Authority` is one. */
export type PublicationCalendar = {
  readonly region: HolidayRegion;
  readonly closureDays: readonly LocalDate[];
};

export type SkipReason = 'Saturday' | 'Sunday' | `bank holiday: ${string}` | 'closure day';

export type SkippedDay = { readonly date: LocalDate; readonly reason: SkipReason };

export type PublicationDeadline = {
  readonly meetingDate: LocalDate;
  /** The last working day on which publishing leaves five clear days. */
  readonly lastPublicationDate: LocalDate;
  /** The five clear days, earliest first. */
  readonly clearDays: readonly LocalDate[];
  /** The days between the deadline and the meeting that do not count, earliest first. */
  readonly skipped: readonly SkippedDay[];
  /** For a clerk: "Publish by Monday 8 November 2021: the five clear days are 9, 10, 11, 12 and 15 November; 13–14 November are a weekend." */
  readonly explanation: string;
};

export type PublicationCheck = {
  readonly isOnTime: boolean;
  /** The date (in UK local time) the documents were published. */
  readonly publishedOn: LocalDate;
  /** The first working day on or after `publishedOn`: when they were open to inspection. */
  readonly openForInspectionFrom: LocalDate;
  readonly lastPublicationDate: LocalDate;
  /** Working days strictly between `openForInspectionFrom` and the meeting. */
  readonly clearDaysGiven: number;
  readonly explanation: string;
};

/** Why `date` does not count as a clear day, or null when it is a working day. A bank holiday on a weekend is named as the bank holiday. */
export const nonWorkingReason = (
  date: LocalDate,
  calendar: PublicationCalendar,
): SkipReason | null => {
  const holiday = bankHolidayOn(date, calendar.region);
  if (holiday !== null) return `bank holiday: ${holiday.name}`;
  const day = dayOfWeek(date);
  if (day === 6) return 'Saturday';
  if (day === 7) return 'Sunday';
  return calendar.closureDays.includes(date) ? 'closure day' : null;
};

export const isWorkingDay = (date: LocalDate, calendar: PublicationCalendar): boolean =>
  nonWorkingReason(date, calendar) === null;

const validateCalendar = (calendar: PublicationCalendar): void => {
  calendar.closureDays.forEach((day) => localDate(day));
};

// ---------------------------------------------------------------- wording

/** "13 November", with the year only when it is not `year` (the meeting's). */
const dayAndMonth = (date: LocalDate, year: number): string => {
  const parts = dateParts(date);
  return `${parts.day} ${monthName(parts.month)}${parts.year === year ? '' : ` ${parts.year}`}`;
};

const joinWords = (words: readonly string[]): string =>
  words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

/** "9, 10, 11, 12 and 15 November"; across months "30 November and 1, 2 and 3 December"; a year is added where it is not `year`. */
export const describeDays = (dates: readonly LocalDate[], year: number): string => {
  const groups: { key: string; days: number[]; label: string }[] = [];
  for (const date of dates) {
    const parts = dateParts(date);
    const key = `${parts.year}-${parts.month}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) {
      last.days.push(parts.day);
    } else {
      groups.push({
        key,
        days: [parts.day],
        label: `${monthName(parts.month)}${parts.year === year ? '' : ` ${parts.year}`}`,
      });
    }
  }
  return joinWords(groups.map((group) => `${joinWords(group.days.map(String))} ${group.label}`));
};

const describeSkipped = (skipped: readonly SkippedDay[], year: number): string[] => {
  const phrases: string[] = [];
  for (let i = 0; i < skipped.length; i += 1) {
    const current = skipped[i] as SkippedDay;
    const next = skipped[i + 1];
    // Skipped days are every non-working day in the span, so a Saturday listed before a Sunday is the day before it.
    if (current.reason === 'Saturday' && next?.reason === 'Sunday') {
      const sameMonth = current.date.slice(0, 7) === next.date.slice(0, 7);
      phrases.push(
        sameMonth
          ? `${dateParts(current.date).day}–${dayAndMonth(next.date, year)} are a weekend`
          : `${dayAndMonth(current.date, year)} – ${dayAndMonth(next.date, year)} are a weekend`,
      );
      i += 1;
    } else {
      phrases.push(`${dayAndMonth(current.date, year)} is a ${current.reason}`);
    }
  }
  return phrases;
};

// ---------------------------------------------------------------- the rule

/**
 * The last day the agenda for a meeting on `meetingDate` can be published: count back five
 * working days from the day before the meeting, then back to the previous working day.
 */
export const publicationDeadline = (
  meetingDate: LocalDate,
  calendar: PublicationCalendar,
): PublicationDeadline => {
  localDate(meetingDate);
  validateCalendar(calendar);
  const clearDays: LocalDate[] = [];
  const skipped: SkippedDay[] = [];
  let day = addDays(meetingDate, -1);
  let lastPublicationDate: LocalDate | null = null;
  while (lastPublicationDate === null) {
    const reason = nonWorkingReason(day, calendar);
    if (reason !== null) {
      skipped.unshift({ date: day, reason });
    } else if (clearDays.length < CLEAR_DAYS_REQUIRED) {
      clearDays.unshift(day);
    } else {
      lastPublicationDate = day;
    }
    day = addDays(day, -1);
  }
  const { year } = dateParts(meetingDate);
  const skippedWords = describeSkipped(skipped, year);
  // Six working days (five clear and the publication day) always span a weekend, so something is always skipped.
  const explanation = `Publish by ${formatDate(lastPublicationDate, true)}: the five clear days are ${describeDays(clearDays, year)}; ${skippedWords.join('; ')}.`;
  return { meetingDate, lastPublicationDate, clearDays, skipped, explanation };
};

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The UK calendar date of an instant (GMT in winter, BST in summer): 2021-06-07T23:30:00Z is 8 June. */
export const ukDateOf = (at: Instant): LocalDate => {
  instant(at);
  const parts = Object.fromEntries(
    LONDON_DATE.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
  );
  return localDate(`${parts['year']}-${parts['month']}-${parts['day']}`);
};

/**
 * Was the agenda published in time? `publishedAt` is an instant (converted to the UK date) or a
 * date. A publication on a non-working day counts from the next working day.
 */
export const checkPublication = (
  publishedAt: Instant | LocalDate,
  meetingDate: LocalDate,
  calendar: PublicationCalendar,
): PublicationCheck => {
  const deadline = publicationDeadline(meetingDate, calendar);
  const publishedOn = isLocalDate(publishedAt) ? publishedAt : ukDateOf(publishedAt as Instant);
  let openForInspectionFrom = publishedOn;
  while (!isWorkingDay(openForInspectionFrom, calendar)) {
    openForInspectionFrom = addDays(openForInspectionFrom, 1);
  }
  const given: LocalDate[] = [];
  for (
    let day = addDays(openForInspectionFrom, 1);
    compareDates(day, meetingDate) < 0;
    day = addDays(day, 1)
  ) {
    if (isWorkingDay(day, calendar)) given.push(day);
  }
  const clearDaysGiven = given.length;
  const isOnTime = clearDaysGiven >= CLEAR_DAYS_REQUIRED;
  const { year } = dateParts(meetingDate);
  const published =
    openForInspectionFrom === publishedOn
      ? `Published on ${formatDate(publishedOn, true)}`
      : `Published on ${formatDate(publishedOn, true)}, when the offices were closed (${nonWorkingReason(publishedOn, calendar) as string}), so open to inspection from ${formatDate(openForInspectionFrom, true)}`;
  const meeting = `the meeting on ${formatDate(meetingDate, true)}`;
  const explanation =
    compareDates(openForInspectionFrom, meetingDate) >= 0
      ? `${published}: not before ${meeting}, so no clear days were given; late. The deadline was ${formatDate(deadline.lastPublicationDate, true)}.`
      : isOnTime
        ? `${published}, giving ${clearDaysGiven} clear days before ${meeting}: on time (the deadline was ${formatDate(deadline.lastPublicationDate, true)}).`
        : `${published}, giving ${clearDaysGiven === 0 ? 'no clear days' : `${clearDaysGiven} clear day${clearDaysGiven === 1 ? '' : 's'} (${describeDays(given, year)})`} before ${meeting}; five are required, so it was late. The deadline was ${formatDate(deadline.lastPublicationDate, true)}.`;
  return {
    isOnTime,
    publishedOn,
    openForInspectionFrom,
    lastPublicationDate: deadline.lastPublicationDate,
    clearDaysGiven,
    explanation,
  };
};

/** Throws when a value given as a publication time is neither a date nor an instant. */
export const publicationMoment = (value: string): Instant | LocalDate => {
  if (isLocalDate(value)) return value;
  try {
    return instant(value);
  } catch {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `A publication time must be a date (2021-11-08) or an instant (2021-11-08T09:00:00Z), got ${JSON.stringify(value)}`,
      { value },
    );
  }
};
