// A document held as an attached file (issue 12) is not yet merged into the pack: the pack prints
// its title and says, from what the document stores, that the paper is attached as a file. Read
// back from the PDF, public and confidential editions.
import { Writable } from 'node:stream';
import type { AgendaItem, CouncilDataset, ItemDocument } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { renderAgendaPack } from '../index.js';
import { fileSizeText } from '../model/attached-file.js';
import { readPdf } from '../testing/read-pdf.js';

const render = async (
  dataset: CouncilDataset,
  meetingId: string,
  edition: 'public' | 'confidential',
): Promise<string> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderAgendaPack(dataset, meetingId, edition, out);
  const pdf = await readPdf(Buffer.concat(chunks), { readFonts: false });
  return pdf.pages.join(' ').replace(/\s+/g, ' ');
};

const fileDocument = (title: string, exempt: boolean): ItemDocument => ({
  title,
  role: 'appendix',
  exemption: exempt ? { paragraph: 3 } : null,
  content: {
    kind: 'file',
    file: {
      sha256: 'a'.repeat(64),
      mediaType: 'application/pdf',
      byteLength: 1_432_000,
      fileName: exempt ? 'secret-tender-scores.pdf' : 'budget-appendix.pdf',
      pageCount: 12,
    },
  },
});

/** The data set with two file appendices (one open, one exempt) on the meeting's first report item. */
const withFiles = (dataset: CouncilDataset, meetingId: string): CouncilDataset => ({
  ...dataset,
  meetings: dataset.meetings.map((document) => {
    if (document.meeting.id !== meetingId) return document;
    const index = document.agendaItems.findIndex(
      (item) => item.kind === 'report' && item.exemption === null,
    );
    return {
      ...document,
      agendaItems: document.agendaItems.map((item, at): AgendaItem =>
        at === index
          ? {
              ...item,
              documents: [
                ...item.documents,
                fileDocument('Appendix F: Budget monitoring', false),
                fileDocument('Appendix G: Tender scores', true),
              ],
            }
          : item,
      ),
    };
  }),
});

describe('a document held as an attached file', () => {
  let dataset: CouncilDataset;
  beforeAll(() => {
    dataset = withFiles(loadSampleCouncil(), sampleIds.stockportMarch2022);
  });

  it('prints its title and that the paper is attached, with the file’s name, kind and size', async () => {
    const text = await render(dataset, sampleIds.stockportMarch2022, 'public');
    expect(text).toContain('Appendix F: Budget monitoring');
    expect(text).toContain(
      'This appendix is attached to the item as a file, budget-appendix.pdf (PDF, 12 pages, 1.4 MB).',
    );
    // The exempt one: its title and paragraph, never its file's name.
    expect(text).toContain('Appendix G: Tender scores');
    expect(text).not.toContain('secret-tender-scores.pdf');
  }, 30_000);

  it('names the exempt file only in the confidential edition', async () => {
    const text = await render(dataset, sampleIds.stockportMarch2022, 'confidential');
    expect(text).toContain('secret-tender-scores.pdf (PDF, 12 pages, 1.4 MB)');
  }, 30_000);

  it('prints sizes as people read them', () => {
    expect(fileSizeText(1)).toBe('1 KB');
    expect(fileSizeText(820_400)).toBe('820 KB');
    expect(fileSizeText(2_000_000)).toBe('2 MB');
  });
});
