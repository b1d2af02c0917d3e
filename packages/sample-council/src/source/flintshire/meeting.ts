// Flintshire (ILLUSTRATIVE): the Corporate Resources Overview and Scrutiny Committee of
// 13 January 2022, with one exempt item under paragraph 14 of Part 4 of Schedule 12A (Wales),
// and its draft minutes. Every item, figure, name, minute and sentence is INVENTED for the sample.
import {
  DOCUMENT_SCHEMA_VERSION,
  type AgendaItem,
  type Exemption,
  type MeetingDocument,
} from '@scrutineer/domain';
import {
  at,
  contact,
  date,
  meetingId,
  minute,
  paragraph,
  ref,
  sectionsDocument,
  tableDocument,
  time,
} from '../helpers.js';
import {
  angharadRees,
  corporateResourcesScrutiny,
  garethEvans,
  gwenLlewelyn,
  rhodriPryce,
  sianMostyn,
} from './people.js';

const fixed = (
  number: number,
  kind: AgendaItem['kind'],
  title: string,
  summary: string,
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

/** Paragraph 14 of Part 4, with the public interest test (Part 5, paragraph 21) as recorded. */
const insuranceExemption: Exemption = {
  paragraph: 14,
  reasonPublicInterestTest:
    'The proper officer has determined that the public interest in withholding the information outweighs the public interest in disclosing it while the tender is not yet awarded.',
};

/** The exempt item: the bids for the council's insurance contract (paragraph 14, Wales). */
const insuranceItem: AgendaItem = {
  number: '5',
  order: 5,
  kind: 'report',
  title: 'Award of the Corporate Insurance Contract 2022–2027',
  summary: 'To consider a report of the Corporate Finance Manager on the tenders received.',
  recommendations: {
    lead: 'In private session, the Committee is recommended to:',
    style: 'lettered',
    items: ['Comment on the proposed award of the corporate insurance contract.'],
  },
  reportOf: ['Corporate Finance Manager'],
  contacts: [contact('Corporate Finance Team', 'Insurance and Risk', null, null)],
  exemption: insuranceExemption,
  documents: [
    sectionsDocument(
      'Award of the Corporate Insurance Contract 2022–2027',
      'report',
      [
        {
          heading: 'Evaluation of tenders',
          paragraphs: [
            'Four insurers tendered for the corporate property and liability lots and the panel scored each on cover (55%) and premium (45%).',
            'The panel recommends awarding both lots to Dyfrdwy Mutual Insurance Limited, whose combined annual premium of £1,184,000 was the lowest compliant bid.',
            'Clwydian Risk Partners Limited offered the widest cover but at a premium of £1,402,000 a year, which the panel judged poor value for the extra cover.',
          ],
        },
      ],
      14,
    ),
    tableDocument(
      'Confidential Appendix – Insurers’ Premiums',
      'appendix',
      'CONFIDENTIAL: annual premiums and scores tendered for the corporate insurance contract',
      ['Insurer', 'Annual premium', 'Cover (of 55)', 'Premium (of 45)'],
      [
        ['Dyfrdwy Mutual Insurance Limited (recommended for award)', '£1,184,000', '48', '45'],
        ['Clwydian Risk Partners Limited (highest cover score)', '£1,402,000', '53', '38'],
      ],
      14,
    ),
  ],
};

/** A public report with a table, so the pack has pages, an agenda range and a table. */
const budgetItem: AgendaItem = {
  number: '3',
  order: 3,
  kind: 'report',
  title: 'Revenue Budget Monitoring 2021/22 (Month 8)',
  summary: 'To consider a report of the Corporate Finance Manager.',
  recommendations: {
    lead: 'The Committee is recommended to:',
    style: 'lettered',
    items: ['Note the projected position at Month 8.'],
  },
  reportOf: ['Corporate Finance Manager'],
  contacts: [contact('Corporate Finance Team', 'Revenue Budget Monitoring', null, null)],
  exemption: null,
  documents: [
    sectionsDocument('Revenue Budget Monitoring 2021/22 (Month 8)', 'report', [
      {
        heading: 'Purpose of the report',
        paragraphs: [
          'This report gives the projected revenue outturn for 2021/22 at Month 8 (November 2021) for the Council Fund.',
        ],
      },
    ]),
    tableDocument(
      'Appendix 1 – Projected Outturn by Portfolio',
      'appendix',
      'Council Fund: budget and projected outturn at Month 8 (illustrative figures)',
      ['Portfolio', 'Budget', 'Projected outturn', 'Variance'],
      [
        ['Social Services', '£72,400,000', '£72,950,000', '£550,000'],
        ['Education and Youth', '£103,100,000', '£102,880,000', '–£220,000'],
        ['Governance', '£9,600,000', '£9,540,000', '–£60,000'],
      ],
    ),
  ],
};

export const flintshireMeeting: MeetingDocument = {
  schemaVersion: DOCUMENT_SCHEMA_VERSION,
  meeting: {
    id: meetingId('flintshire-cros-2022-01-13'),
    committeeId: corporateResourcesScrutiny.id,
    date: date('2022-01-13'),
    startTime: time('10:00'),
    venue: 'County Hall, Mold',
    status: 'held',
    agendaPublishedAt: at('2022-01-05T16:00:00Z'),
  },
  attendance: {
    kind: 'recorded',
    present: [
      { person: ref(gwenLlewelyn), role: 'chair' },
      { person: ref(rhodriPryce), role: 'vice-chair' },
      { person: ref(sianMostyn), role: 'member' },
      { person: ref(garethEvans), role: 'member' },
    ],
    apologies: [ref(angharadRees)],
    substitutes: [],
    cabinetMembers: [],
    officers: [
      { name: 'Corporate Finance Manager', role: null },
      { name: 'Eleri Pugh', role: 'Democratic Services Officer' },
    ],
  },
  agendaItems: [
    fixed(1, 'apologies', 'Apologies', 'To receive any apologies.'),
    fixed(
      2,
      'declarations',
      'Declarations of Interest',
      'To receive any declarations and advise Members accordingly.',
    ),
    budgetItem,
    fixed(
      4,
      'exclusion-of-public',
      'Exclusion of the Press and Public',
      'To resolve that the press and public be excluded from the meeting for the following item, which is considered to be exempt by virtue of paragraph 14 of Part 4 of Schedule 12A to the Local Government Act 1972 (as amended).',
    ),
    insuranceItem,
  ],
  declarations: {
    kind: 'made',
    declarations: [
      {
        member: ref(sianMostyn),
        about: { kind: 'agenda-item', itemNumber: '3' },
        interests: ['personal'],
        nature: 'A governor of a school maintained by the Council.',
        withdrew: false,
      },
    ],
  },
  minutes: {
    status: 'draft',
    approvedOn: null,
    closedAt: time('11:20'),
    minutes: [
      minute(38, '1', 1, 'Apologies', {
        blocks: [paragraph('Apologies for absence were received from Councillor Angharad Rees.')],
      }),
      minute(39, '2', 2, 'Declarations of Interest', {
        blocks: [
          paragraph(
            'Councillor Siân Mostyn declared a personal interest in agenda item 3 (Revenue Budget Monitoring 2021/22 (Month 8)) as a governor of a school maintained by the Council.',
          ),
        ],
      }),
      minute(40, '3', 3, 'Revenue Budget Monitoring 2021/22 (Month 8)', {
        blocks: [
          paragraph(
            'The Corporate Finance Manager presented the report (copies of which had been circulated) on the projected revenue outturn for 2021/22 at Month 8 for the Council Fund.',
          ),
          paragraph(
            'Members asked about the projected overspend in Social Services; the Corporate Finance Manager explained that it arose from the cost of out-of-county placements.',
          ),
        ],
        resolution: {
          kind: 'single',
          text: 'That the projected revenue outturn for 2021/22 at Month 8 be noted.',
        },
      }),
      minute(41, '4', 4, 'Exclusion of the Press and Public', {
        blocks: [
          paragraph(
            'Applying the public interest test in paragraph 21 of Part 5 of Schedule 12A, the proper officer had determined that the public interest in withholding the information outweighs the public interest in disclosing it while the tender is not yet awarded.',
          ),
        ],
        motions: [
          {
            text: 'That the press and public be excluded from the meeting for the following item, which is considered to be exempt by virtue of paragraph 14 of Part 4 of Schedule 12A to the Local Government Act 1972 (as amended), the public interest in maintaining the exemption outweighing the public interest in disclosing the information.',
            proposer: ref(gwenLlewelyn),
            seconder: ref(rhodriPryce),
            vote: { kind: 'unanimous' },
            outcome: 'carried',
          },
        ],
        resolution: {
          kind: 'single',
          text: 'That the press and public be excluded from the meeting for the following item, which is considered to be exempt by virtue of paragraph 14 of Part 4 of Schedule 12A to the Local Government Act 1972 (as amended), the public interest in maintaining the exemption outweighing the public interest in disclosing the information.',
        },
      }),
      minute(42, '5', 5, 'Award of the Corporate Insurance Contract 2022–2027', {
        blocks: [
          paragraph(
            'Tenders for the corporate property and liability lots: the Corporate Finance Manager presented the panel’s evaluation of the four bids.',
          ),
          paragraph(
            'Members asked why Clwydian Risk Partners Limited, which scored highest on cover, was not recommended; the Corporate Finance Manager explained that its premium was £218,000 a year higher for little extra cover.',
          ),
        ],
        resolution: {
          kind: 'single',
          text: 'That the Committee supports the award of both lots of the corporate insurance contract to Dyfrdwy Mutual Insurance Limited for 2022–2027.',
        },
        exemption: insuranceExemption,
      }),
    ],
  },
};
