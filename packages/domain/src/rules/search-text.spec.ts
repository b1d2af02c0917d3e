import { describe, expect, it } from '@jest/globals';
import type { MeetingDocument } from '../model/document.js';
import type { AgendaItem, ItemDocument } from '../model/meeting.js';
import type { Minute } from '../model/minutes.js';
import type { PerformanceReport } from '../model/report.js';
import { convertedReportText } from './converted-report-text.js';
import {
  FILE_UNIT_CHARS,
  fileTextParts,
  passagesOf,
  searchEntries,
  searchFileShas,
} from './search-text.js';

const SECRET = 'tender prices of the three bidders';

const sections = (title: string, text: string, exempt: boolean): ItemDocument => ({
  title,
  role: exempt ? 'appendix' : 'report',
  exemption: exempt ? { paragraph: 3 } : null,
  content: { kind: 'sections', sections: [{ heading: 'Detail', paragraphs: [text] }] } as never,
});

const item = (number: string, exempt: boolean, documents: ItemDocument[]): AgendaItem => ({
  number,
  order: Number(number),
  kind: 'report',
  title: exempt ? 'Transport contract award' : `Item ${number} school transport`,
  summary: exempt ? `To award the contract: ${SECRET}` : 'To consider the school transport review.',
  recommendations: null,
  reportOf: ['Director of Education'],
  contacts: [],
  exemption: exempt ? { paragraph: 3 } : null,
  documents,
});

const minute = (ref: string, exempt: boolean, text: string): Minute => ({
  ref: { text: ref, sequence: Number(ref) },
  agendaItemNumber: null,
  takenOrder: Number(ref),
  title: exempt ? 'Transport contract award' : 'School transport review',
  blocks: [{ kind: 'paragraph', ref: null, text, comments: [] }] as never,
  motions: [],
  elections: [],
  actions: [],
  resolution: null,
  previousMinutes: null,
  exemption: exempt ? { paragraph: 3 } : null,
});

const meeting = (): MeetingDocument =>
  ({
    schemaVersion: 1,
    meeting: { id: 'm1' },
    attendance: [],
    declarations: { kind: 'not-recorded' },
    agendaItems: [
      item('5', false, [
        sections('Report', 'Routes were reviewed across the borough.', false),
        sections('Appendix 2: bids', SECRET, true),
        {
          title: 'Quarter 3 performance',
          role: 'report',
          exemption: null,
          content: { kind: 'performance-report', performanceReportId: 'pr1' as never },
        },
      ]),
      item('9', true, [sections('Report', SECRET, false)]),
    ],
    minutes: {
      status: 'draft',
      approvedOn: null,
      closedAt: null,
      minutes: [minute('40', false, 'The committee noted the review.'), minute('41', true, SECRET)],
    },
  }) as never;

const report = {
  id: 'pr1',
  reportTo: 'Scrutiny',
  reportOf: [],
  title: 'Q3',
  sections: [],
  recommendations: null,
  furtherInformation: [],
  contacts: [],
  partOne: [
    { priorityNumber: 2, title: 'Schools', highlights: ['Attendance rose.'], exceptions: [] },
  ],
  partTwo: { revenue: [{ service: 'Home to school transport', budget: 100, forecast: 90 }] },
};

const entries = () =>
  searchEntries(meeting(), new Map([['pr1', report as unknown as PerformanceReport]]));

describe(searchEntries.name, () => {
  it('indexes for the public only what the public edition shows', () => {
    const publicText = entries()
      .filter((entry) => entry.audience === 'public')
      .map((entry) => `${entry.title}\n${entry.body}`)
      .join('\n');
    expect(publicText).toContain('Routes were reviewed');
    expect(publicText).toContain('Attendance rose.');
    expect(publicText).toContain('Transport contract award'); // an exempt item's title is public
    expect(publicText).not.toContain(SECRET);
  });

  it('indexes, for exempt readers, each unit the confidential edition holds differently', () => {
    const exempt = entries().filter((entry) => entry.audience === 'exempt');
    expect(exempt.map((entry) => entry.key).sort()).toEqual(['item:5', 'item:9', 'minute:41']);
    for (const entry of exempt) expect(entry.body).toContain(SECRET);
  });

  it('cuts a meeting into items, the reports on them and minutes', () => {
    const keys = entries()
      .filter((entry) => entry.audience === 'public')
      .map((entry) => [entry.key, entry.kind, entry.number]);
    expect(keys).toEqual([
      ['item:5', 'agenda-item', '5'],
      ['report:5:pr1', 'report', '5'],
      ['report:5:pr1:priority-2', 'report', '5'],
      ['report:5:pr1:part-two', 'report', '5'],
      ['item:9', 'agenda-item', '9'],
      ['minute:40', 'minutes', '40'],
      ['minute:41', 'minutes', '41'],
    ]);
  });

  it('keys two minutes that share a reference apart, alike in both editions', () => {
    const document = meeting() as unknown as { minutes: { minutes: Minute[] } };
    document.minutes.minutes.push(minute('41', false, 'A second minute numbered 41.'));
    const keyed = searchEntries(document as unknown as MeetingDocument, new Map()).map(
      (entry) => `${entry.audience} ${entry.key}`,
    );
    expect(keyed.filter((key) => key.includes('minute'))).toEqual([
      'public minute:40',
      'public minute:41',
      'public minute:41:2',
      'exempt minute:41',
    ]);
  });
});

const fileDocument = (title: string, sha: string, exempt: boolean): ItemDocument => ({
  title,
  role: 'appendix',
  exemption: exempt ? { paragraph: 3 } : null,
  content: {
    kind: 'file',
    file: {
      sha256: sha.repeat(64),
      mediaType: 'application/pdf',
      byteLength: 10,
      fileName: `${title}.pdf`,
      pageCount: 1,
    },
  },
});

describe('attached files in search', () => {
  const withFiles = (): MeetingDocument => {
    const document = meeting() as unknown as { agendaItems: AgendaItem[] };
    const [first] = document.agendaItems;
    (first as unknown as { documents: ItemDocument[] }).documents.push(
      fileDocument('Appendix 3: routes map', 'a', false),
      fileDocument('Appendix 4: bid scores', 'b', true),
    );
    return document as unknown as MeetingDocument;
  };
  const texts = new Map([
    ['a'.repeat(64), 'Quokka crossing on the school route.'],
    ['b'.repeat(64), `Zanzibar ${SECRET}`],
  ]);

  it('indexes a public file’s text for everyone and an exempt file’s for exempt readers only', () => {
    const found = searchEntries(withFiles(), new Map(), texts).filter((e) =>
      e.key.startsWith('file:'),
    );
    expect(found.map((e) => [e.audience, e.key, e.title, e.body, e.document?.title])).toEqual([
      [
        'public',
        'file:5:4',
        '5. Item 5 school transport',
        'Quokka crossing on the school route.',
        'Appendix 3: routes map',
      ],
      [
        'exempt',
        'file:5:5',
        '5. Item 5 school transport',
        `Zanzibar ${SECRET}`,
        'Appendix 4: bid scores',
      ],
    ]);
    expect(searchFileShas(withFiles())).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
  });

  it('indexes no unit for a file whose text is not known', () => {
    expect(searchEntries(withFiles(), new Map()).some((e) => e.key.startsWith('file:'))).toBe(
      false,
    );
  });
});

describe(fileTextParts.name, () => {
  it('cuts a long text at line ends into parts no longer than a unit holds, losing no word', () => {
    const line = 'Quokka numbers rose in every ward this quarter.';
    const text = Array.from({ length: 6000 }, (_, i) => `${line} ${i}`).join('\n');
    const parts = fileTextParts(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(FILE_UNIT_CHARS);
    expect(parts.join('\n')).toBe(text);
    // One line longer than a unit is cut where it must be.
    const long = 'x'.repeat(FILE_UNIT_CHARS * 2 + 5);
    expect(fileTextParts(long).map((part) => part.length)).toEqual([
      FILE_UNIT_CHARS,
      FILE_UNIT_CHARS,
      5,
    ]);
    expect(fileTextParts('  \n ')).toEqual([]);
  });

  it('keys a long file’s parts after the file', () => {
    const document = meeting() as unknown as { agendaItems: AgendaItem[] };
    (document.agendaItems[0] as unknown as { documents: ItemDocument[] }).documents.push(
      fileDocument('Appendix 6: long', 'e', false),
    );
    const long = 'y'.repeat(FILE_UNIT_CHARS + 10);
    const keys = searchEntries(
      document as unknown as MeetingDocument,
      new Map(),
      new Map([['e'.repeat(64), long]]),
    )
      .filter((entry) => entry.key.startsWith('file:'))
      .map((entry) => entry.key);
    expect(keys).toEqual(['file:5:4', 'file:5:4:2']);
  });
});

describe('late papers in search', () => {
  const late = (supplement: number | null) => ({
    urgencyReason: 'Received after publication',
    addedAt: '2030-01-01T10:00:00.000Z' as never,
    supplement,
  });
  /** Item 5 with a late file (`c`), and a late item 12 with a file of its own (`d`). */
  const withLate = (supplement: number | null): MeetingDocument => {
    const document = meeting() as unknown as { agendaItems: AgendaItem[] };
    const [first] = document.agendaItems;
    (first as unknown as { documents: ItemDocument[] }).documents.push({
      ...fileDocument('Appendix 5: late letter', 'c', false),
      late: late(supplement),
    });
    document.agendaItems.push({
      ...item('12', false, [fileDocument('Urgent report', 'd', false)]),
      title: 'Urgent item on bus passes',
      late: late(supplement),
    } as AgendaItem);
    return document as unknown as MeetingDocument;
  };
  const texts = new Map([
    ['c'.repeat(64), 'Wombat letter from the parish.'],
    ['d'.repeat(64), 'Numbat figures for bus passes.'],
  ]);
  const text = (found: readonly { title: string; body: string }[]): string =>
    found.map((entry) => `${entry.title}\n${entry.body}`).join('\n');

  it('keeps a pending late paper out of the public entries, for callers who may read it', () => {
    const found = searchEntries(withLate(null), new Map(), texts);
    const open = text(found.filter((entry) => entry.audience === 'public'));
    expect(open).not.toContain('Wombat');
    expect(open).not.toContain('Numbat');
    expect(open).not.toContain('late letter'); // its title too, on its item
    expect(open).not.toContain('bus passes');
    const pending = found.filter((entry) => entry.audience === 'pending');
    expect(pending.map((entry) => entry.key).sort()).toEqual([
      'file:12:1',
      'file:5:4',
      'item:12',
      'item:5',
    ]);
    expect(text(pending)).toContain('Wombat');
    expect(text(pending)).toContain('Numbat');
    // The confidential edition holds them as the pending one does: no exempt copy of them.
    const exempt = found.filter((entry) => entry.audience === 'exempt');
    expect(exempt.map((entry) => entry.key).sort()).toEqual(['item:5', 'item:9', 'minute:41']);
    expect(text(exempt)).toContain('late letter');
  });

  it('indexes a late paper for everyone once a supplement has published it', () => {
    const found = searchEntries(withLate(1), new Map(), texts);
    expect(found.some((entry) => entry.audience === 'pending')).toBe(false);
    const open = text(found.filter((entry) => entry.audience === 'public'));
    expect(open).toContain('Wombat');
    expect(open).toContain('Numbat');
  });
});

describe(convertedReportText.name, () => {
  it('reads a converted report’s words in order, never its images’ data', () => {
    expect(
      convertedReportText({
        blocks: [
          { kind: 'heading', level: 1, runs: [{ text: 'Budget ' }, { text: 'plan', bold: true }] },
          { kind: 'list', items: [{ depth: 0, ordered: false, runs: [{ text: 'One' }] }] },
          {
            kind: 'table',
            headerRows: 1,
            rows: [[{ runs: [{ text: 'Ward' }] }, { runs: [{ text: 'Cost' }] }]],
          },
          {
            kind: 'figure',
            alt: 'Map of wards',
            image: { mediaType: 'image/png', data: 'iVBORw0KGgo', width: 10, height: 10 },
          },
          {
            kind: 'notes',
            notes: [
              { id: 'footnote-1', kind: 'footnote', label: '1', runs: [{ text: 'Source.' }] },
            ],
          },
        ],
      }),
    ).toBe('Budget plan\nOne\nWard Cost\nMap of wards\n1 Source.');
  });
});

describe(passagesOf.name, () => {
  it('keeps free text in order and leaves out codes, ids and enums', () => {
    expect(
      passagesOf({
        kind: 'sections',
        performanceReportId: 'pr1',
        title: ' A ',
        list: ['b', { memberId: 'm-9', name: 'Cllr C' }],
        status: 'open',
      }),
    ).toEqual(['A', 'b', 'Cllr C']);
  });
});
