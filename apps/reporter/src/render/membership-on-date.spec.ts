// A past meeting's front sheet prints the committee as it was that day, not as it is now (issue 9,
// "Faithfulness"): the sample committee's Chair changed on 1 May 2022, after every sample meeting.
import { Writable } from 'node:stream';
import type { CouncilDataset, LocalDate } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { renderAgendaPack } from '../index.js';
import { readPdf } from '../testing/read-pdf.js';

/** The front sheet's text (page 1) of the meeting's public pack, read back from the PDF. */
const frontSheet = async (dataset: CouncilDataset, meetingId: string): Promise<string> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderAgendaPack(dataset, meetingId, 'public', out);
  const pdf = await readPdf(Buffer.concat(chunks), { readFonts: false });
  return (pdf.pages[0] ?? '').replace(/\s+/g, ' ');
};

/** The data set with one meeting moved to another day. */
const movedTo = (dataset: CouncilDataset, meetingId: string, date: string): CouncilDataset => ({
  ...dataset,
  meetings: dataset.meetings.map((document) =>
    document.meeting.id === meetingId
      ? { ...document, meeting: { ...document.meeting, date: date as LocalDate } }
      : document,
  ),
});

describe('the front sheet prints the membership on the meeting’s date', () => {
  let dataset: CouncilDataset;
  beforeAll(() => {
    dataset = loadSampleCouncil();
  });

  it('prints the Chair of the day for a past meeting whose Chair later changed', async () => {
    const committee = dataset.committees.find((c) => c.id === 'stockport-cfsc');
    // The data set's current membership has a different Chair: the test would pass vacuously otherwise.
    expect(
      committee?.memberships.find((m) => m.role === 'chair' && m.to === null)?.member?.name,
    ).toBe('Councillor Mark Bramhall');
    const text = await frontSheet(dataset, sampleIds.stockportNovember2021);
    expect(text).toContain('Membership');
    expect(text).toContain('Helen Ashworth (Chair)');
    expect(text).toContain('Mark Bramhall (Vice-Chair)');
    expect(text).toContain('Rachel Openshaw');
    expect(text).not.toContain('Mark Bramhall (Chair)');
    expect(text).not.toContain('vacancy');
  }, 60_000);

  it('prints the new Chair, the old Chair as a member and the vacancy after the changeover', async () => {
    const text = await frontSheet(
      movedTo(dataset, sampleIds.stockportNovember2021, '2022-05-01'),
      sampleIds.stockportNovember2021,
    );
    expect(text).toContain('Mark Bramhall (Chair)');
    expect(text).toContain('Priya Shah (Vice-Chair)');
    expect(text).toMatch(/Helen Ashworth(?! \(Chair\))/);
    expect(text).not.toContain('Rachel Openshaw');
    expect(text).toContain('one vacancy.');
  }, 60_000);

  it('leaves the membership out when no period covers the day', async () => {
    const text = await frontSheet(
      movedTo(dataset, sampleIds.stockportNovember2021, '2020-11-25'),
      sampleIds.stockportNovember2021,
    );
    expect(text).not.toContain('Membership');
    expect(text).not.toContain('Not recorded');
  }, 60_000);

  it('writes “Councillors” once when the council names members “Cllr …”', async () => {
    const text = await frontSheet(dataset, sampleIds.westSussexNovember2021);
    expect(text).toContain('Councillors Margaret Hillier (Chair), Andrew Cowell (Vice-Chair)');
    expect(text).not.toContain('Cllr');
  }, 60_000);
});
