// The meeting of 16 June 2021 (the Portfolio Agreement 2021/22, with its appendices).
import {
  type Attendance,
  DOCUMENT_SCHEMA_VERSION,
  type ItemDocument,
  type MeetingDocument,
} from '@scrutineer/domain';
import {
  at,
  date,
  meetingId,
  poundsCell,
  ref,
  sectionsDocument,
  tableDocument,
  time,
} from '../helpers.js';
import { juneItem } from '../seed-text.data.js';
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
} from '../stockport-people.data.js';
import { cfseAgreement2021, cfseMeasures } from '../stockport-performance/index.js';
import {
  apologiesItem,
  apologiesMinute,
  callInItem,
  CFSE_PORTFOLIO,
  clerkInAttendance,
  declarationsItem,
  directorOfChildrensServices,
  directorOfEducation,
  fixedItem,
  minute,
  minutesItem,
  noCallIn,
  paragraph,
  splitResponse,
  VENUE,
  workProgrammeItem,
} from './common.js';

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

export const june2021: MeetingDocument = {
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
      // The Chair took the work programme (item 7) before this report, as the minutes record.
      consideredOrder: 7,
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
    { ...workProgrammeItem(7, ' 2021/22'), consideredOrder: 6 },
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
