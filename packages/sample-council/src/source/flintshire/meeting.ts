// Flintshire (ILLUSTRATIVE): the Corporate Resources Overview and Scrutiny Committee of
// 13 January 2022, with one exempt item under paragraph 14 of Part 4 of Schedule 12A (Wales).
// Every item, figure, name and sentence is INVENTED for the sample.
import { DOCUMENT_SCHEMA_VERSION, type AgendaItem, type MeetingDocument } from '@scrutineer/domain';
import { at, contact, date, meetingId, sectionsDocument, tableDocument, time } from '../helpers.js';
import { corporateResourcesScrutiny } from './people.js';

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
  exemption: {
    paragraph: 14,
    reasonPublicInterestTest:
      'The proper officer has determined that the public interest in withholding the information outweighs the public interest in disclosing it while the tender is not yet awarded.',
  },
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
    status: 'agenda-published',
    agendaPublishedAt: at('2022-01-05T16:00:00Z'),
  },
  attendance: { kind: 'not-recorded', reason: 'Meeting not yet held' },
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
  declarations: { kind: 'not-recorded' },
  minutes: null,
};
