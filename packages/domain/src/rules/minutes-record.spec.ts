import { minute } from '../../test/fixtures/documents.js';
import {
  minutesRecordItemKind,
  paragraphRecordingResolution,
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
