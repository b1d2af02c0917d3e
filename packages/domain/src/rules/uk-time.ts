import type { Instant, LocalDate, LocalTime } from '../model/time.js';
import { instant, localDate, localTime } from './dates.js';

/** Councils in England and Wales keep UK time: GMT in winter, BST (UTC+1) in summer. */
export const UK_TIME_ZONE = 'Europe/London';

const LONDON_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The UK wall clock at `ms` (milliseconds since the epoch), as milliseconds of the same fields read as UTC. */
const wallClockAt = (ms: number): number => {
  const parts = Object.fromEntries(
    LONDON_WALL_CLOCK.formatToParts(new Date(ms)).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return Date.UTC(
    parts['year'] ?? 0,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
};

/** UK time's offset from UTC at an instant, in minutes: 0 (GMT) or 60 (BST). */
export const ukOffsetMinutesAt = (at: Instant): number => {
  const ms = new Date(instant(at)).getTime();
  return Math.round((wallClockAt(ms) - ms) / 60_000);
};

/**
 * The instant a UK date and wall-clock time name: 2022-03-26 18:00 is 18:00Z (GMT), 2022-03-28
 * 18:00 is 17:00Z (BST began on the 27th). A time the clocks skip (01:30 on the last Sunday of
 * March) is read with the offset before the change, as the clocks would show it an hour later.
 */
export const ukInstantOf = (date: LocalDate, time: LocalTime): Instant => {
  const [year, month, day] = localDate(date).split('-').map(Number) as [number, number, number];
  const [hour, minute] = localTime(time).split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Before the offset is known, the wall clock read as UTC is at most an hour off; the offset an
  // hour earlier settles both the normal case and the skipped hour.
  const offset = wallClockAt(asUtc - 3_600_000) - (asUtc - 3_600_000);
  const first = asUtc - offset;
  const corrected = asUtc - (wallClockAt(first) - first);
  const ms = wallClockAt(corrected) === asUtc ? corrected : first;
  return instant(new Date(ms).toISOString());
};

/** The same instant written with its UK offset, `2022-03-28T18:00:00+01:00` (Open Civic Data's `start_date`). */
export const ukIsoWithOffset = (at: Instant): string => {
  const ms = new Date(instant(at)).getTime();
  const offset = ukOffsetMinutesAt(at);
  const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};
