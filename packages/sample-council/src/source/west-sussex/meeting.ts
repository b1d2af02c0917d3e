// West Sussex: the Children and Young People's Services Scrutiny Committee of 17 November 2021.
import { DOCUMENT_SCHEMA_VERSION, type MeetingDocument } from '@scrutineer/domain';
import { at, comment, date, meetingId, ref, reportId, time } from '../helpers.js';
import { westSussexMinute33 as seed } from '../seed-text.data.js';
import {
  andrewCowell,
  cllrJupp,
  cllrRussell,
  cypScrutiny,
  deborahVance,
  felicityAshdown,
  hannahGreaves,
  margaretHillier,
  owenPritchard,
  robertTilling,
} from './people.js';

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
      // Illustrative: the time the agenda gives the item.
      scheduledTime: time('10:40'),
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
