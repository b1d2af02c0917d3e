// Small constructors for writing the sample data by hand. They only brand values; the data
// set as a whole is validated by the domain's `parseCouncilDataset` (see sample-council.spec.ts).
import type {
  AuthorityId,
  Comment,
  CommitteeId,
  CommitteeMembership,
  CommitteeRole,
  ExemptParagraph,
  FinancialYear,
  Instant,
  ItemDocument,
  LocalDate,
  LocalTime,
  MeasureCode,
  MeetingId,
  Member,
  MemberId,
  Minute,
  OfficerContact,
  Pence,
  PerformanceReportId,
  PersonRef,
  PortfolioCode,
  ReportingPeriod,
  Unknown,
} from '@scrutineer/domain';

export const authorityId = (value: string) => value as AuthorityId;
export const committeeId = (value: string) => value as CommitteeId;
export const meetingId = (value: string) => value as MeetingId;
export const reportId = (value: string) => value as PerformanceReportId;
export const portfolio = (value: string) => value as PortfolioCode;
export const code = (value: string) => value as MeasureCode;
export const date = (value: string) => value as LocalDate;
export const time = (value: string) => value as LocalTime;
export const at = (value: string) => value as Instant;
export const fy = (value: string) => value as FinancialYear;

/** Whole pounds to pence: `pounds(794_000)` is 79_400_000. Throws on fractions of a penny. */
export const pounds = (amount: number): Pence => {
  const pence = Math.round(amount * 100);
  if (!Number.isSafeInteger(pence) || Math.abs(pence - amount * 100) > 1e-6) {
    throw new Error(`Not a whole number of pence: £${amount}`);
  }
  return pence as Pence;
};

export const unknown = (reason: string): Unknown => ({ kind: 'unknown', reason });

export const member = (
  id: string,
  name: string,
  party: string | null,
  ward: string | null,
): Member => ({ id: id as MemberId, name, party, ward });

/** The person reference for a councillor the data set holds. */
export const ref = (m: Member): PersonRef => ({ name: m.name, memberId: m.id });

/** A membership period: `member` null for a vacancy; `to` null while it continues (both days included). */
export const seat = (
  m: Member | null,
  role: CommitteeRole,
  from: string | null,
  to: string | null = null,
): CommitteeMembership => ({
  member: m === null ? null : ref(m),
  role,
  from: from === null ? null : date(from),
  to: to === null ? null : date(to),
});

export const contact = (
  name: string,
  role: string,
  email: string | null,
  phone: string | null,
): OfficerContact => ({ name, role, email, phone });

export const quarter = (year: string, q: 1 | 2 | 3 | 4): ReportingPeriod => ({
  kind: 'quarter',
  year: fy(year),
  quarter: q,
});
export const midYear = (year: string): ReportingPeriod => ({ kind: 'mid-year', year: fy(year) });
export const annual = (year: string): ReportingPeriod => ({ kind: 'annual', year: fy(year) });

/** A bullet as minuted: the point and, where the minute gives one, the response to it. */
export const comment = (
  point: string,
  response: string | null = null,
  topic: string | null = null,
): Comment => ({ topic, point, response });

export const sectionsDocument = (
  title: string,
  role: ItemDocument['role'],
  sections: readonly { heading: string; paragraphs: readonly string[] }[],
  exemptParagraph: ExemptParagraph | null = null,
): ItemDocument => ({
  title,
  role,
  exemption: exemptParagraph === null ? null : { paragraph: exemptParagraph },
  content: { kind: 'sections', sections },
});

export const tableDocument = (
  title: string,
  role: ItemDocument['role'],
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  exemptParagraph: ExemptParagraph | null = null,
): ItemDocument => ({
  title,
  role,
  exemption: exemptParagraph === null ? null : { paragraph: exemptParagraph },
  content: { kind: 'table', caption, header, rows },
});

/** £794,000 as a table cell: whole pounds with thousands separators (tables print pounds, not pence). */
export const poundsCell = (amountInPence: number): string =>
  `£${(amountInPence / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;

/** A minute with nothing but its reference, item and title; `fields` fills in the rest. */
export const minute = (
  sequence: number,
  agendaItemNumber: string | null,
  takenOrder: number,
  title: string,
  fields: Partial<Omit<Minute, 'ref' | 'agendaItemNumber' | 'takenOrder' | 'title'>>,
): Minute => ({
  ref: { text: String(sequence), sequence },
  agendaItemNumber,
  takenOrder,
  title,
  blocks: [],
  motions: [],
  elections: [],
  actions: [],
  resolution: null,
  previousMinutes: null,
  exemption: null,
  ...fields,
});

/** A minute's paragraph of text, unnumbered and without comments. */
export const paragraph = (text: string) => ({
  kind: 'paragraph' as const,
  ref: null,
  text,
  comments: [],
});
