import type { Minute } from '../model/minutes.js';
import { minute } from '../../test/fixtures/documents.js';
import {
  minutesRecordItemKind,
  motionCarriedAsResolution,
  paragraphRecordingResolution,
  paragraphRepeatsMotion,
  previousMinutesStatement,
  resolutionLeadOf,
  resolutionOwnLead,
} from './minutes-record.js';
import { minuteRef, resolutionParagraphRef } from './numbering.js';

const para = (ref: string | null, text: string) => ({
  kind: 'paragraph' as const,
  ref,
  text,
  comments: [],
});

describe(resolutionOwnLead.name, () => {
  it.each([
    ['RESOLVED: That the report be noted.', 'RESOLVED: ', 'That the report be noted.'],
    ['Resolved – that the report be noted.', 'Resolved – ', 'that the report be noted.'],
    ['RESOLVED - That the report be noted.', 'RESOLVED - ', 'That the report be noted.'],
    ['Resolved that the report be noted.', 'Resolved ', 'that the report be noted.'],
  ])('keeps the council’s own lead of %j', (text, lead, rest) => {
    expect(resolutionOwnLead(text)).toEqual({ lead, rest });
  });

  it('is null when the text is the resolution alone', () => {
    expect(resolutionOwnLead('That the report be noted.')).toBeNull();
    expect(resolutionOwnLead('Resolvedly noted.')).toBeNull();
  });
});

describe(paragraphRecordingResolution.name, () => {
  const withResolution = (text: string, last: string) =>
    minute({
      ref: minuteRef('2'),
      takenOrder: 1,
      blocks: [para('2.1', 'The Committee considered the report.'), para('2.2', last)],
      resolution: { kind: 'single', text },
    });

  it('finds the last numbered paragraph that is the resolution, whatever its lead', () => {
    const sut = withResolution('That the report be noted.', 'Resolved – that the report be noted.');
    expect(paragraphRecordingResolution(sut)).toBe('2.2');
    expect(resolutionParagraphRef(sut)).toBe('2.2');
  });

  it('is null when the last paragraph says something else, and the resolution takes the next number', () => {
    const sut = withResolution('That the report be noted.', 'Members asked questions.');
    expect(paragraphRecordingResolution(sut)).toBeNull();
    expect(resolutionParagraphRef(sut)).toBe('2.3');
  });
});

describe(minutesRecordItemKind.name, () => {
  const items = [
    { number: '1', kind: 'apologies' as const },
    { number: '3', kind: 'declarations' as const },
  ];
  it('is true only when a minute was taken on an item of that kind', () => {
    const minutes = [{ agendaItemNumber: '1' }, { agendaItemNumber: null }];
    expect(minutesRecordItemKind(minutes, items, 'apologies')).toBe(true);
    expect(minutesRecordItemKind(minutes, items, 'declarations')).toBe(false);
  });
});

describe(resolutionLeadOf.name, () => {
  it('leads with the council’s own style when the text has no lead of its own', () => {
    expect(resolutionLeadOf('That the report be noted.', 'Resolved –')).toEqual({
      lead: 'Resolved – ',
      rest: 'That the report be noted.',
    });
    expect(resolutionLeadOf('That the report be noted.', 'RESOLVED –').lead).toBe('RESOLVED – ');
    expect(resolutionLeadOf('That the report be noted.', 'RESOLVED:').lead).toBe('RESOLVED: ');
  });

  it('keeps the lead the text was minuted with, whatever the council’s style', () => {
    expect(resolutionLeadOf('Resolved – that the report be noted.', 'RESOLVED –')).toEqual({
      lead: 'Resolved – ',
      rest: 'that the report be noted.',
    });
  });
});

describe(motionCarriedAsResolution.name, () => {
  const words =
    'That the public be excluded from the meeting during consideration of the following item.';
  const motion = {
    text: words,
    proposer: { name: 'Councillor Helen Ashworth', memberId: null },
    seconder: { name: 'Councillor Mark Bramhall', memberId: null },
    vote: { kind: 'unanimous' as const },
    outcome: 'carried' as const,
  };
  const exclusion = (overrides: Partial<Minute> = {}) =>
    minute({
      ref: minuteRef('22'),
      takenOrder: 1,
      blocks: [
        para(null, 'The Chair moved, and the Vice-Chair seconded, that the public be excluded.'),
      ],
      motions: [motion],
      resolution: { kind: 'single', text: words },
      ...overrides,
    });

  it('is the one carried motion in the resolution’s words, and its retelling is a repeat', () => {
    const sut = exclusion();
    expect(motionCarriedAsResolution(sut)).toBe(motion);
    expect(
      paragraphRepeatsMotion(sut, 'The Chair moved, and the Vice-Chair seconded, that …'),
    ).toBe(true);
    expect(paragraphRepeatsMotion(sut, 'Members discussed the item.')).toBe(false);
  });

  it('is null for a lost motion, another text or two motions, and then nothing is a repeat', () => {
    for (const sut of [
      exclusion({ motions: [{ ...motion, outcome: 'lost' }] }),
      exclusion({ motions: [{ ...motion, text: 'That the item be deferred.' }] }),
      exclusion({ motions: [motion, motion] }),
    ]) {
      expect(motionCarriedAsResolution(sut)).toBeNull();
      expect(paragraphRepeatsMotion(sut, 'It was moved and seconded.')).toBe(false);
    }
  });
});

describe(previousMinutesStatement.name, () => {
  const approving = (blocks: ReturnType<typeof para>[], amendments = 0) =>
    minute({
      ref: minuteRef('16'),
      takenOrder: 1,
      blocks,
      previousMinutes: {
        meetingDate: '2021-11-24' as never,
        amendments: Array.from({ length: amendments }, () => ({ minuteRef: '12', text: 'x' })),
      },
    });

  it('says once that the minutes were approved, in the council’s words', () => {
    expect(previousMinutesStatement(approving([]))).toBe(
      'The minutes of the meeting held on 24 November 2021 were approved as a correct record and signed by the Chair.',
    );
    expect(previousMinutesStatement(approving([], 1))).toMatch(
      /signed by the Chair, subject to the following amendments:$/,
    );
  });

  it('is null when the minute’s own words already record the approval', () => {
    const stored = para(
      null,
      'The Minutes (copies of which had been circulated) of the meeting held on 24 November 2021 were approved as a correct record and signed by the Chair.',
    );
    expect(previousMinutesStatement(approving([stored]))).toBeNull();
  });
});
