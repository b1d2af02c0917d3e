// The sample papers (issue 12, item 8): attached to a real item of a real meeting, as file
// documents the domain accepts; the exempt paper's text is listed for the leak checks.
import { parseCouncilDataset, type AttachedFile } from '@scrutineer/domain';
import {
  attachSamplePapers,
  samplePaperExemptPassages,
  samplePaperMediaType,
  samplePapers,
  sampleIds,
} from '../src/index.js';
import { dataset, meeting } from './sample.js';

const fileFor = (index: number, format: (typeof samplePapers)[number]['format']): AttachedFile => ({
  sha256: String(index).repeat(64).slice(0, 64),
  mediaType: samplePaperMediaType(format),
  byteLength: 1000 + index,
  fileName: `paper-${index}`,
  ...(format === 'docx' ? {} : { pageCount: 1 }),
});

const files = new Map(samplePapers.map((paper, index) => [paper.id, fileFor(index, paper.format)]));

describe('the sample papers', () => {
  it('are a Word report, a tagged and an untagged PDF appendix and an exempt one', () => {
    expect(samplePapers.map((paper) => paper.format).sort()).toEqual([
      'docx',
      'tagged-pdf',
      'untagged-pdf',
      'untagged-pdf',
    ]);
    expect(samplePapers.filter((paper) => paper.exemption !== null)).toHaveLength(1);
  });

  it('attach to item 6 of the March 2022 meeting after its own report, and parse', () => {
    const withPapers = attachSamplePapers(dataset, files);
    const parsed = parseCouncilDataset(JSON.parse(JSON.stringify(withPapers)));
    expect(parsed.ok).toBe(true);
    const before = meeting(sampleIds.stockportMarch2022).agendaItems.find((i) => i.number === '6');
    const after = withPapers.meetings
      .find((document) => document.meeting.id === sampleIds.stockportMarch2022)
      ?.agendaItems.find((item) => item.number === '6');
    expect(after?.documents.slice(0, before?.documents.length)).toEqual(before?.documents);
    expect(after?.documents.slice(before?.documents.length ?? 0).map((d) => d.title)).toEqual(
      samplePapers.map((paper) => paper.title),
    );
    const exempt = after?.documents.filter((document) => document.exemption !== null);
    expect(exempt?.map((document) => document.content.kind)).toEqual(['file']);
    // Nothing else changes, and the input is not mutated.
    const others = (set: typeof dataset) =>
      set.meetings.filter((d) => d.meeting.id !== sampleIds.stockportMarch2022);
    expect(others(withPapers)).toEqual(others(dataset));
    expect(before?.documents).toHaveLength(1);
  });

  it('refuse a paper without a file, or one whose item is not in the data set', () => {
    const partial = new Map([...files].slice(1));
    expect(() => attachSamplePapers(dataset, partial)).toThrow(/has no file/);
    const stray = [{ ...samplePapers[0]!, itemNumber: '99' }];
    expect(() => attachSamplePapers(dataset, files, stray)).toThrow(/no item 99/);
  });

  it('list the exempt paper’s text, which no text of the data set repeats', () => {
    const passages = samplePaperExemptPassages();
    expect(passages.length).toBeGreaterThan(0);
    const everything = JSON.stringify(dataset);
    for (const passage of passages) expect(everything).not.toContain(passage);
  });
});
