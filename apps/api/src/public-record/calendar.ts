import {
  type LocalDate,
  type LocalTime,
  type MeetingResource,
  UK_TIME_ZONE,
  ukInstantOf,
  ukIsoWithOffset,
} from '@scrutineer/domain';
import { RECORD_DOMAIN, type SiteLinks } from './site-links.js';

/*
 * RFC 5545 written here rather than with ical-generator: with a calendar time zone set, that
 * library (10.x) writes DTSTAMP and TZID times from the process's own clock fields, so its
 * output depended on the server's TZ and DTSTAMP lost its `Z` (RFC 5545 3.8.7.2 wants UTC).
 * Times here come from the domain's UK-time rule, whatever TZ the server runs in.
 */

/**
 * Europe/London as RFC 5545 describes it (3.6.5): BST from 01:00 GMT on the last Sunday of
 * March, GMT from 02:00 BST on the last Sunday of October, the rule in force since 1996 (and,
 * for March, since 1981); no meeting the API holds is older.
 */
export const EUROPE_LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${UK_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A meeting's UID: its id at the fixed record domain, the same in every calendar and for ever. */
export const meetingUid = (meetingId: string): string =>
  `meeting-${encodeURIComponent(meetingId)}@${RECORD_DOMAIN}`;

/**
 * The meeting's SEQUENCE: its version less one (a new meeting is 0). The version moves with
 * every change the API stores to the meeting (date, time, venue, status, attendance, minutes),
 * so a calendar client takes each change as a newer revision (RFC 5545 3.8.7.4).
 */
export const meetingSequence = (meeting: MeetingResource): number => meeting.version - 1;

/** TEXT as RFC 5545 3.3.11 escapes it: backslash, semicolon, comma and line breaks. */
export const icalText = (value: string): string =>
  value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    // Control characters other than tab are not allowed in a content line (3.1).
    .split('')
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code === 9 || (code >= 32 && code !== 127);
    })
    .join('');

/** Folds a content line at 75 octets (3.1), never inside a UTF-8 character. */
export const foldLine = (line: string): string => {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
};

/** An instant as a UTC DATE-TIME: `20220328T170000Z`. */
const utcStamp = (iso: string): string =>
  `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The meeting's start: a UK wall-clock time with TZID, or the day alone (VALUE=DATE). */
const dtstart = (meeting: MeetingResource): string => {
  if (meeting.startTime === null) return `DTSTART;VALUE=DATE:${meeting.date.replace(/-/g, '')}`;
  const at = ukInstantOf(meeting.date as LocalDate, meeting.startTime as LocalTime);
  const wall = ukIsoWithOffset(at).slice(0, 19).replace(/[-:]/g, '');
  return `DTSTART;TZID=${UK_TIME_ZONE}:${wall}`;
};

const event = (meeting: MeetingResource, links: SiteLinks): string[] => {
  const title = meeting.committeeName || meeting.committeeId;
  return [
    'BEGIN:VEVENT',
    `UID:${meetingUid(meeting.id)}`,
    `SEQUENCE:${meetingSequence(meeting)}`,
    `DTSTAMP:${utcStamp(meeting.updatedAt)}`,
    `CREATED:${utcStamp(meeting.createdAt)}`,
    `LAST-MODIFIED:${utcStamp(meeting.updatedAt)}`,
    dtstart(meeting),
    `SUMMARY:${icalText(title)}`,
    ...(meeting.venue === null ? [] : [`LOCATION:${icalText(meeting.venue)}`]),
    `URL:${links.meeting(meeting.id)}`,
    `DESCRIPTION:${icalText(`${title}. The agenda, papers and minutes: ${links.meeting(meeting.id)}`)}`,
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
};

/** The calendar of `meetings` (RFC 5545), each with its UID, SEQUENCE, status, venue and page. */
export const buildCalendar = (
  name: string,
  meetings: readonly MeetingResource[],
  links: SiteLinks,
): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Scrutineer//Public record//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${icalText(name)}`,
    `X-WR-CALNAME:${icalText(name)}`,
    `X-WR-TIMEZONE:${UK_TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    ...EUROPE_LONDON_VTIMEZONE,
    ...meetings.flatMap((meeting) => event(meeting, links)),
    'END:VCALENDAR',
  ]
    .map(foldLine)
    .join('\r\n') + '\r\n';
