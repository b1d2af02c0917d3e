// West Sussex: the Children and Young People's Services Scrutiny Committee and its Quarter 2
// 2021/22 meeting. Minute 33 (paragraphs 33.1–33.6) is VERBATIM from seed 004; Cllr Russell and
// Cllr Nigel Jupp are as the seed names them. The meeting date (17 November 2021), the other
// agenda items, the committee's members, the measures other than re-referrals and every figure
// except the 23% re-referral rate are ILLUSTRATIVE (invented), see README.md.
import type {
  Authority,
  Committee,
  MeasureResult,
  MeetingDocument,
  Member,
  PerformanceMeasure,
  PerformanceReport,
  Portfolio,
  PortfolioAgreement,
} from '@scrutineer/domain';
import { DOCUMENT_SCHEMA_VERSION } from '@scrutineer/domain';
import {
  at,
  authorityId,
  code,
  comment,
  committeeId,
  contact,
  date,
  fy,
  meetingId,
  member,
  portfolio,
  pounds,
  quarter,
  ref,
  reportId,
  time,
} from './helpers.js';
import { westSussexMinute33 as seed } from './seed-text.data.js';

export const westSussex: Authority = {
  id: authorityId('west-sussex'),
  name: 'West Sussex County Council',
  shortName: 'West Sussex',
  region: 'england',
  style: {
    primaryColour: '#00546E',
    logo: null,
    minutePrefix: '',
    municipalYearStart: { month: 5, day: 1 },
  },
  closureDays: [],
  website: 'https://www.westsussex.gov.uk',
};

/** Seed 004 gives only the surname. */
export const cllrRussell = member('west-sussex-russell', 'Cllr Russell', null, null);
export const cllrJupp = member('west-sussex-nigel-jupp', 'Cllr Nigel Jupp', null, null);
// Illustrative committee members (invented names and divisions).
const margaretHillier = member(
  'west-sussex-margaret-hillier',
  'Cllr Margaret Hillier',
  null,
  'Midhurst',
);
const andrewCowell = member(
  'west-sussex-andrew-cowell',
  'Cllr Andrew Cowell',
  null,
  'Bognor Regis East',
);
const felicityAshdown = member(
  'west-sussex-felicity-ashdown',
  'Cllr Felicity Ashdown',
  null,
  'Horsham Riverside',
);
const robertTilling = member(
  'west-sussex-robert-tilling',
  'Cllr Robert Tilling',
  null,
  'Worthing West',
);
const hannahGreaves = member(
  'west-sussex-hannah-greaves',
  'Cllr Hannah Greaves',
  null,
  'Crawley Three Bridges',
);
const owenPritchard = member(
  'west-sussex-owen-pritchard',
  'Cllr Owen Pritchard',
  null,
  'Chichester North',
);
const deborahVance = member(
  'west-sussex-deborah-vance',
  'Cllr Deborah Vance',
  null,
  'Shoreham North',
);

export const westSussexMembers: readonly Member[] = [
  cllrRussell,
  cllrJupp,
  margaretHillier,
  andrewCowell,
  felicityAshdown,
  robertTilling,
  hannahGreaves,
  owenPritchard,
  deborahVance,
];

const CYP = portfolio('CYP');
const LS = portfolio('LS');

export const cypScrutiny: Committee = {
  id: committeeId('west-sussex-cypssc'),
  authorityId: westSussex.id,
  name: 'Children and Young People’s Services Scrutiny Committee',
  memberships: [
    { member: ref(margaretHillier), role: 'chair' },
    { member: ref(andrewCowell), role: 'vice-chair' },
    { member: ref(felicityAshdown), role: 'member' },
    { member: ref(robertTilling), role: 'member' },
    { member: ref(hannahGreaves), role: 'member' },
    { member: ref(owenPritchard), role: 'member' },
    { member: ref(deborahVance), role: 'member' },
  ],
  clerk: contact('Natalie Brooke', 'Scrutiny Officer', null, '0330 222 0000'),
  portfolioCodes: [CYP, LS],
};

export const westSussexPortfolios: readonly Portfolio[] = [
  {
    code: CYP,
    authorityId: westSussex.id,
    name: 'Children and Young People',
    cabinetMember: ref(cllrRussell),
    directors: ['Executive Director of Children, Young People and Learning'],
  },
  {
    code: LS,
    authorityId: westSussex.id,
    name: 'Learning and Skills',
    cabinetMember: ref(cllrJupp),
    directors: ['Executive Director of Children, Young People and Learning'],
  },
];

const measure = (
  measureCode: string,
  portfolioCode: typeof CYP,
  title: string,
  unit: PerformanceMeasure['unit'],
  polarity: PerformanceMeasure['polarity'],
  source: string | null,
  decimals = 1,
): PerformanceMeasure => ({
  code: code(measureCode),
  portfolioCode,
  title,
  unit,
  polarity,
  frequency: 'quarterly',
  source,
  priorityNumber: 1,
  decimals,
});

export const westSussexMeasures: readonly PerformanceMeasure[] = [
  // "Performance Measure 1" in resolution 33.6 (2), with its title as the resolution gives it.
  measure(
    'CYP.1',
    CYP,
    'Percentage of re-referrals to Children’s Social Care within 12 months of the previous referral',
    'percent',
    'lower-is-better',
    'Children in Need census',
  ),
  measure(
    'CYP.2',
    CYP,
    'Percentage of Children Looked After with three or more placements in the year',
    'percent',
    'lower-is-better',
    'SSDA903 return',
  ),
  measure(
    'CYP.3',
    CYP,
    'Number of approved fostering households',
    'count',
    'higher-is-better',
    'Fostering service records',
    0,
  ),
  measure(
    'LS.1',
    LS,
    'Percentage of Education, Health and Care Plans issued within 20 weeks',
    'percent',
    'higher-is-better',
    'SEN2 return',
  ),
  measure(
    'LS.2',
    LS,
    'Percentage of pupils attending a Good or Outstanding school',
    'percent',
    'higher-is-better',
    'Ofsted management information',
  ),
  measure(
    'LS.3',
    LS,
    'Number of children with an EHCP whose parents claim the parental mileage rate',
    'count',
    'higher-is-better',
    'Home to school transport records',
    0,
  ),
];

const Q1 = quarter('2021/22', 1);
const Q2 = quarter('2021/22', 2);
const Q2_2020 = quarter('2020/21', 2);

const result = (
  measureCode: string,
  period: MeasureResult['period'],
  value: number,
  commentary: string | null = null,
  comparators: MeasureResult['comparators'] = [],
): MeasureResult => ({
  measureCode: code(measureCode),
  period,
  value,
  status: 'actual',
  comparators,
  commentary,
});

export const westSussexResults: readonly MeasureResult[] = [
  result('CYP.1', Q2_2020, 22.1),
  result('CYP.1', Q1, 21.4),
  // 23%, "in line with other local authorities and the English average" (seed 004, 33.3).
  result(
    'CYP.1',
    Q2,
    23,
    'The rate first published for quarter two was wrong (a reporting error, since corrected); the correct rate is 23%.',
    [{ kind: 'england-average', label: 'England average', value: 22.7 }],
  ),
  result('CYP.2', Q2_2020, 10.9),
  result('CYP.2', Q1, 11.2),
  result('CYP.2', Q2, 10.6, 'Some external placements have returned to in-county provision.'),
  result('CYP.3', Q2_2020, 349),
  result('CYP.3', Q1, 352),
  result('CYP.3', Q2, 355, 'Interest in fostering applications has increased.'),
  result('LS.1', Q2_2020, 51.0),
  result('LS.1', Q1, 47.0),
  result('LS.1', Q2, 52.5, null, [
    { kind: 'england-average', label: 'England average 2020', value: 58.0 },
  ]),
  result('LS.2', Q2_2020, 85.1),
  result('LS.2', Q1, 86.0),
  result('LS.2', Q2, 86.4),
  result('LS.3', Q2_2020, 156),
  result('LS.3', Q1, 288),
  result(
    'LS.3',
    Q2,
    312,
    'The number of parents claiming the mileage rate has doubled since 2020.',
  ),
];

const targets = (
  entries: readonly (readonly [string, number, number])[],
  unitOf: (c: string) => PerformanceMeasure['unit'],
) =>
  entries.map(([measureCode, value, amount]) => ({
    measureCode: code(measureCode),
    unit: unitOf(measureCode),
    target: value,
    tolerance: { kind: 'absolute' as const, amount },
    toleranceRationale: null,
  }));

const unitOf = (c: string): PerformanceMeasure['unit'] =>
  westSussexMeasures.find((m) => m.code === c)?.unit ?? 'percent';

/** West Sussex sets its targets in Our Council Plan; held here as approved agreements (illustrative). */
export const westSussexAgreements: readonly PortfolioAgreement[] = [
  {
    portfolioCode: CYP,
    year: fy('2021/22'),
    status: 'approved',
    considered: null,
    approved: { body: 'County Council', date: date('2021-02-12') },
    priorities: [
      { number: 1, title: 'Keeping people safe from vulnerable situations', outcomes: [] },
    ],
    targets: targets(
      [
        ['CYP.1', 22, 2],
        ['CYP.2', 10, 1],
        ['CYP.3', 370, 15],
      ],
      unitOf,
    ),
    revenueBudget: [
      { service: 'Children’s Social Care', budget: pounds(118_600_000) },
      { service: 'Early Help', budget: pounds(9_800_000) },
      { service: 'Fostering and Adoption', budget: pounds(22_300_000) },
    ],
    reserves: [],
    savings: [],
    capital: [],
  },
  {
    portfolioCode: LS,
    year: fy('2021/22'),
    status: 'approved',
    considered: null,
    approved: { body: 'County Council', date: date('2021-02-12') },
    priorities: [
      {
        number: 1,
        title: 'Helping people and communities to fulfil their potential',
        outcomes: [],
      },
    ],
    targets: targets(
      [
        ['LS.1', 60, 5],
        ['LS.2', 88, 2],
        ['LS.3', 250, 25],
      ],
      unitOf,
    ),
    revenueBudget: [
      { service: 'Education and Skills', budget: pounds(24_100_000) },
      { service: 'Home to School Transport', budget: pounds(23_900_000) },
    ],
    reserves: [],
    savings: [],
    capital: [],
  },
];

const prrCommon = {
  year: fy('2021/22'),
  kind: 'mid-year' as const,
  period: Q2,
  reportTo: 'Children and Young People’s Services Scrutiny Committee',
  date: date('2021-11-17'),
  reportOf: ['Director of Finance and Support Services'],
  sections: [{ heading: 'Summary', paragraphs: [seed.summary] }],
  recommendations: {
    lead: 'The Committee are asked to:',
    style: 'bulleted' as const,
    items: [seed.ask],
  },
  furtherInformation: [],
  contacts: [],
};

export const westSussexReports: readonly PerformanceReport[] = [
  {
    ...prrCommon,
    id: reportId('west-sussex-cyp-2021-22-q2'),
    portfolioCode: CYP,
    title: 'Performance and Resources Report – Quarter 2 2021/22: Children and Young People',
    partOne: [
      {
        priorityNumber: 1,
        title: 'Keeping people safe from vulnerable situations',
        highlights: ['Interest in fostering applications has increased.'],
        exceptions: ['Re-referrals within 12 months (23%) are above the target of 22%.'],
        measureCodes: [code('CYP.1'), code('CYP.2'), code('CYP.3')],
      },
    ],
    partTwo: {
      revenue: [
        {
          service: 'Children’s Social Care',
          budget: pounds(118_600_000),
          forecast: pounds(121_950_000),
        },
        { service: 'Early Help', budget: pounds(9_800_000), forecast: pounds(9_450_000) },
        {
          service: 'Fostering and Adoption',
          budget: pounds(22_300_000),
          forecast: pounds(22_100_000),
        },
      ],
      reserves: [],
      savings: [],
      capital: [],
      commentary: [
        'The financial position has improved since quarter one; external placement fees remain the main pressure.',
      ],
    },
  },
  {
    ...prrCommon,
    id: reportId('west-sussex-ls-2021-22-q2'),
    portfolioCode: LS,
    title: 'Performance and Resources Report – Quarter 2 2021/22: Learning and Skills',
    partOne: [
      {
        priorityNumber: 1,
        title: 'Helping people and communities to fulfil their potential',
        highlights: [
          'The number of parents claiming the parental mileage rate has doubled since 2020.',
        ],
        exceptions: [
          'The Dedicated Schools Grant high needs block remains under pressure from the rise in EHCPs.',
        ],
        measureCodes: [code('LS.1'), code('LS.2'), code('LS.3')],
      },
    ],
    partTwo: {
      revenue: [
        {
          service: 'Education and Skills',
          budget: pounds(24_100_000),
          forecast: pounds(24_600_000),
        },
        {
          service: 'Home to School Transport',
          budget: pounds(23_900_000),
          forecast: pounds(25_200_000),
        },
      ],
      reserves: [],
      savings: [],
      capital: [
        {
          scheme: 'Queen Elizabeth II Jubilee School',
          budget: pounds(6_500_000),
          forecast: pounds(7_300_000),
          commentary: 'Delayed: the original contractor withdrew and retendering raised costs.',
        },
      ],
      commentary: ['Pressures are mainly due to the increase in Education, Health and Care Plans.'],
    },
  },
];

const fixed = (
  number: number,
  kind: 'declarations' | 'minutes' | 'urgent-business' | 'other',
  title: string,
  summary: string,
) => ({
  number: String(number),
  order: number,
  kind,
  title,
  summary,
  recommendations: null,
  reportOf: [],
  contacts: [],
  exemption: null,
  documents: [],
});

const paragraph = (ref: string, text: string, comments: ReturnType<typeof comment>[] = []) => ({
  kind: 'paragraph' as const,
  ref,
  text,
  comments,
});
const heading = (text: string) => ({ kind: 'comment-group' as const, heading: text, comments: [] });
const bullets = (list: readonly { topic: string; point: string }[]) =>
  list.map((b) => comment(b.point, null, b.topic));

export const westSussexMeeting: MeetingDocument = {
  schemaVersion: DOCUMENT_SCHEMA_VERSION,
  meeting: {
    id: meetingId('west-sussex-cypssc-2021-11-17'),
    committeeId: cypScrutiny.id,
    date: date('2021-11-17'),
    startTime: time('10:30'),
    venue: 'County Hall, Chichester',
    status: 'held',
    agendaPublishedAt: at('2021-11-08T16:00:00Z'),
  },
  attendance: {
    kind: 'recorded',
    present: [
      { person: ref(margaretHillier), role: 'chair' },
      { person: ref(andrewCowell), role: 'vice-chair' },
      { person: ref(felicityAshdown), role: 'member' },
      { person: ref(robertTilling), role: 'member' },
      { person: ref(hannahGreaves), role: 'member' },
      { person: ref(owenPritchard), role: 'member' },
    ],
    apologies: [ref(deborahVance)],
    substitutes: [],
    cabinetMembers: [
      { person: ref(cllrRussell), portfolio: 'Children and Young People' },
      { person: ref(cllrJupp), portfolio: 'Learning and Skills' },
    ],
    officers: [{ name: 'Assistant Director – Corporate Parenting', role: null }],
  },
  agendaItems: [
    fixed(
      1,
      'declarations',
      'Declarations of Interests',
      'Members and officers must declare any pecuniary or personal interest in any business on the agenda.',
    ),
    fixed(
      2,
      'minutes',
      'Minutes of the last meeting of the Committee',
      'The Committee is asked to agree the minutes of the meeting held on 15 September 2021.',
    ),
    fixed(
      3,
      'urgent-business',
      'Urgent Matters',
      'Items not on the agenda which the Chairman of the meeting is of the opinion should be considered as a matter of urgency by reason of special circumstances.',
    ),
    fixed(
      4,
      'other',
      'Responses to Recommendations',
      'The Committee is asked to note the responses to recommendations made at previous meetings.',
    ),
    {
      number: '5',
      order: 5,
      kind: 'report',
      title: seed.itemTitle,
      summary: seed.summary,
      recommendations: {
        lead: 'The Committee are asked to:',
        style: 'bulleted',
        items: [seed.ask],
      },
      reportOf: ['Director of Finance and Support Services'],
      contacts: [],
      exemption: null,
      // One item carrying two portfolios' reports.
      documents: [
        {
          title: 'Performance and Resources Report – Quarter 2: Children and Young People',
          role: 'report',
          exemption: null,
          content: {
            kind: 'performance-report',
            performanceReportId: reportId('west-sussex-cyp-2021-22-q2'),
          },
        },
        {
          title: 'Performance and Resources Report – Quarter 2: Learning and Skills',
          role: 'report',
          exemption: null,
          content: {
            kind: 'performance-report',
            performanceReportId: reportId('west-sussex-ls-2021-22-q2'),
          },
        },
      ],
    },
  ],
  // Seed 004 gives minute 33 only: the declarations are not in the source.
  declarations: { kind: 'not-recorded' },
  minutes: {
    status: 'approved',
    approvedOn: date('2022-01-19'),
    closedAt: null,
    minutes: [
      {
        ref: { text: '33', sequence: 33 },
        agendaItemNumber: '5',
        takenOrder: 1,
        title: seed.itemTitle,
        blocks: [
          paragraph('33.1', seed.paragraphs['33.1']),
          heading(seed.headings.beforeChildrenAndYoungPeople),
          paragraph('33.2', seed.paragraphs['33.2']),
          paragraph('33.3', seed.paragraphs['33.3'], bullets(seed.bullets33_3)),
          heading(seed.headings.beforeLearningAndSkills),
          paragraph('33.4', seed.paragraphs['33.4']),
          paragraph('33.5', seed.paragraphs['33.5'], bullets(seed.bullets33_5)),
        ],
        motions: [],
        elections: [],
        actions: [
          {
            text: 'The Cabinet Member for Children and Young People agreed to give members a briefing report on “growing our own” work.',
            owner: 'Cabinet Member for Children and Young People',
            due: null,
            status: 'open',
          },
        ],
        // 33.6: the resolution takes the next paragraph number after 33.5.
        resolution: {
          kind: 'list',
          style: 'numbered',
          lead: seed.resolutionLead,
          points: seed.resolutionPoints.map((text, i) => ({ label: String(i + 1), text })),
        },
        previousMinutes: null,
        exemption: null,
      },
    ],
  },
};
