import type { Brand } from '../brand.js';
import {
  BrandedString,
  Closed,
  IntegerEnum,
  KindUnion,
  LIMITS,
  List,
  Nullable,
  ReadOnly,
  StringEnum,
  Text,
  Type,
  Variant,
  type Shape,
} from '../schema/kit.js';
import { AttachmentChecks } from './attachment-checks.js';
import { CommitteeId, OfficerContact, PersonRef, identifier } from './people.js';
import type { PerformanceReportId } from './report.js';
import { Recommendations, ReportSection } from './text.js';
import { Instant, LocalDate, LocalTime } from './time.js';

export type MeetingId = Brand<string, 'MeetingId'>;
export const MeetingId = BrandedString<MeetingId>({
  minLength: 1,
  maxLength: 200,
  description: 'A meeting’s id, e.g. `stockport-cfsc-2021-12-13`.',
});

/** Schedule 12A Part 1 (England, SI 2006/88): paragraphs 1–7. */
export const ENGLAND_EXEMPT_PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Schedule 12A Part 4 (Wales, as substituted by SI 2007/969 (W.86)): paragraphs 12–18. */
export const WALES_EXEMPT_PARAGRAPHS = [12, 13, 14, 15, 16, 17, 18] as const;
export const EXEMPT_PARAGRAPHS = [
  ...ENGLAND_EXEMPT_PARAGRAPHS,
  ...WALES_EXEMPT_PARAGRAPHS,
] as const;
/**
 * Local Government Act 1972, Schedule 12A: the paragraph that makes information exempt, numbered
 * as the council cites it (England 1–7, Wales 12–18; which applies follows the authority's region).
 */
export type ExemptParagraph = (typeof EXEMPT_PARAGRAPHS)[number];
export const ExemptParagraph = IntegerEnum(EXEMPT_PARAGRAPHS, {
  title: 'ExemptParagraph',
  description:
    'Local Government Act 1972, Schedule 12A paragraph, numbered as the council cites it. An authority whose region is `england` cites Part 1, paragraphs 1–7; one whose region is `wales` cites Part 4 (as substituted by SI 2007/969 (W.86)), paragraphs 12–18. A paragraph of the other nation is refused (400, the problem names the range that applies).',
});

/** Why an item or appendix is not for publication. The public sees the paragraph, never the content. */
export const Exemption = Closed(
  {
    paragraph: ExemptParagraph,
    // Named `reason…`: it is one of the exemption's reasons, public like the paragraph.
    reasonPublicInterestTest: Type.Optional(
      Text({
        maxLength: LIMITS.paragraph,
        description:
          'A reason for the exemption: the public interest test’s outcome as the proper officer recorded it (Schedule 12A paragraph 10 in England, paragraph 21 in Wales). Public, like the paragraph: it is printed with the exclusion resolution. Absent when none was recorded; refused (400) on a paragraph the test does not reach (paragraph 16 in Wales, legal professional privilege).',
      }),
    ),
  },
  {
    title: 'Exemption',
    description: 'Why it is not for publication: the public sees the paragraph, never the content.',
  },
);
export type Exemption = Shape<typeof Exemption>;

export const AGENDA_ITEM_KINDS = [
  'apologies',
  'minutes',
  'declarations',
  'call-in',
  'exclusion-of-public',
  'urgent-business',
  'report',
  'other',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const AgendaItemKind = StringEnum(AGENDA_ITEM_KINDS, { title: 'AgendaItemKind' });

export const ITEM_DOCUMENT_ROLES = ['report', 'appendix', 'supporting'] as const;
export type ItemDocumentRole = (typeof ITEM_DOCUMENT_ROLES)[number];

/** The kinds of file an agenda item's document can be: a PDF, or a Word document (DOCX). */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
export const AttachmentMediaType = StringEnum(ATTACHMENT_MEDIA_TYPES, {
  title: 'AttachmentMediaType',
  description:
    'What the file is, read from its bytes (never from the name or the uploader’s Content-Type): `application/pdf` or a Word document, `application/vnd.openxmlformats-officedocument.wordprocessingml.document`.',
});

/** The pattern of a SHA-256 digest as stored and published: 64 lower-case hex digits. */
export const SHA256_PATTERN = '^[0-9a-f]{64}$';

/**
 * A file as the council received it (an officer's Word report, a consultant's PDF appendix),
 * stored once by the SHA-256 of its bytes. Its metadata travels with the document; its bytes are
 * read from `GET /api/v1/agenda-items/{id}/documents/{docId}/file`.
 */
export const AttachedFile = Closed(
  {
    sha256: Type.String({
      pattern: SHA256_PATTERN,
      description:
        'The SHA-256 of the bytes, in lower-case hex: the file’s identity (the same bytes on two items are stored once) and its ETag.',
    }),
    mediaType: AttachmentMediaType,
    byteLength: Type.Integer({ minimum: 1, description: 'The file’s size in bytes.' }),
    fileName: Text({
      maxLength: 255,
      description: 'The name the file was uploaded under (`Appendix B - Budget.pdf`).',
    }),
    pageCount: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'A PDF’s number of pages; absent for a Word document (it has no pages until typeset).',
      }),
    ),
    checks: Type.Optional(
      ReadOnly(
        Nullable(AttachmentChecks, {
          description:
            'The accessibility pre-flight the server made of the bytes when they were uploaded (tagged, title, language, fonts, scanned pages; a Word document’s conversion warnings). Null when the file was stored before files were checked: not checked, not known to pass. Set by the server, ignored in requests; the pre-publication check warns from it.',
        }),
      ),
    ),
  },
  { title: 'AttachedFile' },
);
export type AttachedFile = Shape<typeof AttachedFile>;

/** The most supplements a meeting's agenda can have ("Supplementary Agenda No. 99"). */
export const MAX_SUPPLEMENTS = 99;

/**
 * A paper (an agenda item, or a document of an item) added after the agenda was published: it
 * can be considered only because the chair thinks it urgent (Local Government Act 1972,
 * s.100B(4)(b)), and it reaches the public in a supplementary agenda. `addedAt` and `supplement`
 * are the server's: ignored on input, set when the paper is added and when the supplement that
 * carries it is published.
 */
export const LatePaper = Closed(
  {
    urgencyReason: Text({
      maxLength: LIMITS.paragraph,
      description:
        'The chair’s reason for considering it at this meeting although it was not on the published agenda (LGA 1972 s.100B(4)(b)), printed on the supplementary agenda and in the minutes.',
    }),
    /** When it was added: after the agenda's `agendaPublishedAt`. */
    addedAt: Type.Optional(ReadOnly(Instant)),
    supplement: Type.Optional(
      ReadOnly(
        Nullable(Type.Integer({ minimum: 1, maximum: MAX_SUPPLEMENTS }), {
          description:
            'The supplementary agenda that published it (1 for “Supplementary Agenda No. 1”); null until one does.',
        }),
      ),
    ),
  },
  {
    title: 'LatePaper',
    description:
      'A paper added after the agenda was published (LGA 1972 s.100B(4)(b)): the chair’s reason for urgency, when it was added (`addedAt`, after the meeting’s `agendaPublishedAt`), and the supplementary agenda that published it.',
  },
);
export type LatePaper = Shape<typeof LatePaper>;

const lateField = (what: string) =>
  Type.Optional(
    Nullable(LatePaper, {
      description: `Set when the ${what} was added after the agenda was published; absent or null for one on the published agenda.`,
    }),
  );

/** What an item document holds: sections written inline, a performance report held as data, a table, or an attached file. */
export const ItemDocumentContent = KindUnion(
  [
    Variant(
      'sections',
      { sections: List(ReportSection, { maxItems: LIMITS.longList }) },
      {
        title: 'ItemDocumentSections',
        description: 'The document written inline, section by section.',
      },
    ),
    Variant(
      'performance-report',
      {
        performanceReportId: identifier<PerformanceReportId>(
          'The performance report’s id (as in /performance-reports).',
        ),
      },
      { title: 'ItemDocumentPerformanceReport', description: 'A performance report held as data.' },
    ),
    Variant(
      'table',
      {
        caption: Text({ minLength: 0 }),
        header: List(Text({ minLength: 0 }), { maxItems: 50 }),
        rows: List(List(Text({ minLength: 0, maxLength: LIMITS.paragraph }), { maxItems: 50 }), {
          maxItems: LIMITS.longList,
        }),
      },
      { title: 'ItemDocumentTable', description: 'A table, as printed.' },
    ),
    Variant(
      'file',
      { file: AttachedFile },
      {
        title: 'ItemDocumentFile',
        description:
          'A paper written elsewhere and attached as a file (PDF or Word). Upload it with `POST /api/v1/agenda-items/{id}/documents` (or `POST /api/v1/files` before an import); a body that names a file the server does not hold is refused (400).',
      },
    ),
  ],
  { title: 'ItemDocumentContent' },
);
export type ItemDocumentContent = Shape<typeof ItemDocumentContent>;

/**
 * A document attached to an agenda item: the report itself or an appendix. It is written
 * inline (`sections`) or points at a performance report held as data (`performanceReportId`).
 * An appendix can be exempt while its report is public.
 */
export const ItemDocument = Closed(
  {
    title: Text(),
    role: StringEnum(ITEM_DOCUMENT_ROLES),
    exemption: Nullable(Exemption, { description: 'Null for a public document.' }),
    content: ItemDocumentContent,
    late: lateField('document'),
  },
  { title: 'ItemDocument' },
);
export type ItemDocument = Shape<typeof ItemDocument>;

/** The pattern of an agenda item's printed number: `5`, `5a`, `5.1`. */
export const AGENDA_ITEM_NUMBER_PATTERN = '^[0-9]+(\\.[0-9]+)?[A-Za-z]?$';

export const AgendaItem = Closed(
  {
    /** The published number as printed: `5`, `5a`. */
    number: Type.String({
      maxLength: 10,
      pattern: AGENDA_ITEM_NUMBER_PATTERN,
      description: 'The published number as printed: `5`, `5a`, `5.1`.',
    }),
    /** Position in the published agenda, from 1. */
    order: Type.Integer({ minimum: 1, description: 'Position in the published agenda, from 1.' }),
    kind: AgendaItemKind,
    title: Text(),
    /** The time printed against the item on the agenda ("10:40"); absent or null when none is. */
    scheduledTime: Type.Optional(
      Nullable(LocalTime, {
        description:
          'The time the agenda schedules the item for, as printed (`10:40`); absent or null when it gives none.',
      }),
    ),
    /** "To consider a joint report of …"; null for fixed items that have none. */
    summary: Nullable(Text({ maxLength: LIMITS.paragraph }), {
      description: '“To consider a joint report of …”; null for fixed items that have none.',
    }),
    recommendations: Nullable(Recommendations),
    /** The officers the report is "of" (two or more for a joint report). */
    reportOf: List(Text(), {
      maxItems: 20,
      description: 'The officers the report is “of” (two or more for a joint report).',
    }),
    contacts: List(OfficerContact, { maxItems: 20 }),
    /** Null for an open item; the Schedule 12A paragraph for one taken in private. */
    exemption: Nullable(Exemption, {
      description: 'Null for an open item; the Schedule 12A paragraph for one taken in private.',
    }),
    documents: List(ItemDocument, { maxItems: 100 }),
    /** The order in which the meeting took the item (the chair may take item 8 before item 6), from 1. */
    consideredOrder: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 1,
          maximum: 999,
          description:
            'The order in which the meeting took the item, from 1 (the chair may take item 8 before item 6), independent of the minutes; absent or null when not recorded.',
        }),
      ),
    ),
    /** For an exclusion-of-the-public item: the exempt items it covers, by published number. */
    covers: Type.Optional(
      List(Type.String({ maxLength: 10, pattern: AGENDA_ITEM_NUMBER_PATTERN }), {
        maxItems: LIMITS.shortList,
        uniqueItems: true,
        description:
          'Only on an exclusion-of-the-public item: the exempt items it excludes the public for, by published number (each on the agenda and exempt). Absent or empty when the source does not say.',
      }),
    ),
    late: lateField('item'),
  },
  { title: 'AgendaItem' },
);
export type AgendaItem = Shape<typeof AgendaItem>;

export const MEETING_STATUSES = ['scheduled', 'agenda-published', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MeetingStatus = StringEnum(MEETING_STATUSES, { title: 'MeetingStatus' });

export const Meeting = Closed(
  {
    id: MeetingId,
    committeeId: CommitteeId,
    date: LocalDate,
    /** Null where the source gives no time. */
    startTime: Nullable(LocalTime, { description: 'Null where the source gives no time.' }),
    venue: Nullable(Text()),
    status: MeetingStatus,
    /** When the agenda was published (open to inspection); null until then. */
    agendaPublishedAt: Nullable(Instant, {
      description: 'When the agenda was published (open to inspection); null until then.',
    }),
  },
  { title: 'Meeting' },
);
export type Meeting = Shape<typeof Meeting>;

export const PRESENT_ROLES = ['chair', 'vice-chair', 'member'] as const;

/** Who attended. The committee's membership is not the attendance. */
export const Attendance = KindUnion(
  [
    Variant(
      'not-recorded',
      { reason: Text({ maxLength: 2000 }) },
      { title: 'AttendanceNotRecorded', description: 'The source does not say who attended.' },
    ),
    Variant(
      'recorded',
      {
        /** Chair first, as minutes print them. */
        present: List(Closed({ person: PersonRef, role: StringEnum(PRESENT_ROLES) }), {
          description: 'Chair first, as minutes print them.',
        }),
        apologies: List(PersonRef),
        /** A substitute sits for a named absent member, or for none the source names. */
        substitutes: List(Closed({ person: PersonRef, forMember: Nullable(PersonRef) }), {
          description: 'A substitute sits for a named absent member, or for none the source names.',
        }),
        cabinetMembers: List(Closed({ person: PersonRef, portfolio: Nullable(Text()) })),
        officers: List(Closed({ name: Text(), role: Nullable(Text()) })),
      },
      { title: 'AttendanceRecorded' },
    ),
  ],
  {
    title: 'Attendance',
    description: 'Who attended. The committee’s membership is not the attendance.',
  },
);
export type Attendance = Shape<typeof Attendance>;
