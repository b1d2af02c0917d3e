// The meeting of 9 March 2022 (the Q3 PPRR; an exempt item taken in private).
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
} from '../helpers.js';
import { q3Item } from '../seed-text.data.js';
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
import { cfseQ3Report } from '../stockport-performance/index.js';
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

export const march2022: MeetingDocument = {
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
        // A late paper (LGA 1972 s.100B(4)(b)), published in Supplementary Agenda No. 1.
        {
          ...tableDocument(
            'Appendix – Children Looked After: Placements at 28 February 2022',
            'appendix',
            'Children looked after by placement type at 28 February 2022',
            ['Placement type', 'Children at 31 December 2021', 'Children at 28 February 2022'],
            [
              ['In-house foster care', '212', '209'],
              ['Independent fostering agency', '71', '74'],
              ['Residential care in Stockport', '18', '19'],
              ['Residential care outside Stockport', '23', '25'],
              ['Placed with parents or family', '46', '44'],
              ['Total', '370', '371'],
            ],
          ),
          late: {
            urgencyReason:
              'The placement figures at 28 February 2022 were confirmed on 2 March 2022, after the agenda was published; the Committee needs them to scrutinise the third quarter position before the Cabinet Member sets the 2022/23 placements budget on 15 March 2022.',
            addedAt: at('2022-03-03T10:30:00Z'),
            supplement: 1,
          },
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
    {
      ...fixedItem(
        8,
        'exclusion-of-public',
        'Exclusion of the Public and the Public Interest Test',
        'To consider whether it is in the public interest to exclude the public during consideration of the following item, which involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972 (as amended).',
      ),
      // The exempt item the exclusion is for.
      covers: [residentialFrameworkItem.number],
    },
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
