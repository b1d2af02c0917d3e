import { parseCouncilDataset, parseMeetingDocument } from './parse.js';
import { meetingProblems } from '../../../test/document-edits.js';
import { stockportDataset, westSussexMeeting } from '../../../test/fixtures/documents.js';

describe(parseMeetingDocument.name, () => {
  it('accepts a valid meeting document and returns it', () => {
    expect(parseMeetingDocument(westSussexMeeting())).toEqual({
      ok: true,
      document: westSussexMeeting(),
    });
  }, 30_000); // the first parse compiles the schema

  it('accepts a document with no minutes yet and a not-recorded attendance', () => {
    const problems = meetingProblems(
      [['minutes'], null],
      [['attendance'], { kind: 'not-recorded', reason: 'Not yet held' }],
      [['declarations'], { kind: 'none-made' }],
    );
    expect(problems).toEqual([]);
  });

  it('reports every semantic problem, not the first', () => {
    const problems = meetingProblems(
      [['agendaItems', 1, 'order'], 1],
      [['declarations', 'declarations', 0, 'about', 'itemNumber'], '9'],
      [['minutes', 'minutes', 3, 'exemption'], null],
    );
    expect(problems.map((p) => p.code)).toEqual([
      'VALIDATION.DUPLICATE',
      'VALIDATION.UNKNOWN_REFERENCE',
      'EXEMPTION.PARAGRAPH_REQUIRED',
    ]);
  });
});

describe(parseCouncilDataset.name, () => {
  it('accepts a valid data set and returns it', () => {
    expect(parseCouncilDataset(stockportDataset())).toEqual({
      ok: true,
      dataset: stockportDataset(),
    });
  });
});
