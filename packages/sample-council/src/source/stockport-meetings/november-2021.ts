// The meeting of 24 November 2021 (the mid-year PPRR; a report with an exempt appendix).
import { type AgendaItem, DOCUMENT_SCHEMA_VERSION, type MeetingDocument } from '@scrutineer/domain';
import {
  at,
  comment,
  date,
  meetingId,
  ref,
  sectionsDocument,
  tableDocument,
  time,
  unknown,
} from '../helpers.js';
import {
  cfseContacts,
  childrenAndFamiliesScrutiny,
  colinFoster,
  davidLeach,
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
import { cfseMidYearReport } from '../stockport-performance/index.js';
import {
  apologiesItem,
  apologiesMinute,
  callInItem,
  CFSE_PORTFOLIO,
  clerkInAttendance,
  declarationsItem,
  directorOfChildrensServices,
  directorOfEducation,
  minute,
  minutesItem,
  noCallIn,
  paragraph,
  VENUE,
  workProgrammeItem,
} from './common.js';

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

export const november2021: MeetingDocument = {
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
        interests: ['personal'],
        nature:
          'Her daughter is employed as a social worker in the Council’s Children’s Social Care service.',
        withdrew: false,
      },
      {
        member: ref(tomRadcliffe),
        about: { kind: 'subject', subject: 'any references to Stockport Homes' },
        interests: ['other-registrable'],
        nature: 'He is a member of the Board of Stockport Homes.',
        withdrew: unknown('The minutes do not say whether Councillor Radcliffe left the room.'),
      },
      {
        member: ref(peterFenwick),
        about: { kind: 'agenda-item', itemNumber: '6' },
        interests: ['disclosable-pecuniary'],
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
