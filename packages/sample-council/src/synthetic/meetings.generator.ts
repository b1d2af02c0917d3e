/** The synthetic committees' calendar and their meetings' agendas. */
import {
  addDays,
  type AgendaItem,
  type Committee,
  type Instant,
  type LocalDate,
  type LocalTime,
  type MeetingDocument,
  type MeetingId,
  type PerformanceReport,
  type PortfolioCode,
} from '@scrutineer/domain';

/**
 * A committee's meetings in financial year Y, in the order `meetingsPerYear` takes them: the
 * mid-year meeting first (the reporter bench prints its pack), then the third quarter and annual
 * reports, the first update, and a second look at the mid-year report in January. Each meeting
 * considers one quarter's PPRRs; the annual report goes to June of Y + 1, after the year closes.
 */
const CALENDAR: readonly { month: number; isNextCalendarYear: boolean; quarter: number }[] = [
  { month: 11, isNextCalendarYear: false, quarter: 2 },
  { month: 3, isNextCalendarYear: true, quarter: 3 },
  { month: 6, isNextCalendarYear: true, quarter: 4 },
  { month: 9, isNextCalendarYear: false, quarter: 1 },
  { month: 1, isNextCalendarYear: true, quarter: 2 },
];

type Slot = (typeof CALENDAR)[number];

/** Committees meet on different days of the month, from the 15th, so their dates differ. */
const meetingDate = (committeeIndex: number, startYear: number, slot: Slot): LocalDate => {
  const year = slot.isNextCalendarYear ? startYear + 1 : startYear;
  const day = 15 + (committeeIndex % 13);
  return `${year}-${String(slot.month).padStart(2, '0')}-${day}` as LocalDate;
};

/** A report is dated the day of the meeting it is written for (as a PPRR's DATE line reads). */
export const reportDate = (committeeIndex: number, startYear: number, quarter: number): LocalDate =>
  meetingDate(committeeIndex, startYear, CALENDAR.find((slot) => slot.quarter === quarter) as Slot);

const fixedItem = (order: number, kind: AgendaItem['kind'], title: string): AgendaItem => ({
  number: String(order),
  order,
  kind,
  title,
  summary: null,
  recommendations: null,
  reportOf: [],
  contacts: [],
  exemption: null,
  documents: [],
});

/** Every agenda opens with these, as Stockport's do; the reports follow. */
const OPENING_ITEMS: readonly [AgendaItem['kind'], string][] = [
  ['apologies', 'Apologies'],
  ['minutes', 'Minutes'],
  ['declarations', 'Declarations of Interest'],
  ['call-in', 'Call-In'],
];

const reportItem = (order: number, report: PerformanceReport): AgendaItem => ({
  number: String(order),
  order,
  kind: 'report',
  title: report.title,
  summary: `To consider a joint report of the ${report.reportOf.join(' and ')}.`,
  // The report carries its own recommendations (the pack prints those); the item's stays short,
  // so the API bench's meeting responses keep their size.
  recommendations: {
    lead: 'The Committee is asked to:',
    style: 'lettered',
    items: ['note the report'],
  },
  reportOf: report.reportOf,
  contacts: report.contacts,
  exemption: null,
  documents: [
    {
      title: 'Report',
      role: 'report',
      exemption: null,
      content: { kind: 'performance-report', performanceReportId: report.id },
    },
  ],
});

/** Finds the PPRR of a portfolio for a year's quarter. */
export type ReportLookup = (
  portfolioCode: PortfolioCode,
  startYear: number,
  quarter: number,
) => PerformanceReport;

/**
 * A committee's meetings, oldest first: `meetingsPerYear` a year, each with the report of every
 * portfolio it covers for the latest quarter there is a report of. All are held except the
 * latest, whose agenda is published and whose minutes are not written yet.
 */
export const buildMeetings = (
  committee: Committee,
  committeeIndex: number,
  options: {
    readonly firstYear: number;
    readonly years: number;
    readonly meetingsPerYear: number;
    readonly reportsPerYear: number;
  },
  reportFor: ReportLookup,
): MeetingDocument[] => {
  const slots = CALENDAR.slice(0, options.meetingsPerYear).sort(
    (a, b) => Number(a.isNextCalendarYear) - Number(b.isNextCalendarYear) || a.month - b.month,
  );
  const meetings = Array.from({ length: options.years }, (_, y) => options.firstYear + y).flatMap(
    (startYear) =>
      slots.map((slot) => {
        const date = meetingDate(committeeIndex, startYear, slot);
        const quarter = Math.min(slot.quarter, options.reportsPerYear);
        const reports = committee.portfolioCodes.map((code) => reportFor(code, startYear, quarter));
        return { date, reports };
      }),
  );
  return meetings.map(({ date, reports }, index): MeetingDocument => {
    const isHeld = index < meetings.length - 1;
    return {
      schemaVersion: 1,
      meeting: {
        id: `bench-${committeeIndex + 1}-${date}` as MeetingId,
        committeeId: committee.id,
        date,
        startTime: '18:00' as LocalTime,
        venue: 'Committee Room 2, Town Hall',
        status: isHeld ? 'held' : 'agenda-published',
        // Ten days ahead: more than the five clear days the Local Government Act 1972 asks.
        agendaPublishedAt: `${addDays(date, -10)}T09:00:00Z` as Instant,
      },
      attendance: {
        kind: 'not-recorded',
        reason: isHeld
          ? 'The synthetic council records no attendance.'
          : 'The meeting has not been held.',
      },
      agendaItems: [
        ...OPENING_ITEMS.map(([kind, title], i) => fixedItem(i + 1, kind, title)),
        ...reports.map((report, i) => reportItem(OPENING_ITEMS.length + i + 1, report)),
      ],
      declarations: isHeld ? { kind: 'none-made' } : { kind: 'not-recorded' },
      minutes: null,
    };
  });
};
