/**
 * The pre-publication check: `GET /api/v1/meetings/{id}/publication-check`, `scrutineer-pack
 * check`, and what `POST …/agenda/publication` refuses on (errors) or answers with (warnings).
 * The findings come from the domain's `checkPublicationReadiness` and the reporter's
 * `checkPackLayout`; `summarisePublicationCheck` makes this answer from both.
 */
import { Instant, LocalDate } from '../model/time.js';
import {
  Closed,
  LIMITS,
  List,
  Nullable,
  StringEnum,
  Text,
  Type,
  type Shape,
} from '../schema/kit.js';
import { EDITIONS, MeetingResource } from './meeting.js';
import { PackPublication } from './pack-publication.js';

export const FINDING_SEVERITIES = ['error', 'warning'] as const;
/** An error stops publication; a warning is published with, and said to the clerk. */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * What a finding is about. Domain findings come first, the reporter's layout findings (`PACK.`)
 * last. A code's severity never changes.
 */
export const PUBLICATION_FINDING_CODES = [
  /** An exempt item comes before the exclusion-of-the-public item (error). */
  'AGENDA.EXEMPT_BEFORE_EXCLUSION',
  /** Exempt items, and no exclusion-of-the-public item at all (error). */
  'AGENDA.NO_EXCLUSION_ITEM',
  /** Published later than five clear days before the meeting (warning: s.100B(4) lets a late item be taken as urgent). */
  'PUBLICATION.LATE',
  /** A report item names no officer the report is "of" (warning). */
  'REPORT.NO_REPORT_OF',
  /** A report item names no contact officer (warning). */
  'REPORT.NO_CONTACT',
  /** A Third Quarter Update lists a measure with no new figure since mid-year (warning). */
  'MEASURE.NO_NEW_FIGURE',
  /** Minutes with no record of declarations: the published minutes leave the line out (warning). */
  'MINUTES.NO_DECLARATIONS_RECORD',
  /** Minutes with no closing time: the published minutes leave it out (warning). */
  'MINUTES.NO_CLOSING_TIME',
  /** Minutes of a meeting whose attendance is not recorded (warning). */
  'MINUTES.NO_ATTENDANCE',
  /** An attached PDF that does not meet WCAG 2.1 AA: untagged, a scan, no title or language, fonts without Unicode (warning). */
  'ATTACHMENT.NOT_ACCESSIBLE',
  /** An attached Word document the pack cannot print as the author had it, or without headings or alt text (warning). */
  'ATTACHMENT.CONVERSION_WARNINGS',
  /** An attached file stored before files were checked: nothing is known of its accessibility (warning). */
  'ATTACHMENT.NOT_CHECKED',
  /** A report on the agenda with no pages in the pack, so no "(Pages …)" range (warning). */
  'PACK.NO_PAGE_RANGE',
  /** A table row that with the header cannot fit one page, so it is split across pages (warning). */
  'PACK.TABLE_ROW_TOO_TALL',
] as const;
export type PublicationFindingCode = (typeof PUBLICATION_FINDING_CODES)[number];

export const PUBLICATION_DOCUMENTS = ['agenda-pack', 'minutes'] as const;

/** Where the clerk fixes it: the document it shows in, the agenda item, report and measure, and a JSON path. */
export const FindingPlace = Closed(
  {
    document: StringEnum(PUBLICATION_DOCUMENTS, {
      description: 'The document the finding is about: the agenda pack or the minutes.',
    }),
    itemNumber: Nullable(Text({ maxLength: 20 }), {
      description: 'The agenda item’s published number (`5`, `5a`); null for the whole meeting.',
    }),
    performanceReportId: Nullable(Text({ maxLength: LIMITS.id }), {
      description: 'The performance report (PPRR) it is in, if any.',
    }),
    measureCode: Nullable(Text({ maxLength: 50 }), { description: 'The measure, if any.' }),
    path: Text({
      maxLength: 500,
      description:
        'A JSON path into the meeting’s document (`GET /meetings/{id}/document`): `$.agendaItems[4].contacts`, `$.minutes.closedAt`.',
    }),
  },
  { title: 'FindingPlace', description: 'Where a pre-publication finding is.' },
);
export type FindingPlace = Shape<typeof FindingPlace>;

export const PublicationFinding = Closed(
  {
    severity: StringEnum(FINDING_SEVERITIES, {
      description: '`error` stops publication; `warning` does not.',
    }),
    code: StringEnum(PUBLICATION_FINDING_CODES),
    message: Text({ maxLength: LIMITS.paragraph, description: 'What to fix, for the clerk.' }),
    where: FindingPlace,
  },
  {
    title: 'PublicationFinding',
    description: 'One thing the clerk should fix before publishing.',
  },
);
export type PublicationFinding = Shape<typeof PublicationFinding>;

export const PublicationFindings = List(PublicationFinding, { maxItems: LIMITS.longList * 10 });

export const MeetingPublicationCheck = Closed(
  {
    meetingId: Text({ maxLength: 200 }),
    committeeName: Text({ minLength: 0, description: 'The committee whose meeting it is.' }),
    meetingDate: LocalDate,
    edition: StringEnum(EDITIONS, {
      description:
        'The edition checked, the caller’s: `confidential` for clerks (exempt items checked in full), `public` for officers (exempt items by number and title only).',
    }),
    judgedAt: Instant,
    lastPublicationDate: LocalDate,
    canPublish: Type.Boolean({ description: 'True when there are no errors.' }),
    errorCount: Type.Integer({ minimum: 0 }),
    warningCount: Type.Integer({ minimum: 0 }),
    findings: PublicationFindings,
  },
  {
    title: 'MeetingPublicationCheck',
    description:
      'Everything the clerk should fix before publishing the meeting’s papers: errors first, in agenda order. `judgedAt` is when the five clear days are judged from (the recorded publication once the agenda is published, else now); `lastPublicationDate` the last day that leaves five clear days.',
  },
);
export type MeetingPublicationCheck = Shape<typeof MeetingPublicationCheck>;

/**
 * `POST …/agenda/publication` answers this when it publishes: the five clear days, and the
 * check's warnings (published with, and recorded in the audit trail). With any error it
 * publishes nothing and answers 409 PUBLICATION.HAS_ERRORS, the findings in `data.errors` and
 * `data.warnings`.
 */
export const AgendaPublication = Closed(
  {
    meeting: MeetingResource,
    publishedAt: Instant,
    isOnTime: Type.Boolean({
      description: 'Whether it was open to inspection five clear days before the meeting.',
    }),
    deadline: LocalDate,
    clearDays: Type.Integer({
      description: 'Clear days between publication and the meeting (negative when after it).',
    }),
    explanation: Type.String({ description: 'The rule, in words.' }),
    warnings: List(PublicationFinding, {
      maxItems: LIMITS.longList * 10,
      description:
        'The pre-publication check’s warnings (GET …/publication-check), published with; empty when there are none.',
    }),
    publications: Type.Optional(
      List(PackPublication, {
        maxItems: 2,
        description:
          'The agenda pack as published, public and confidential edition, with the SHA-256 of each (GET …/publications lists them later).',
      }),
    ),
  },
  {
    title: 'AgendaPublication',
    description:
      'The agenda’s publication, whether it met the five-clear-days deadline, and the warnings it was published with.',
  },
);
export type AgendaPublication = Shape<typeof AgendaPublication>;
