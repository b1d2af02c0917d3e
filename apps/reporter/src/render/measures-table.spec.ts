// The PPRR's tables as a clerk publishes them and a screen reader hears them (issue 9, "Layout"
// cell content, and "Faithfulness": a Q3 update has no "No data" rows). Each case renders the
// sample council's Q3 report and reads the table cells back from the PDF's structure tree.
import { Writable } from 'node:stream';
import type { CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import { renderPerformanceReport } from '../index.js';
import { flattenStruct, readPdf, type ParsedPdf, type PdfStructNode } from '../testing/read-pdf.js';

const Q3 = 'stockport-cfse-2021-22-q3';
const MID_YEAR = 'stockport-cfse-2021-22-mid-year';

const renderReport = async (dataset: CouncilDataset, reportId: string): Promise<ParsedPdf> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderPerformanceReport(dataset, reportId, out);
  return readPdf(Buffer.concat(chunks), { readFonts: false });
};

/** Every table row's cells (TH and TD texts), in reading order. */
const rowsOf = (pdf: ParsedPdf): string[][] =>
  pdf.structTree.flatMap((page) =>
    flattenStruct(page)
      .filter((node) => node.role === 'TR')
      .map((row) =>
        row.children
          .filter((cell: PdfStructNode) => cell.role === 'TD' || cell.role === 'TH')
          .map((cell) => cell.text),
      ),
  );

const rowOf = (rows: string[][], first: string): string[] => {
  const row = rows.find((cells) => cells[0] === first);
  if (!row) throw new Error(`no row starts with ${first}`);
  return row;
};

describe('the PPRR measures and money tables', () => {
  let dataset: CouncilDataset;
  let q3: string[][];
  beforeAll(async () => {
    dataset = loadSampleCouncil();
    q3 = rowsOf(await renderReport(dataset, Q3));
  }, 30_000);

  it('leaves out of a Q3 update the measures with no new figure since mid-year', async () => {
    const report = dataset.performanceReports.find((candidate) => candidate.id === Q3);
    const listed = report?.partOne.flatMap((update) => update.measureCodes) ?? [];
    // The report lists CFSE12(ii), which has no Q3 figure: before, it printed a "No data" row.
    expect(listed).toContain('CFSE12(ii)');
    expect(q3.map((cells) => cells[0])).not.toContain('CFSE12(ii)');
    expect(q3.flat()).not.toContain('No data');
    // The mid-year report shows every measure of the agreement, with or without data.
    const midYear = rowsOf(await renderReport(dataset, MID_YEAR));
    const midYearListed =
      dataset.performanceReports
        .find((candidate) => candidate.id === MID_YEAR)
        ?.partOne.flatMap((update) => update.measureCodes) ?? [];
    for (const code of midYearListed) expect(midYear.map((cells) => cells[0])).toContain(code);
  }, 30_000);

  it('keeps comparators apart when the cell is read as text', () => {
    const [, , , , , , comparators] = rowOf(q3, 'CFSE.28');
    expect(comparators).toBe('England average: 4.4%; North West average: 5.1%');
  });

  it('prints a missing value as an empty cell, and the reason once, in the RAG column', () => {
    const row = rowOf(q3, 'CFSE.67');
    expect(row.filter((text) => text === 'No target')).toHaveLength(1);
    expect(row[2]).toBe('');
    const cells = q3.flat();
    for (const mark of ['–', '-', 'Not available']) expect(cells).not.toContain(mark);
  });

  it('prints money under a "£" header without a "£" in each cell, negatives with a real minus', () => {
    const header = q3.find((cells) => cells[0] === 'Service');
    expect(header).toEqual(['Service', 'Budget £', 'Forecast £', 'Variance £']);
    expect(rowOf(q3, 'Early Help and Prevention')).toEqual([
      'Early Help and Prevention',
      '5,934,000',
      '5,790,000',
      '\u2212144,000',
    ]);
    // Every amount cell of the four money tables: a figure alone, never "£…" or "-£…".
    const amounts = q3.flat().filter((text) => /^[-\u2212]?£?[\d,]+(\.\d\d)?$/.test(text));
    expect(amounts.length).toBeGreaterThan(40);
    expect(amounts.filter((text) => text.includes('£') || text.startsWith('-'))).toEqual([]);
  });
});
