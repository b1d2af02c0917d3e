/**
 * JSON Schema (draft 2020-12) for the document shapes in model/document.ts: a MeetingDocument
 * and a CouncilDataset. The API publishes it in its OpenAPI description and validates imports
 * with it; `parseMeetingDocument()` / `parseCouncilDataset()` (document-validation/) add the
 * rules a schema cannot say (uniqueness, references, order).
 *
 * Conventions:
 * - Every object is closed (`additionalProperties: false`) and every field is required: the
 *   model has no optional fields, a missing fact is `null` or `{ kind: 'unknown', reason }`.
 * - A nullable object is `if: { type: 'null' }, else: <schema>` rather than `anyOf`, so a wrong
 *   field inside it is reported at its own path (`$.agendaItems[3].exemption.paragraph`).
 * - `Maybe<T>` is `if: <unknown marker>, then: Unknown, else: T` for the same reason.
 * - Discriminated unions use `oneOf` with the OpenAPI `discriminator` on `kind` (Ajv option
 *   `discriminator: true`), so only the branch the `kind` names is reported.
 * - Formats: `date` is RFC 3339 full-date; `instant` (an ISO 8601 date-time with an offset,
 *   seconds optional), `financial-year` and `academic-year` (`2021/22`, consecutive years) are
 *   this product's own. Other validators ignore unknown formats, so each also has a `pattern`;
 *   `parseMeetingDocument()` checks them in full (a date on the calendar, years consecutive).
 */
import { DOCUMENT_SCHEMA_VERSION } from '../model/document.js';
import { MEASURE_CODE_PATTERN, PORTFOLIO_CODE_PATTERN } from './validation.js';

type Properties = Readonly<Record<string, unknown>>;

/** A closed object: every property required, nothing else allowed. */
const closed = <P extends Properties>(properties: P) =>
  ({
    type: 'object',
    properties,
    required: Object.keys(properties) as (keyof P & string)[],
    additionalProperties: false,
  }) as const;

const ref = <N extends string>(name: N) => ({ $ref: `#/$defs/${name}` }) as const;

/** `T | null` where T is a named definition, reporting errors inside T at their own paths. */
const nullableRef = <N extends string>(name: N) =>
  ({ if: { type: 'null' }, else: ref(name) }) as const;

/** `Maybe<T>`: the value, or `{ kind: 'unknown', reason }`. */
const maybe = <S>(schema: S) =>
  ({
    if: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { const: 'unknown' } },
    },
    then: ref('Unknown'),
    else: schema,
  }) as const;

const text = { type: 'string', minLength: 1 } as const;
const anyText = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const positiveInt = { type: 'integer', minimum: 1 } as const;
const nonNegativeInt = { type: 'integer', minimum: 0 } as const;
const list = <S>(items: S) => ({ type: 'array', items }) as const;
const oneOfKind = <B extends readonly unknown[]>(...branches: B) =>
  ({
    type: 'object',
    discriminator: { propertyName: 'kind' },
    oneOf: branches,
  }) as const;
const kind = <K extends string>(value: K) => ({ const: value }) as const;

export const DOCUMENT_SCHEMA_DEFS = {
  LocalDate: {
    type: 'string',
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'A calendar date, YYYY-MM-DD.',
  },
  LocalTime: {
    type: 'string',
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    description: 'A 24-hour wall-clock time, HH:MM.',
  },
  Instant: {
    type: 'string',
    pattern:
      '^\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$',
    format: 'date-time',
    description: 'An instant, ISO 8601 with offset, e.g. 2021-11-15T16:30:00Z.',
  },
  FinancialYear: {
    type: 'string',
    format: 'financial-year',
    pattern: '^\\d{4}/\\d{2}$',
    description: 'A financial year, 1 April to 31 March, e.g. 2021/22.',
  },
  AcademicYear: {
    type: 'string',
    format: 'academic-year',
    pattern: '^\\d{4}/\\d{2}$',
    description: 'An academic year, 1 September to 31 August, e.g. 2020/21.',
  },
  Pence: {
    type: 'integer',
    minimum: Number.MIN_SAFE_INTEGER,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'Money as a whole number of pence: £794,000 is 79400000.',
  },
  MeasureCode: {
    type: 'string',
    pattern: MEASURE_CODE_PATTERN.source,
    description: 'CFSE.28, CFSE11, CFSE12(ii).',
  },
  PortfolioCode: {
    type: 'string',
    pattern: PORTFOLIO_CODE_PATTERN.source,
    description: 'e.g. CFSE.',
  },
  Id: { type: 'string', minLength: 1, maxLength: 200 },
  Unknown: closed({ kind: kind('unknown'), reason: text }),
  ExemptParagraph: { type: 'integer', minimum: 1, maximum: 7 },
  Exemption: closed({ paragraph: ref('ExemptParagraph') }),
  ListStyle: { enum: ['lettered', 'roman', 'numbered', 'bulleted'] },

  // people.ts
  PersonRef: closed({ name: text, memberId: { if: { type: 'null' }, else: ref('Id') } }),
  OfficerContact: closed({ name: text, role: anyText, email: nullableText, phone: nullableText }),
  AuthorityStyle: closed({
    primaryColour: { type: 'string', pattern: '^#[0-9A-Fa-f]{6}$' },
    logo: { type: ['string', 'null'], pattern: '^data:image/(png|jpeg);base64,' },
    minutePrefix: { type: 'string', maxLength: 20 },
    municipalYearStart: closed({
      month: { type: 'integer', minimum: 1, maximum: 12 },
      day: { type: 'integer', minimum: 1, maximum: 31 },
    }),
  }),
  Authority: closed({
    id: ref('Id'),
    name: text,
    shortName: text,
    region: { enum: ['england', 'wales'] },
    style: ref('AuthorityStyle'),
    closureDays: list(ref('LocalDate')),
    website: nullableText,
  }),
  Member: closed({ id: ref('Id'), name: text, party: nullableText, ward: nullableText }),
  CommitteeMembership: closed({
    member: ref('PersonRef'),
    role: { enum: ['chair', 'vice-chair', 'member', 'substitute'] },
  }),
  Committee: closed({
    id: ref('Id'),
    authorityId: ref('Id'),
    name: text,
    memberships: list(ref('CommitteeMembership')),
    clerk: nullableRef('OfficerContact'),
    portfolioCodes: list(ref('PortfolioCode')),
  }),
  Portfolio: closed({
    code: ref('PortfolioCode'),
    authorityId: ref('Id'),
    name: text,
    cabinetMember: nullableRef('PersonRef'),
    directors: list(text),
  }),

  // text.ts
  Recommendations: closed({ lead: anyText, style: ref('ListStyle'), items: list(text) }),
  ReportSection: closed({ heading: text, paragraphs: list(anyText) }),

  // performance.ts
  MeasureUnit: {
    enum: [
      'percent',
      'count',
      'rate-per-1000',
      'rate-per-10000',
      'rate-per-100000',
      'days',
      'weeks',
      'pounds',
      'score',
    ],
  },
  PerformanceMeasure: closed({
    code: ref('MeasureCode'),
    portfolioCode: ref('PortfolioCode'),
    title: text,
    unit: ref('MeasureUnit'),
    polarity: { enum: ['higher-is-better', 'lower-is-better'] },
    frequency: { enum: ['monthly', 'quarterly', 'termly', 'annual', 'academic-year'] },
    source: nullableText,
    priorityNumber: { type: ['integer', 'null'], minimum: 1 },
    decimals: { type: 'integer', minimum: 0, maximum: 6 },
  }),
  Tolerance: oneOfKind(
    closed({ kind: kind('absolute'), amount: { type: 'number', minimum: 0 } }),
    closed({ kind: kind('relative'), percent: { type: 'number', minimum: 0 } }),
    closed({ kind: kind('none') }),
  ),
  MeasureTarget: closed({
    measureCode: ref('MeasureCode'),
    unit: ref('MeasureUnit'),
    target: maybe({ type: 'number' }),
    tolerance: ref('Tolerance'),
    toleranceRationale: nullableText,
  }),
  ReportingPeriod: oneOfKind(
    closed({
      kind: kind('quarter'),
      year: ref('FinancialYear'),
      quarter: { enum: [1, 2, 3, 4] },
    }),
    closed({ kind: kind('mid-year'), year: ref('FinancialYear') }),
    closed({ kind: kind('annual'), year: ref('FinancialYear') }),
    closed({ kind: kind('academic-year'), year: ref('AcademicYear') }),
    closed({
      kind: kind('month'),
      year: ref('FinancialYear'),
      month: { type: 'integer', minimum: 1, maximum: 12 },
    }),
  ),
  Comparator: closed({
    kind: { enum: ['regional-average', 'england-average', 'statistical-neighbours', 'other'] },
    label: text,
    value: { type: 'number' },
  }),
  MeasureResult: closed({
    measureCode: ref('MeasureCode'),
    period: ref('ReportingPeriod'),
    value: maybe({ type: 'number' }),
    status: { enum: ['actual', 'forecast', 'provisional'] },
    comparators: list(ref('Comparator')),
    commentary: nullableText,
  }),

  // agreement.ts
  Priority: closed({ number: positiveInt, title: text, outcomes: list(text) }),
  RevenueBudgetLine: closed({ service: text, budget: ref('Pence') }),
  EarmarkedReserve: closed({
    name: text,
    balance: ref('Pence'),
    plannedUse: { if: { type: 'null' }, else: ref('Pence') },
    purpose: nullableText,
  }),
  SavingsLine: closed({ reference: nullableText, title: text, target: ref('Pence') }),
  CapitalLine: closed({ scheme: text, budget: ref('Pence'), fundingSource: nullableText }),
  PortfolioAgreement: closed({
    portfolioCode: ref('PortfolioCode'),
    year: ref('FinancialYear'),
    status: { enum: ['draft', 'considered', 'approved'] },
    considered: {
      if: { type: 'null' },
      else: closed({ committeeId: ref('Id'), date: ref('LocalDate') }),
    },
    approved: { if: { type: 'null' }, else: closed({ body: text, date: ref('LocalDate') }) },
    priorities: list(ref('Priority')),
    targets: list(ref('MeasureTarget')),
    revenueBudget: list(ref('RevenueBudgetLine')),
    reserves: list(ref('EarmarkedReserve')),
    savings: list(ref('SavingsLine')),
    capital: list(ref('CapitalLine')),
  }),

  // report.ts
  PriorityUpdate: closed({
    priorityNumber: positiveInt,
    title: text,
    highlights: list(text),
    exceptions: list(text),
    measureCodes: list(ref('MeasureCode')),
  }),
  RevenueMonitoringLine: closed({
    service: text,
    budget: ref('Pence'),
    forecast: maybe(ref('Pence')),
  }),
  ReserveMonitoringLine: closed({
    name: text,
    balance: ref('Pence'),
    forecastUse: maybe(ref('Pence')),
  }),
  SavingsMonitoringLine: closed({
    title: text,
    target: ref('Pence'),
    forecast: maybe(ref('Pence')),
    commentary: nullableText,
  }),
  CapitalMonitoringLine: closed({
    scheme: text,
    budget: ref('Pence'),
    forecast: maybe(ref('Pence')),
    commentary: nullableText,
  }),
  FinancialMonitoring: closed({
    revenue: list(ref('RevenueMonitoringLine')),
    reserves: list(ref('ReserveMonitoringLine')),
    savings: list(ref('SavingsMonitoringLine')),
    capital: list(ref('CapitalMonitoringLine')),
    commentary: list(text),
  }),
  PerformanceReport: closed({
    id: ref('Id'),
    portfolioCode: ref('PortfolioCode'),
    year: ref('FinancialYear'),
    kind: { enum: ['first-update', 'mid-year', 'third-quarter-update', 'annual'] },
    period: ref('ReportingPeriod'),
    reportTo: text,
    date: ref('LocalDate'),
    reportOf: list(text),
    title: text,
    sections: list(ref('ReportSection')),
    recommendations: ref('Recommendations'),
    partOne: list(ref('PriorityUpdate')),
    partTwo: ref('FinancialMonitoring'),
    furtherInformation: list(text),
    contacts: list(ref('OfficerContact')),
  }),

  // meeting.ts
  ItemDocument: closed({
    title: text,
    role: { enum: ['report', 'appendix', 'supporting'] },
    exemption: nullableRef('Exemption'),
    content: oneOfKind(
      closed({ kind: kind('sections'), sections: list(ref('ReportSection')) }),
      closed({ kind: kind('performance-report'), performanceReportId: ref('Id') }),
      closed({
        kind: kind('table'),
        caption: anyText,
        header: list(anyText),
        rows: list(list(anyText)),
      }),
    ),
  }),
  AgendaItem: closed({
    number: {
      type: 'string',
      pattern: '^[0-9]+(\\.[0-9]+)?[A-Za-z]?$',
      description: 'As printed: 5, 5a, 5.1.',
    },
    order: positiveInt,
    kind: {
      enum: [
        'apologies',
        'minutes',
        'declarations',
        'call-in',
        'exclusion-of-public',
        'urgent-business',
        'report',
        'other',
      ],
    },
    title: text,
    summary: nullableText,
    recommendations: nullableRef('Recommendations'),
    reportOf: list(text),
    contacts: list(ref('OfficerContact')),
    exemption: nullableRef('Exemption'),
    documents: list(ref('ItemDocument')),
  }),
  Meeting: closed({
    id: ref('Id'),
    committeeId: ref('Id'),
    date: ref('LocalDate'),
    startTime: nullableRef('LocalTime'),
    venue: nullableText,
    status: { enum: ['scheduled', 'agenda-published', 'held', 'cancelled'] },
    agendaPublishedAt: nullableRef('Instant'),
  }),
  Attendance: oneOfKind(
    closed({ kind: kind('not-recorded'), reason: text }),
    closed({
      kind: kind('recorded'),
      present: list(
        closed({ person: ref('PersonRef'), role: { enum: ['chair', 'vice-chair', 'member'] } }),
      ),
      apologies: list(ref('PersonRef')),
      substitutes: list(closed({ person: ref('PersonRef'), forMember: nullableRef('PersonRef') })),
      cabinetMembers: list(closed({ person: ref('PersonRef'), portfolio: nullableText })),
      officers: list(closed({ name: text, role: nullableText })),
    }),
  ),
  Declaration: closed({
    member: ref('PersonRef'),
    about: oneOfKind(
      closed({ kind: kind('agenda-item'), itemNumber: text }),
      closed({ kind: kind('subject'), subject: text }),
    ),
    interest: {
      enum: [
        'personal',
        'prejudicial',
        'disclosable-pecuniary',
        'other-registrable',
        'non-registrable',
      ],
    },
    nature: anyText,
    withdrew: maybe({ type: 'boolean' }),
  }),
  Declarations: oneOfKind(
    closed({ kind: kind('not-recorded') }),
    closed({ kind: kind('none-made') }),
    closed({ kind: kind('made'), declarations: { ...list(ref('Declaration')), minItems: 1 } }),
  ),

  // minutes.ts
  MinuteRef: closed({ text: text, sequence: positiveInt }),
  Comment: closed({ topic: nullableText, point: text, response: nullableText }),
  MinuteBlock: oneOfKind(
    closed({
      kind: kind('paragraph'),
      ref: nullableText,
      text: anyText,
      comments: list(ref('Comment')),
    }),
    closed({ kind: kind('comment-group'), heading: nullableText, comments: list(ref('Comment')) }),
  ),
  VoteCount: closed({ for: nonNegativeInt, against: nonNegativeInt, abstain: nonNegativeInt }),
  Vote: oneOfKind(
    closed({ kind: kind('show-of-hands'), count: maybe(ref('VoteCount')) }),
    closed({ kind: kind('unanimous') }),
    closed({
      kind: kind('recorded'),
      votes: list(
        closed({ member: ref('PersonRef'), cast: { enum: ['for', 'against', 'abstain'] } }),
      ),
    }),
    closed({ kind: kind('secret-ballot'), count: maybe(ref('VoteCount')) }),
  ),
  Motion: closed({
    text: text,
    proposer: nullableRef('PersonRef'),
    seconder: nullableRef('PersonRef'),
    vote: nullableRef('Vote'),
    outcome: { enum: ['carried', 'lost', 'withdrawn', 'not-recorded'] },
  }),
  Election: closed({
    office: text,
    nominations: list(
      closed({
        nominee: ref('PersonRef'),
        proposer: nullableRef('PersonRef'),
        seconder: nullableRef('PersonRef'),
        votes: { type: ['integer', 'null'], minimum: 0 },
      }),
    ),
    elected: nullableRef('PersonRef'),
  }),
  Resolution: oneOfKind(
    closed({ kind: kind('single'), text: text }),
    closed({
      kind: kind('list'),
      style: ref('ListStyle'),
      lead: nullableText,
      points: { ...list(closed({ label: anyText, text: text })), minItems: 1 },
    }),
  ),
  Action: closed({
    text: text,
    owner: nullableText,
    due: nullableRef('LocalDate'),
    status: { enum: ['open', 'in-progress', 'done', 'dropped'] },
  }),
  PreviousMinutesApproval: closed({
    meetingDate: nullableRef('LocalDate'),
    amendments: list(closed({ minuteRef: anyText, text: text })),
  }),
  Minute: closed({
    ref: ref('MinuteRef'),
    agendaItemNumber: nullableText,
    takenOrder: positiveInt,
    title: text,
    blocks: list(ref('MinuteBlock')),
    motions: list(ref('Motion')),
    elections: list(ref('Election')),
    actions: list(ref('Action')),
    resolution: nullableRef('Resolution'),
    previousMinutes: nullableRef('PreviousMinutesApproval'),
    exemption: nullableRef('Exemption'),
  }),
  MinutesOfMeeting: closed({
    status: { enum: ['draft', 'approved'] },
    approvedOn: nullableRef('LocalDate'),
    closedAt: nullableRef('LocalTime'),
    minutes: list(ref('Minute')),
  }),

  // document.ts
  MeetingDocument: closed({
    schemaVersion: { const: DOCUMENT_SCHEMA_VERSION },
    meeting: ref('Meeting'),
    attendance: ref('Attendance'),
    agendaItems: list(ref('AgendaItem')),
    declarations: ref('Declarations'),
    minutes: nullableRef('MinutesOfMeeting'),
  }),
  CouncilDataset: closed({
    schemaVersion: { const: DOCUMENT_SCHEMA_VERSION },
    authorities: list(ref('Authority')),
    members: list(ref('Member')),
    committees: list(ref('Committee')),
    portfolios: list(ref('Portfolio')),
    measures: list(ref('PerformanceMeasure')),
    agreements: list(ref('PortfolioAgreement')),
    results: list(ref('MeasureResult')),
    performanceReports: list(ref('PerformanceReport')),
    meetings: list(ref('MeetingDocument')),
  }),
} as const;

const SCHEMA_BASE = 'https://scrutineer.dev/schemas/v1';

/** JSON Schema for `MeetingDocument` (POST /api/v1/imports/meetings, `scrutineer-pack --input`). */
export const MEETING_DOCUMENT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${SCHEMA_BASE}/meeting-document.json`,
  title: 'MeetingDocument',
  description:
    'One meeting as a whole document: meeting, attendance, agenda, declarations and minutes.',
  $ref: '#/$defs/MeetingDocument',
  $defs: DOCUMENT_SCHEMA_DEFS,
} as const;

/** JSON Schema for `CouncilDataset` (the sample council, whole-data-set imports). */
export const COUNCIL_DATASET_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${SCHEMA_BASE}/council-dataset.json`,
  title: 'CouncilDataset',
  description: 'A whole data set: authorities and everything they hold.',
  $ref: '#/$defs/CouncilDataset',
  $defs: DOCUMENT_SCHEMA_DEFS,
} as const;
