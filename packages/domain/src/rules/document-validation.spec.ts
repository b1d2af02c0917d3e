import { parseCouncilDataset, parseMeetingDocument } from './document-validation.js';
import { stockportDataset, westSussexMeeting } from '../../test/fixtures/documents.js';

describe(parseMeetingDocument.name, () => {
  it('accepts a valid meeting document', () => {
    const result = parseMeetingDocument(westSussexMeeting());
    expect(result).toEqual({ ok: true, document: westSussexMeeting() });
  });
});

describe(parseCouncilDataset.name, () => {
  it('accepts a valid data set', () => {
    const result = parseCouncilDataset(stockportDataset());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});
