// The Stockport Children & Families Scrutiny Committee's meetings of 16 June 2021, 24 November
// 2021 and 9 March 2022. Item 6 (June) and item 5 (March) and their minutes are VERBATIM from
// seeds 002 and 000; the other items, attendance, declarations, the exempt contract award and
// the 9 March date are ILLUSTRATIVE (invented), see README.md.
import type {
  AgendaItem,
  Attendance,
  ItemDocument,
  MeetingDocument,
  Minute,
  OfficerContact,
} from '@scrutineer/domain';
import { DOCUMENT_SCHEMA_VERSION } from '@scrutineer/domain';
import {
  at,
  comment,
  date,
  meetingId,
  poundsCell,
  ref,
  sectionsDocument,
  tableDocument,
  time,
  unknown,
} from './helpers.js';
import { juneItem, q3Item } from './seed-text.data.js';
import {
  cfseAgreement2021,
  cfseMeasures,
  cfseMidYearReport,
  cfseQ3Report,
} from './stockport-performance/index.js';
import {
  cfseContacts,
  childrenAndFamiliesScrutiny,
  colinFoster,
  davidLeach,
  garethLowe,
  helenAshworth,
  imranQureshi,
  janetHollins,
  lindaRoyle,
  markBramhall,
  peterFenwick,
  priyaShah,
  rachelOpenshaw,
  sarahKershaw,
  tomRadcliffe,
} from './stockport-people.data.js';

const VENUE = 'Committee Room 2, Town Hall, Stockport';
const CFSE_PORTFOLIO = 'Children, Family Services & Education';
const clerk = childrenAndFamiliesScrutiny.clerk as OfficerContact;
const clerkInAttendance = { name: clerk.name, role: clerk.role };
// The seeds name these officers by their post only: the post is the name (role null).
const directorOfChildrensServices = { name: 'Director of Children’s Services', role: null };
const directorOfEducation = { name: 'Director of Education', role: null };

/** A fixed agenda item (apologies, minutes, declarations, call-in …): no report, no documents. */
const fixedItem = (
  number: number,
  kind: AgendaItem['kind'],
  title: string,
  summary: string | null,
): AgendaItem => ({
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

const minute = (
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

const paragraph = (text: string) => ({ kind: 'paragraph' as const, ref: null, text, comments: [] });

/** Splits a Stockport bullet at "In response," into the point and the response, keeping every word. */
const splitResponse = (bullet: string) => {
  const at = bullet.indexOf(' In response, ');
  return at < 0 ? comment(bullet) : comment(bullet.slice(0, at), bullet.slice(at + 1));
};

const callInItem = (number: number) =>
  fixedItem(number, 'call-in', 'Call-In', 'To consider call-in items (if any).');
const declarationsItem = (number: number) =>
  fixedItem(
    number,
    'declarations',
    'Declarations of Interest',
    'Councillors and officers to declare any interest which they may have in any of the items on the agenda for the meeting.',
  );
const minutesItem = (number: number, previous: string) =>
  fixedItem(
    number,
    'minutes',
    'Minutes',
    `To approve as a correct record and sign the Minutes of the meeting held on ${previous}.`,
  );
const apologiesItem = () =>
  fixedItem(1, 'apologies', 'Apologies', 'To receive apologies for absence from the meeting.');
const apologiesMinute = (sequence: number, names: string) =>
  minute(sequence, '1', 1, 'Apologies', {
    blocks: [paragraph(`Apologies for absence were received from ${names}.`)],
  });
const noCallIn = (sequence: number, item: string, taken: number) =>
  minute(sequence, item, taken, 'Call-In', {
    blocks: [paragraph('There were no call-in items to consider.')],
  });

// ---------------------------------------------------------------- the agreement appendices (June)

const toleranceText = (t: (typeof cfseAgreement2021.targets)[number]): string =>
  t.tolerance.kind === 'absolute'
    ? `${t.tolerance.amount} points`
    : t.tolerance.kind === 'relative'
      ? `${t.tolerance.percent}% of target`
      : 'None';

const agreementTargetsTable: ItemDocument = tableDocument(
  'Appendix 1 – Performance Measures and Targets 2021/22',
  'appendix',
  'Children, Family Services and Education: Performance Measures and Targets 2021/22 (draft)',
  ['Code', 'Measure', 'Target 2021/22', 'Tolerance'],
  cfseAgreement2021.targets.map((t) => {
    const measureTitle = cfseMeasures.find((m) => m.code === t.measureCode)?.title ?? '';
    const targetText =
      typeof t.target === 'number'
        ? `${t.target}${t.unit === 'percent' ? '%' : t.unit === 'days' ? ' days' : ''}`
        : 'No target set';
    return [t.measureCode, measureTitle, targetText, toleranceText(t)];
  }),
);

const agreementReservesTable: ItemDocument = tableDocument(
  'Appendix 2 – Earmarked Reserves',
  'appendix',
  'Children, Family Services and Education: Earmarked Reserves 2021/22 (draft)',
  ['Reserve', 'Balance of Reserve', 'Planned use 2021/22', 'Purpose'],
  cfseAgreement2021.reserves.map((r) => [
    r.name,
    poundsCell(r.balance),
    r.plannedUse === null ? 'None planned' : poundsCell(r.plannedUse),
    r.purpose ?? '',
  ]),
);

const agreementBudgetTable: ItemDocument = tableDocument(
  'Appendix 3 – Revenue Budget (Cash Limit) 2021/22',
  'appendix',
  'Children, Family Services and Education: Revenue Budget 2021/22 (draft)',
  ['Service', 'Budget 2021/22'],
  [
    ...cfseAgreement2021.revenueBudget.map((line) => [line.service, poundsCell(line.budget)]),
    [
      'Cash limit',
      poundsCell(cfseAgreement2021.revenueBudget.reduce((sum, line) => sum + line.budget, 0)),
    ],
  ],
);

// ---------------------------------------------------------------- 16 June 2021

const juneAttendance: Attendance = {
  kind: 'recorded',
  present: [
    { person: ref(helenAshworth), role: 'chair' },
    { person: ref(markBramhall), role: 'vice-chair' },
    { person: ref(priyaShah), role: 'member' },
    { person: ref(janetHollins), role: 'member' },
    { person: ref(tomRadcliffe), role: 'member' },
    { person: ref(sarahKershaw), role: 'member' },
    { person: ref(imranQureshi), role: 'member' },
    { person: ref(lindaRoyle), role: 'member' },
    { person: ref(peterFenwick), role: 'member' },
  ],
  apologies: [ref(rachelOpenshaw), ref(davidLeach)],
  substitutes: [{ person: ref(garethLowe), forMember: ref(rachelOpenshaw) }],
  cabinetMembers: [{ person: ref(colinFoster), portfolio: CFSE_PORTFOLIO }],
  officers: [directorOfChildrensServices, directorOfEducation, clerkInAttendance],
};

const workProgrammeItem = (number: number, period: string): AgendaItem => ({
  number: String(number),
  order: number,
  kind: 'report',
  title: `Scrutiny Work Programme${period}`,
  summary: 'To consider a report of the Democratic Services Manager.',
  recommendations: {
    lead: 'The Scrutiny Committee is recommended to:',
    style: 'numbered',
    items: [
      'Consider the work programme and the items scheduled for future meetings;',
      'Agree any changes to the work programme.',
    ],
  },
  reportOf: ['Democratic Services Manager'],
  contacts: [clerk],
  exemption: null,
  documents: [
    sectionsDocument('Scrutiny Work Programme', 'report', [
      {
        heading: 'Purpose of the report',
        paragraphs: [
          'This report sets out the Committee’s work programme, the Cabinet decisions expected in the Committee’s remit and the reports scheduled for future meetings.',
        ],
      },
    ]),
  ],
});

const june: MeetingDocument = {
  schemaVersion: DOCUMENT_SCHEMA_VERSION,
  meeting: {
    id: meetingId('stockport-cfsc-2021-06-16'),
    committeeId: childrenAndFamiliesScrutiny.id,
    date: date('2021-06-16'),
    startTime: time('18:00'),
    venue: VENUE,
    status: 'held',
    agendaPublishedAt: at('2021-06-07T15:00:00Z'),
  },
  attendance: juneAttendance,
  agendaItems: [
    apologiesItem(),
    fixedItem(
      2,
      'other',
      'Appointment of Vice-Chair',
      'To appoint a Vice-Chair of the Committee for the 2021/22 municipal year.',
    ),
    minutesItem(3, '10 March 2021'),
    declarationsItem(4),
    callInItem(5),
    {
      number: juneItem.number,
      order: 6,
      kind: 'report',
      title: juneItem.title,
      summary: juneItem.summary,
      recommendations: { lead: juneItem.recommendation, style: 'bulleted', items: [] },
      reportOf: [...juneItem.reportOf],
      contacts: [...cfseContacts],
      exemption: null,
      documents: [
        sectionsDocument(
          'Portfolio Performance and Resources - Draft Portfolio Agreement 2021/22',
          'report',
          [{ heading: 'Introduction', paragraphs: [...juneItem.summaryParagraphs] }],
        ),
        agreementTargetsTable,
        agreementReservesTable,
        agreementBudgetTable,
      ],
    },
    workProgrammeItem(7, ' 2021/22'),
  ],
  declarations: { kind: 'none-made' },
  minutes: {
    status: 'approved',
    approvedOn: date('2021-11-24'),
    closedAt: time('19:41'),
    minutes: [
      apologiesMinute(1, 'Councillor Rachel Openshaw and Councillor David Leach'),
      minute(2, '2', 2, 'Appointment of Vice-Chair', {
        blocks: [
          paragraph(
            'Two nominations were received for the position of Vice-Chair of the Committee for the 2021/22 municipal year: Councillor Mark Bramhall, proposed by Councillor Janet Hollins and seconded by Councillor Sarah Kershaw, and Councillor Priya Shah, proposed by Councillor Imran Qureshi and seconded by Councillor Gareth Lowe. On a show of hands Councillor Mark Bramhall received 6 votes and Councillor Priya Shah received 4 votes.',
          ),
        ],
        elections: [
          {
            office: 'Vice-Chair',
            nominations: [
              {
                nominee: ref(markBramhall),
                proposer: ref(janetHollins),
                seconder: ref(sarahKershaw),
                votes: 6,
              },
              {
                nominee: ref(priyaShah),
                proposer: ref(imranQureshi),
                seconder: ref(garethLowe),
                votes: 4,
              },
            ],
            elected: ref(markBramhall),
          },
        ],
        resolution: {
          kind: 'single',
          text: 'That Councillor Mark Bramhall be appointed Vice-Chair of the Committee for the 2021/22 municipal year.',
        },
      }),
      minute(3, '3', 3, 'Minutes', {
        blocks: [
          paragraph(
            'The Minutes (copies of which had been circulated) of the meeting held on 10 March 2021 were approved as a correct record and signed by the Chair.',
          ),
        ],
        previousMinutes: { meetingDate: date('2021-03-10'), amendments: [] },
      }),
      minute(4, '4', 4, 'Declarations of Interest', {
        blocks: [
          paragraph(
            'Councillors and officers were invited to declare any interests they had in any of the items on the agenda for the meeting. No declarations of interest were made.',
          ),
        ],
      }),
      noCallIn(5, '5', 5),
      // The Chair took item 7 before item 6: minutes are numbered in the order taken.
      minute(6, '7', 6, 'Scrutiny Work Programme 2021/22', {
        blocks: [
          paragraph(
            'The Chair agreed to take item 7 before item 6, as the Cabinet Member had been delayed.',
          ),
          paragraph(
            'The Democratic Services Manager submitted a report (copies of which had been circulated) setting out the draft work programme of the Committee for the 2021/22 municipal year.',
          ),
          paragraph(
            'Councillor Sarah Kershaw moved, and Councillor Linda Royle seconded, that a scrutiny review of home to school transport for children with special educational needs and disabilities be added to the work programme. On being put to the vote the motion was carried.',
          ),
        ],
        motions: [
          {
            text: 'That a scrutiny review of home to school transport for children with special educational needs and disabilities be added to the work programme for 2021/22.',
            proposer: ref(sarahKershaw),
            seconder: ref(lindaRoyle),
            vote: { kind: 'show-of-hands', count: { for: 7, against: 2, abstain: 1 } },
            outcome: 'carried',
          },
        ],
        resolution: {
          kind: 'single',
          text: 'That the work programme be agreed, subject to the addition of a scrutiny review of home to school transport for children with special educational needs and disabilities.',
        },
      }),
      minute(7, '6', 7, juneItem.title, {
        blocks: [
          ...juneItem.minuteParagraphs.map(paragraph),
          {
            kind: 'comment-group',
            heading: null,
            comments: juneItem.minuteBullets.map(splitResponse),
          },
        ],
        actions: [
          {
            text: 'the comparative information would be provided to the Committee',
            owner: 'Director of Education',
            due: null,
            status: 'open',
          },
          {
            text: 'a written response would be provided to the Committee',
            owner: null,
            due: null,
            status: 'open',
          },
        ],
        resolution: { kind: 'single', text: juneItem.resolution },
      }),
    ],
  },
};

// ---------------------------------------------------------------- 24 November 2021

/**
 * The public report with an EXEMPT appendix (Schedule 12A paragraph 3): the public pack prints
 * the report and appendix 1, and a notice in place of appendix 2.
 */
const sendTransportItem: AgendaItem = {
  number: '6',
  order: 6,
  kind: 'report',
  title: 'Home to School Transport for Children with SEND – Travel Assistance Review',
  summary: 'To consider a report of the Director of Education.',
  recommendations: {
    lead: 'The Scrutiny Committee is recommended to:',
    style: 'roman',
    items: [
      'Note the findings of the travel assistance review;',
      'Comment on the proposals to extend independent travel training and personal travel budgets;',
      'Note the operator rates set out in the confidential appendix.',
    ],
  },
  reportOf: ['Director of Education'],
  contacts: [
    {
      name: 'Peter Hughes',
      role: 'CSS Manager (Specialist) Finance – Education & Schools',
      email: 'peter.hughes@stockport.gov.uk',
      phone: '(474 3947)',
    },
  ],
  exemption: null,
  documents: [
    sectionsDocument('Travel Assistance Review', 'report', [
      {
        heading: 'Background',
        paragraphs: [
          'In June 2021 the Committee added a scrutiny review of home to school transport for children with special educational needs and disabilities to its work programme.',
          'The number of children with an Education, Health and Care Plan who receive travel assistance has risen by 18% in two years, and the budget is forecast to overspend.',
        ],
      },
      {
        heading: 'Findings',
        paragraphs: [
          'Independent travel training has helped 46 young people to travel to school or college on their own since September 2020.',
          'Personal travel budgets are cheaper than a taxi for most routes, but take-up has been lower than planned.',
          'The rates paid to transport operators are set out in Appendix 2. The appendix is not for publication because it contains information about the financial or business affairs of particular persons (Schedule 12A, paragraph 3).',
        ],
      },
    ]),
    tableDocument(
      'Appendix 1 – Children receiving travel assistance',
      'appendix',
      'Children with an Education, Health and Care Plan receiving travel assistance, by type',
      ['Type of assistance', '2019/20', '2020/21', '2021/22 (autumn term)'],
      [
        ['Taxi or minibus (shared)', '612', '655', '701'],
        ['Taxi (solo)', '88', '97', '109'],
        ['Personal travel budget', '41', '58', '77'],
        ['Independent travel training', '12', '19', '27'],
      ],
    ),
    tableDocument(
      'Appendix 2 – Operator rates by route',
      'appendix',
      'CONFIDENTIAL: home to school transport operator rates by route, autumn term 2021',
      ['Operator', 'Route', 'Daily rate', 'Note'],
      [
        [
          'Mersey Valley Passenger Services Ltd',
          'Route 14 (Heald Green to Lisburne School)',
          '£186.50',
          'Mersey Valley Passenger Services will raise the route 14 rate by 6.2% in September 2022 under its fuel indexation clause.',
        ],
        [
          'Greenline Minibus and Escort Co-operative',
          'Route 22 (Reddish to Castle Hill High School)',
          '£241.00',
          'Greenline Minibus quoted the highest escort charge of any operator because it pays escorts for waiting time between runs.',
        ],
        [
          'Tameside Shuttle Solutions LLP',
          'Route 31 (Marple to Heaton School)',
          '£158.75',
          'Tameside Shuttle Solutions accepted a two-year fixed price in return for guaranteed volumes on three Marple routes.',
        ],
      ],
      3,
    ),
  ],
};

const november: MeetingDocument = {
  schemaVersion: DOCUMENT_SCHEMA_VERSION,
  meeting: {
    id: meetingId('stockport-cfsc-2021-11-24'),
    committeeId: childrenAndFamiliesScrutiny.id,
    date: date('2021-11-24'),
    startTime: time('18:00'),
    venue: VENUE,
    status: 'held',
    agendaPublishedAt: at('2021-11-15T15:00:00Z'),
  },
  attendance: {
    kind: 'recorded',
    present: [
      { person: ref(helenAshworth), role: 'chair' },
      { person: ref(markBramhall), role: 'vice-chair' },
      { person: ref(priyaShah), role: 'member' },
      { person: ref(janetHollins), role: 'member' },
      { person: ref(tomRadcliffe), role: 'member' },
      { person: ref(imranQureshi), role: 'member' },
      { person: ref(lindaRoyle), role: 'member' },
      { person: ref(peterFenwick), role: 'member' },
      { person: ref(rachelOpenshaw), role: 'member' },
      { person: ref(davidLeach), role: 'member' },
    ],
    apologies: [ref(sarahKershaw)],
    substitutes: [],
    cabinetMembers: [{ person: ref(colinFoster), portfolio: CFSE_PORTFOLIO }],
    officers: [
      directorOfChildrensServices,
      directorOfEducation,
      { name: 'Gaynor Ward', role: 'Strategy and Performance Manager' },
      clerkInAttendance,
    ],
  },
  agendaItems: [
    apologiesItem(),
    minutesItem(2, '16 June 2021'),
    declarationsItem(3),
    callInItem(4),
    {
      number: '5',
      order: 5,
      kind: 'report',
      title: 'Portfolio Performance and Resources – Mid-Year Report 2021/22',
      summary:
        'To consider a joint report of the Director of Children’s Services and Director of Education.',
      recommendations: cfseMidYearReport.recommendations,
      reportOf: ['Director of Children’s Services', 'Director of Education'],
      contacts: [...cfseContacts],
      exemption: null,
      documents: [
        {
          title: 'Portfolio Performance and Resources – Mid-Year Report 2021/22',
          role: 'report',
          exemption: null,
          content: { kind: 'performance-report', performanceReportId: cfseMidYearReport.id },
        },
      ],
    },
    sendTransportItem,
    workProgrammeItem(7, ''),
  ],
  declarations: {
    kind: 'made',
    declarations: [
      {
        member: ref(janetHollins),
        about: { kind: 'agenda-item', itemNumber: '5' },
        interest: 'personal',
        nature:
          'Her daughter is employed as a social worker in the Council’s Children’s Social Care service.',
        withdrew: false,
      },
      {
        member: ref(tomRadcliffe),
        about: { kind: 'subject', subject: 'any references to Stockport Homes' },
        interest: 'other-registrable',
        nature: 'He is a member of the Board of Stockport Homes.',
        withdrew: unknown('The minutes do not say whether Councillor Radcliffe left the room.'),
      },
      {
        member: ref(peterFenwick),
        about: { kind: 'agenda-item', itemNumber: '6' },
        interest: 'disclosable-pecuniary',
        nature:
          'He is a director of a private hire company that holds a Council contract for home to school transport.',
        withdrew: true,
      },
    ],
  },
  minutes: {
    status: 'approved',
    approvedOn: date('2022-03-09'),
    closedAt: time('20:05'),
    minutes: [
      apologiesMinute(8, 'Councillor Sarah Kershaw'),
      minute(9, '2', 2, 'Minutes', {
        blocks: [
          paragraph(
            'The Minutes (copies of which had been circulated) of the meeting held on 16 June 2021 were approved as a correct record and signed by the Chair, subject to Minute 2 (Appointment of Vice-Chair) being amended to record that Councillor Priya Shah was proposed by Councillor Imran Qureshi and seconded by Councillor Gareth Lowe.',
          ),
        ],
        previousMinutes: {
          meetingDate: date('2021-06-16'),
          amendments: [
            {
              minuteRef: '2',
              text: 'Record that Councillor Priya Shah was proposed by Councillor Imran Qureshi and seconded by Councillor Gareth Lowe.',
            },
          ],
        },
      }),
      minute(10, '3', 3, 'Declarations of Interest', {
        blocks: [
          paragraph(
            'Councillor Janet Hollins declared a personal interest in agenda item 5 (Portfolio Performance and Resources – Mid-Year Report 2021/22) as her daughter is employed as a social worker in the Council’s Children’s Social Care service.',
          ),
          paragraph(
            'Councillor Tom Radcliffe declared an other registrable interest in any references to Stockport Homes as a member of its Board.',
          ),
          paragraph(
            'Councillor Peter Fenwick declared a disclosable pecuniary interest in agenda item 6 (Home to School Transport for Children with SEND – Travel Assistance Review) as a director of a private hire company that holds a Council contract for home to school transport, and left the meeting during its consideration.',
          ),
        ],
      }),
      noCallIn(11, '4', 4),
      minute(12, '5', 5, 'Portfolio Performance and Resources – Mid-Year Report 2021/22', {
        blocks: [
          paragraph(
            'The Director of Children’s Services and Director of Education submitted a joint report (copies of which had been circulated) providing the Mid-Year Portfolio Performance and Resource Report for the Children, Family Services and Education Portfolio.',
          ),
          paragraph(
            'The Cabinet Member for Children, Family Services & Education (Councillor Colin Foster) attended the meeting to respond to questions from the Scrutiny Committee.',
          ),
          paragraph('The following comments were made/issues raised:-'),
          {
            kind: 'comment-group',
            heading: 'Priority Two',
            comments: [
              comment(
                'Regarding CFSE11 – Percentage of pupils attending a Good or Outstanding secondary school, members asked when the figure would move towards the target of 78.8%.',
                'In response, it was stated that routine Ofsted inspections had resumed in September 2021 and that two of the three schools judged Inadequate in 2019 expected to be re-inspected this academic year.',
              ),
            ],
          },
          {
            kind: 'comment-group',
            heading: 'Priority Five',
            comments: [
              comment(
                'Concern was raised that only 44.9% of new Education, Health and Care Plans had been issued within 20 weeks.',
                'In response, it was stated that additional assessment capacity funded from the SEND – Written Statement of Action reserve was now in post and an improvement was expected by the third quarter.',
              ),
            ],
          },
          {
            kind: 'comment-group',
            heading: 'Part Two – Financial Resources and Monitoring',
            comments: [
              comment(
                'Clarification was sought regarding the forecast overspend on Children’s Social Care.',
                'In response, it was stated that the cost of external residential placements was the main pressure and that a breakdown of placement costs by type of provider would be circulated to members.',
              ),
            ],
          },
        ],
        actions: [
          {
            text: 'a breakdown of placement costs by type of provider would be circulated to members',
            owner: 'Director of Children’s Services',
            due: date('2022-01-31'),
            status: 'done',
          },
        ],
        resolution: { kind: 'single', text: 'That the report be noted.' },
      }),
      minute(
        13,
        '6',
        6,
        'Home to School Transport for Children with SEND – Travel Assistance Review',
        {
          blocks: [
            paragraph(
              'Councillor Peter Fenwick, having declared a disclosable pecuniary interest, left the meeting during consideration of this item.',
            ),
            paragraph(
              'The Director of Education submitted a report (copies of which had been circulated) setting out the findings of the review of travel assistance for children with special educational needs and disabilities.',
            ),
            paragraph('The following comments were made/issues raised:-'),
            {
              kind: 'comment-group',
              heading: null,
              comments: [
                comment(
                  'Members asked why take-up of personal travel budgets was lower than planned.',
                  'In response, it was stated that many families did not have a car available at school times and that the offer would be promoted through schools and the SEND Local Offer.',
                ),
                comment(
                  'Members noted the operator rates set out in Appendix 2, which was not for publication, and did not discuss them in public.',
                ),
              ],
            },
          ],
          resolution: {
            kind: 'list',
            style: 'lettered',
            lead: null,
            points: [
              { label: '(a)', text: 'That the report be noted.' },
              {
                label: '(b)',
                text: 'That the Cabinet Member be asked to extend independent travel training to all secondary special schools from September 2022.',
              },
              {
                label: '(c)',
                text: 'That a further report on the cost of home to school transport be submitted to the Committee in the 2022/23 municipal year.',
              },
            ],
          },
        },
      ),
      minute(14, '7', 7, 'Scrutiny Work Programme', {
        blocks: [
          paragraph(
            'The Democratic Services Manager submitted a report (copies of which had been circulated) setting out the Committee’s work programme for the remainder of the municipal year.',
          ),
        ],
        resolution: { kind: 'single', text: 'That the work programme be noted.' },
      }),
    ],
  },
};

// ---------------------------------------------------------------- 9 March 2022

/** The exempt item (Schedule 12A paragraph 3), taken in private after the exclusion of the public. */
const residentialFrameworkItem: AgendaItem = {
  number: '9',
  order: 9,
  kind: 'report',
  title: 'Award of Contract – Residential Placements Framework for Children Looked After',
  summary:
    'To consider a report of the Head of Placements Commissioning on the proposed award of the residential placements framework.',
  recommendations: {
    lead: 'In private session, the Scrutiny Committee is recommended to:',
    style: 'lettered',
    items: [
      'Comment on the proposed award of places on the residential placements framework;',
      'Note the evaluation of bidders’ prices in the confidential appendix.',
    ],
  },
  reportOf: ['Head of Placements Commissioning'],
  contacts: [
    {
      name: 'Placements Commissioning Team',
      role: 'Commissioning – Residential Placements Framework',
      email: null,
      phone: null,
    },
  ],
  exemption: { paragraph: 3 },
  documents: [
    sectionsDocument(
      'Award of Contract – Residential Placements Framework',
      'report',
      [
        {
          heading: 'Purpose of the report',
          paragraphs: [
            'This report seeks the Committee’s comments before the Cabinet Member awards places on the Stockport residential placements framework for children looked after, which starts on 1 April 2022.',
          ],
        },
        {
          heading: 'Evaluation of tenders',
          paragraphs: [
            'Seven providers submitted tenders for Lot 1 (solo and small-group residential care) and the evaluation panel scored each on quality (60%) and price (40%).',
            'The evaluation panel recommends awarding Lot 1 to Northvale Care Partnership Limited, whose weighted weekly price of £4,185 per placement was the lowest compliant bid.',
            'Kestrel Lodge Children’s Homes Limited scored highest on quality, but its weekly price of £5,320 per placement would add an estimated £1.1 million a year to the placements budget.',
            'Pennine Pathways Residential Care Limited was excluded after it declined to confirm its Ofsted registration for two of the three homes it offered.',
          ],
        },
      ],
      3,
    ),
    tableDocument(
      'Confidential Appendix – Bidders’ Prices (Lot 1)',
      'appendix',
      'CONFIDENTIAL: bidders’ prices and scores for Lot 1 of the residential placements framework',
      [
        'Bidder',
        'Weekly price per placement',
        'Quality (of 60)',
        'Price (of 40)',
        'Evaluator’s note',
      ],
      [
        [
          'Northvale Care Partnership Limited',
          '£4,185',
          '47',
          '40',
          'Northvale Care Partnership offered a 3% discount for placements lasting longer than twelve months.',
        ],
        [
          'Kestrel Lodge Children’s Homes Limited',
          '£5,320',
          '55',
          '31',
          'Kestrel Lodge priced two-to-one staffing into every placement, which the panel judged unnecessary for most children.',
        ],
        [
          'Pennine Pathways Residential Care Limited',
          '£4,760',
          '—',
          '—',
          'Pennine Pathways was excluded at the compliance stage because two homes lacked confirmed Ofsted registration.',
        ],
      ],
      3,
    ),
  ],
};

const march: MeetingDocument = {
  schemaVersion: DOCUMENT_SCHEMA_VERSION,
  meeting: {
    id: meetingId('stockport-cfsc-2022-03-09'),
    committeeId: childrenAndFamiliesScrutiny.id,
    date: date('2022-03-09'),
    startTime: time('18:00'),
    venue: VENUE,
    status: 'held',
    agendaPublishedAt: at('2022-02-28T15:00:00Z'),
  },
  attendance: {
    kind: 'recorded',
    present: [
      { person: ref(helenAshworth), role: 'chair' },
      { person: ref(markBramhall), role: 'vice-chair' },
      { person: ref(priyaShah), role: 'member' },
      { person: ref(janetHollins), role: 'member' },
      { person: ref(tomRadcliffe), role: 'member' },
      { person: ref(sarahKershaw), role: 'member' },
      { person: ref(lindaRoyle), role: 'member' },
      { person: ref(rachelOpenshaw), role: 'member' },
      { person: ref(davidLeach), role: 'member' },
    ],
    apologies: [ref(imranQureshi), ref(peterFenwick)],
    substitutes: [{ person: ref(garethLowe), forMember: ref(imranQureshi) }],
    cabinetMembers: [{ person: ref(colinFoster), portfolio: CFSE_PORTFOLIO }],
    officers: [directorOfChildrensServices, directorOfEducation, clerkInAttendance],
  },
  agendaItems: [
    apologiesItem(),
    minutesItem(2, '24 November 2021'),
    declarationsItem(3),
    callInItem(4),
    {
      number: q3Item.number,
      order: 5,
      kind: 'report',
      title: q3Item.title,
      summary: q3Item.summary,
      recommendations: cfseQ3Report.recommendations,
      reportOf: ['Director of Children’s Services', 'Director of Education'],
      contacts: [...cfseContacts],
      exemption: null,
      documents: [
        {
          title: 'Portfolio Performance and Resources – Third Quarter Update Report 2021/22',
          role: 'report',
          exemption: null,
          content: { kind: 'performance-report', performanceReportId: cfseQ3Report.id },
        },
      ],
    },
    {
      number: '6',
      order: 6,
      kind: 'report',
      title: 'Children’s Placement Sufficiency Strategy 2022-25',
      summary: 'To consider a report of the Director of Children’s Services.',
      recommendations: {
        lead: 'The Scrutiny Committee is recommended to comment on the draft strategy.',
        style: 'bulleted',
        items: [],
      },
      reportOf: ['Director of Children’s Services'],
      contacts: [cfseContacts[1]],
      exemption: null,
      documents: [
        sectionsDocument('Children’s Placement Sufficiency Strategy 2022-25', 'report', [
          {
            heading: 'Summary',
            paragraphs: [
              'The Council must take steps to secure, so far as reasonably practicable, sufficient accommodation in Stockport for the children it looks after.',
              'The draft strategy sets out how the Council will increase in-borough foster and residential places over the next three years.',
            ],
          },
        ]),
      ],
    },
    workProgrammeItem(7, ''),
    fixedItem(
      8,
      'exclusion-of-public',
      'Exclusion of the Public and the Public Interest Test',
      'To consider whether it is in the public interest to exclude the public during consideration of the following item, which involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972 (as amended).',
    ),
    residentialFrameworkItem,
  ],
  declarations: { kind: 'none-made' },
  minutes: {
    status: 'draft',
    approvedOn: null,
    closedAt: time('20:12'),
    minutes: [
      apologiesMinute(15, 'Councillor Imran Qureshi and Councillor Peter Fenwick'),
      minute(16, '2', 2, 'Minutes', {
        blocks: [
          paragraph(
            'The Minutes (copies of which had been circulated) of the meeting held on 24 November 2021 were approved as a correct record and signed by the Chair.',
          ),
        ],
        previousMinutes: { meetingDate: date('2021-11-24'), amendments: [] },
      }),
      minute(17, '3', 3, 'Declarations of Interest', {
        blocks: [
          paragraph(
            'Councillors and officers were invited to declare any interests they had in any of the items on the agenda for the meeting. No declarations of interest were made.',
          ),
        ],
      }),
      noCallIn(18, '4', 4),
      minute(
        19,
        q3Item.number,
        5,
        'Portfolio Performance and Resources - Q3 2021/22 Update Report',
        {
          blocks: [
            ...q3Item.minuteParagraphs.map(paragraph),
            ...q3Item.minuteGroups.map((group) => ({
              kind: 'comment-group' as const,
              heading: group.heading,
              comments: group.bullets.map(splitResponse),
            })),
          ],
          resolution: { kind: 'single', text: q3Item.resolution },
        },
      ),
      minute(20, '6', 6, 'Children’s Placement Sufficiency Strategy 2022-25', {
        blocks: [
          paragraph(
            'The Director of Children’s Services submitted a report (copies of which had been circulated) presenting the draft Children’s Placement Sufficiency Strategy 2022-25.',
          ),
        ],
        resolution: {
          kind: 'single',
          text: 'That the draft strategy be welcomed and the Committee’s comments be reported to the Cabinet Member.',
        },
      }),
      minute(21, '7', 7, 'Scrutiny Work Programme', {
        blocks: [
          paragraph(
            'The Democratic Services Manager submitted a report (copies of which had been circulated) setting out the Committee’s work programme and the items proposed for the 2022/23 municipal year.',
          ),
        ],
        resolution: { kind: 'single', text: 'That the work programme be noted.' },
      }),
      minute(22, '8', 8, 'Exclusion of the Public and the Public Interest Test', {
        blocks: [
          paragraph(
            'The Chair moved, and the Vice-Chair seconded, that the public be excluded from the meeting during consideration of the following item. The motion was carried unanimously.',
          ),
        ],
        motions: [
          {
            text: 'That in order to prevent the disclosure of information which is not for publication relating to the financial or business affairs of any particular person, the disclosure of which would not be in the public interest, the public be excluded from the meeting during consideration of the following item.',
            proposer: ref(helenAshworth),
            seconder: ref(markBramhall),
            vote: { kind: 'unanimous' },
            outcome: 'carried',
          },
        ],
        resolution: {
          kind: 'single',
          text: 'That in order to prevent the disclosure of information which is not for publication relating to the financial or business affairs of any particular person, the disclosure of which would not be in the public interest, the public be excluded from the meeting during consideration of the following item.',
        },
      }),
      minute(
        23,
        '9',
        9,
        'Award of Contract – Residential Placements Framework for Children Looked After',
        {
          blocks: [
            paragraph(
              'The Head of Placements Commissioning submitted a report (copies of which had been circulated) on the proposed award of Lot 1 of the residential placements framework.',
            ),
            {
              kind: 'comment-group',
              heading: null,
              comments: [
                comment(
                  'Members asked why Kestrel Lodge Children’s Homes Limited, which scored highest on quality, was not recommended for Lot 1.',
                  'In response, it was stated that its weekly price of £5,320 per placement would add about £1.1 million a year to the placements budget for little benefit to most children.',
                ),
              ],
            },
          ],
          resolution: {
            kind: 'single',
            text: 'That the Cabinet Member be advised that the Committee supports the award of Lot 1 to Northvale Care Partnership Limited.',
          },
          exemption: { paragraph: 3 },
        },
      ),
    ],
  },
};

export const stockportMeetings: readonly MeetingDocument[] = [june, november, march];
