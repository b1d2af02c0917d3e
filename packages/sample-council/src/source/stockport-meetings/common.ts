// What the Stockport meetings share: the venue, the clerk, and the fixed items and minutes every
// agenda has (apologies, minutes, declarations, call-in).
import type { AgendaItem, OfficerContact } from '@scrutineer/domain';
import { comment, minute, paragraph, sectionsDocument } from '../helpers.js';

export { minute, paragraph };
import { childrenAndFamiliesScrutiny } from '../stockport-people.data.js';

export const VENUE = 'Committee Room 2, Town Hall, Stockport';
export const CFSE_PORTFOLIO = 'Children, Family Services & Education';
export const clerk = childrenAndFamiliesScrutiny.clerk as OfficerContact;
export const clerkInAttendance = { name: clerk.name, role: clerk.role };
// The seeds name these officers by their post only: the post is the name (role null).
export const directorOfChildrensServices = { name: 'Director of Children’s Services', role: null };
export const directorOfEducation = { name: 'Director of Education', role: null };

/** A fixed agenda item (apologies, minutes, declarations, call-in …): no report, no documents. */
export const fixedItem = (
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

/** Splits a Stockport bullet at "In response," into the point and the response, keeping every word. */
export const splitResponse = (bullet: string) => {
  const at = bullet.indexOf(' In response, ');
  return at < 0 ? comment(bullet) : comment(bullet.slice(0, at), bullet.slice(at + 1));
};

export const callInItem = (number: number) =>
  fixedItem(number, 'call-in', 'Call-In', 'To consider call-in items (if any).');
export const declarationsItem = (number: number) =>
  fixedItem(
    number,
    'declarations',
    'Declarations of Interest',
    'Councillors and officers to declare any interest which they may have in any of the items on the agenda for the meeting.',
  );
export const minutesItem = (number: number, previous: string) =>
  fixedItem(
    number,
    'minutes',
    'Minutes',
    `To approve as a correct record and sign the Minutes of the meeting held on ${previous}.`,
  );
export const apologiesItem = () =>
  fixedItem(1, 'apologies', 'Apologies', 'To receive apologies for absence from the meeting.');
export const apologiesMinute = (sequence: number, names: string) =>
  minute(sequence, '1', 1, 'Apologies', {
    blocks: [paragraph(`Apologies for absence were received from ${names}.`)],
  });
export const noCallIn = (sequence: number, item: string, taken: number) =>
  minute(sequence, item, taken, 'Call-In', {
    blocks: [paragraph('There were no call-in items to consider.')],
  });

export const workProgrammeItem = (number: number, period: string): AgendaItem => ({
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
