import type {
  FindingPlace,
  MeetingPublicationCheck,
  PublicationFinding,
  PublicationFindingCode,
} from '../contract/publication-check.js';
import type { Edition } from '../contract/meeting.js';
import { DomainError } from '../errors.js';
import type { CouncilDataset, MeetingDocument } from '../model/document.js';
import type { AgendaItem } from '../model/meeting.js';
import type { PerformanceReport } from '../model/report.js';
import type { Instant, LocalDate } from '../model/time.js';
import { attachmentFindings } from './attachment-checks.js';
import { agendaRules } from './document-validation/agenda-rules.js';
import { periodLabel } from './period.js';
import { checkPublication, publicationDeadline } from './publication.js';
import { isReportedMeasure, reportedPeriod } from './reported-result.js';
import { isWithheld, withholdMeetingDocument } from './withholding.js';

/**
 * The pre-publication check: everything the clerk should fix before a meeting's papers are
 * published, found in the data alone (the reporter adds what only its layout knows, see
 * `checkPackLayout` in @scrutineer/reporter). Errors stop publication (`publishAgenda`);
 * warnings are published with.
 *
 * It reads the meeting as the caller may see it: with `mayReadExempt` false it checks the
 * public edition, so an exempt item is named by number and title (which the public agenda
 * prints) and nothing of its content is read or reported.
 *
 * Attachments (issue 12) add their accessibility findings from the pre-flight stored with each
 * file (`attachment-checks.ts`), placed at the document's path.
 */

/** Each code's severity, fixed: the law decides which (DOMAIN.md, "Meetings, agendas, packs"). */
export const FINDING_SEVERITY: Readonly<Record<PublicationFindingCode, 'error' | 'warning'>> = {
  // Exempt information discussed before the public is excluded is disclosed (Schedule 12A).
  'AGENDA.EXEMPT_BEFORE_EXCLUSION': 'error',
  'AGENDA.NO_EXCLUSION_ITEM': 'error',
  // s.100B(3) asks for five clear days, but s.100B(4)(b) lets the chair take a late item as
  // urgent, the reason minuted: publishing late is lawful and better than not publishing.
  'PUBLICATION.LATE': 'warning',
  'REPORT.NO_REPORT_OF': 'warning',
  'REPORT.NO_CONTACT': 'warning',
  'MEASURE.NO_NEW_FIGURE': 'warning',
  'MINUTES.NO_DECLARATIONS_RECORD': 'warning',
  'MINUTES.NO_CLOSING_TIME': 'warning',
  'MINUTES.NO_ATTENDANCE': 'warning',
  // An inaccessible attachment breaks the Public Sector Bodies Accessibility Regulations 2018,
  // but the agenda must still be published on time: the clerk asks for an accessible version.
  'ATTACHMENT.NOT_ACCESSIBLE': 'warning',
  'ATTACHMENT.CONVERSION_WARNINGS': 'warning',
  'ATTACHMENT.NOT_CHECKED': 'warning',
  'PACK.NO_PAGE_RANGE': 'warning',
  'PACK.TABLE_ROW_TOO_TALL': 'warning',
};

/** A finding of `code` at `where` (its severity is the code's). */
export const publicationFinding = (
  code: PublicationFindingCode,
  message: string,
  where: Partial<FindingPlace> & Pick<FindingPlace, 'path'>,
): PublicationFinding => ({
  severity: FINDING_SEVERITY[code],
  code,
  message,
  where: {
    document: where.document ?? 'agenda-pack',
    itemNumber: where.itemNumber ?? null,
    performanceReportId: where.performanceReportId ?? null,
    measureCode: where.measureCode ?? null,
    path: where.path,
  },
});

export type PublicationCheckOptions = {
  /** When the agenda would be published (now); a published agenda is judged at its recorded time. */
  readonly at: Instant;
  /** Whether the caller reads exempt content (clerks): false checks the public edition. */
  readonly mayReadExempt: boolean;
};

const itemName = (item: AgendaItem): string => `Item ${item.number} (“${item.title}”)`;

// ---------------------------------------------------------------- the agenda

/** Exempt items after the exclusion of the public: the import rule's own problems, as findings. */
const exclusionFindings = (document: MeetingDocument): PublicationFinding[] => {
  const hasExclusion = document.agendaItems.some((item) => item.kind === 'exclusion-of-public');
  return agendaRules(document, [])
    .filter((problem) => problem.code === 'VALIDATION.OUT_OF_ORDER')
    .flatMap((problem) => {
      const index = /^\$\.agendaItems\[(\d+)\]\.exemption$/.exec(problem.path)?.[1];
      const item = index === undefined ? undefined : document.agendaItems[Number(index)];
      if (item === undefined) return [];
      return [
        publicationFinding(
          hasExclusion ? 'AGENDA.EXEMPT_BEFORE_EXCLUSION' : 'AGENDA.NO_EXCLUSION_ITEM',
          `${problem.message}: exempt items are taken in private, after the Committee resolves to exclude the public. ${hasExclusion ? 'Move the item after the exclusion-of-the-public item.' : 'Add an exclusion-of-the-public item before it.'}`,
          { itemNumber: item.number, path: problem.path },
        ),
      ];
    });
};

const performanceReportsOf = (
  dataset: CouncilDataset,
  item: AgendaItem,
): { report: PerformanceReport; documentIndex: number }[] =>
  item.documents.flatMap((document, documentIndex) => {
    if (document.content.kind !== 'performance-report') return [];
    const id = document.content.performanceReportId;
    const report = dataset.performanceReports.find((candidate) => candidate.id === id);
    return report ? [{ report, documentIndex }] : [];
  });

/** A report item says whose report it is and whom to ask; a PPRR's own header block counts. */
const reportFindings = (
  dataset: CouncilDataset,
  item: AgendaItem,
  index: number,
): PublicationFinding[] => {
  if (item.kind !== 'report') return [];
  const reports = performanceReportsOf(dataset, item).map(({ report }) => report);
  const findings: PublicationFinding[] = [];
  if (item.reportOf.length === 0 && !reports.some((report) => report.reportOf.length > 0)) {
    findings.push(
      publicationFinding(
        'REPORT.NO_REPORT_OF',
        `${itemName(item)} does not say whose report it is: add the officer or officers it is “of”.`,
        { itemNumber: item.number, path: `$.agendaItems[${index}].reportOf` },
      ),
    );
  }
  if (item.contacts.length === 0 && !reports.some((report) => report.contacts.length > 0)) {
    findings.push(
      publicationFinding(
        'REPORT.NO_CONTACT',
        `${itemName(item)} names no contact officer, so readers have no one to ask about it.`,
        { itemNumber: item.number, path: `$.agendaItems[${index}].contacts` },
      ),
    );
  }
  return findings;
};

const measureFindings = (
  dataset: CouncilDataset,
  item: AgendaItem,
  index: number,
): PublicationFinding[] =>
  performanceReportsOf(dataset, item).flatMap(({ report, documentIndex }) => {
    const { period } = report;
    if (period.kind !== 'quarter' || period.quarter !== 3) return [];
    return report.partOne.flatMap((update) =>
      update.measureCodes.flatMap((code) => {
        const measure = dataset.measures.find((candidate) => candidate.code === code);
        if (!measure || isReportedMeasure(measure, period, dataset.results)) return [];
        return [
          publicationFinding(
            'MEASURE.NO_NEW_FIGURE',
            `${itemName(item)}, “${report.title}”: ${code} has no new figure since mid-year (for ${periodLabel(reportedPeriod(measure, period))}). A Third Quarter Update reports only measures with new data since mid-year: enter the figure or take the measure off Priority ${update.priorityNumber}.`,
            {
              itemNumber: item.number,
              performanceReportId: report.id,
              measureCode: code,
              path: `$.agendaItems[${index}].documents[${documentIndex}]`,
            },
          ),
        ];
      }),
    );
  });

// ---------------------------------------------------------------- the deadline and the minutes

const deadlineFindings = (
  dataset: CouncilDataset,
  document: MeetingDocument,
  at: Instant,
): PublicationFinding[] => {
  const { meeting } = document;
  const calendar = calendarOf(dataset, document);
  const check = checkPublication(meeting.agendaPublishedAt ?? at, meeting.date, calendar);
  if (check.isOnTime) return [];
  return [
    publicationFinding(
      'PUBLICATION.LATE',
      `${check.explanation} An item not open to inspection for five clear days may be taken only as urgent business, the reason minuted (Local Government Act 1972, s.100B(4)).`,
      { path: '$.meeting.agendaPublishedAt' },
    ),
  ];
};

/**
 * What the published minutes leave out rather than print a placeholder for: the clerk sees each
 * gap here instead ("A published record says nothing about what it does not hold").
 */
const minutesFindings = (document: MeetingDocument): PublicationFinding[] => {
  if (document.minutes === null) return [];
  const findings: PublicationFinding[] = [];
  if (document.attendance.kind === 'not-recorded') {
    findings.push(
      publicationFinding(
        'MINUTES.NO_ATTENDANCE',
        'The attendance is not recorded, so the minutes name no one present: record who attended, with apologies and substitutes.',
        { document: 'minutes', path: '$.attendance' },
      ),
    );
  }
  if (document.declarations.kind === 'not-recorded') {
    findings.push(
      publicationFinding(
        'MINUTES.NO_DECLARATIONS_RECORD',
        'Declarations of interest are not recorded, so the minutes say nothing about them: record the declarations, or that none were made.',
        { document: 'minutes', path: '$.declarations' },
      ),
    );
  }
  if (document.minutes.closedAt === null) {
    findings.push(
      publicationFinding(
        'MINUTES.NO_CLOSING_TIME',
        'The time the meeting closed is not recorded, so the minutes leave it out.',
        { document: 'minutes', path: '$.minutes.closedAt' },
      ),
    );
  }
  return findings;
};

// ---------------------------------------------------------------- the whole check

const meetingOf = (dataset: CouncilDataset, meetingId: string): MeetingDocument => {
  const document = dataset.meetings.find((candidate) => candidate.meeting.id === meetingId);
  if (!document) {
    throw new DomainError(
      'VALIDATION.UNKNOWN_REFERENCE',
      `The data set holds no meeting "${meetingId}"`,
      { value: meetingId },
    );
  }
  return document;
};

const calendarOf = (dataset: CouncilDataset, document: MeetingDocument) => {
  const committee = dataset.committees.find((c) => c.id === document.meeting.committeeId);
  const authority = dataset.authorities.find((a) => a.id === committee?.authorityId);
  if (!authority) {
    throw new DomainError(
      'VALIDATION.UNKNOWN_REFERENCE',
      `The data set holds no authority for the committee of meeting "${document.meeting.id}"`,
      { value: document.meeting.committeeId },
    );
  }
  return authority;
};

/**
 * Everything in the data the clerk should fix before publishing meeting `meetingId` of
 * `dataset` (a slice holding the meeting, its committee and authority and the performance
 * reports its agenda carries, as `GET …/dataset` serves it), in agenda order.
 */
export const checkPublicationReadiness = (
  dataset: CouncilDataset,
  meetingId: string,
  options: PublicationCheckOptions,
): PublicationFinding[] => {
  // Withheld first, so nothing below can read what the caller may not.
  const document = withholdMeetingDocument(meetingOf(dataset, meetingId), options.mayReadExempt);
  const items = [...document.agendaItems.entries()].sort(([, a], [, b]) => a.order - b.order);
  const readable = items.filter(([, item]) => !isWithheld(item, options.mayReadExempt));
  return [
    ...exclusionFindings(document),
    ...deadlineFindings(dataset, document, options.at),
    ...readable.flatMap(([index, item]) => [
      ...reportFindings(dataset, item, index),
      ...measureFindings(dataset, item, index),
      ...item.documents.flatMap((itemDocument, documentIndex) =>
        attachmentFindings(item, itemDocument, (code, message) =>
          publicationFinding(code, message, {
            itemNumber: item.number,
            path: `$.agendaItems[${index}].documents[${documentIndex}].content.file.checks`,
          }),
        ),
      ),
    ]),
    ...minutesFindings(document),
  ];
};

/** The last day the meeting's agenda can be published with five clear days. */
export const lastPublicationDateOf = (dataset: CouncilDataset, meetingId: string): LocalDate => {
  const document = meetingOf(dataset, meetingId);
  return publicationDeadline(document.meeting.date, calendarOf(dataset, document))
    .lastPublicationDate;
};

/** The check's answer from every finding (the domain's and the reporter's): errors first, each group in the order found. */
export const summarisePublicationCheck = (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  judgedAt: Instant,
  findings: readonly PublicationFinding[],
): MeetingPublicationCheck => {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const { meeting } = meetingOf(dataset, meetingId);
  return {
    meetingId,
    committeeName: dataset.committees.find((c) => c.id === meeting.committeeId)?.name ?? '',
    meetingDate: meeting.date,
    edition,
    judgedAt: meeting.agendaPublishedAt ?? judgedAt,
    lastPublicationDate: lastPublicationDateOf(dataset, meetingId),
    canPublish: errors.length === 0,
    errorCount: errors.length,
    warningCount: warnings.length,
    findings: [...errors, ...warnings],
  };
};

/** Throws PUBLICATION.HAS_ERRORS, listing them (and the warnings) in its data, when any finding is an error. */
export const assertPublishable = (findings: readonly PublicationFinding[]): void => {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return;
  throw new DomainError(
    'PUBLICATION.HAS_ERRORS',
    `The agenda cannot be published with ${errors.length === 1 ? 'an error' : `${errors.length} errors`}: ${errors.map((finding) => finding.message).join(' ')}`,
    {
      errors,
      warnings: findings.filter((finding) => finding.severity === 'warning'),
    },
  );
};
