import { renderToBytes as render } from '../testing/render-bytes.js';
import type { CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import { chooseSampleDocuments } from '../cli/sample-command.js';
import { flattenStruct, readPdf, type ParsedPdf, type PdfStructNode } from '../testing/read-pdf.js';

/**
 * The structure PDF/UA asks of headings and tables, on every document `scrutineer-pack sample`
 * writes, read back from the PDF's own structure tree.
 */

const headingLevel = (node: PdfStructNode): number | null => {
  const match = /^H([1-6])$/.exec(node.role);
  return match ? Number(match[1]) : null;
};

/** Every heading in document order, as `H2 Membership`; a heading spanning pages counts once. */
const headingsOf = (pdf: ParsedPdf): { level: number; text: string }[] => {
  const headings: { level: number; text: string }[] = [];
  for (const page of pdf.structTree)
    for (const node of flattenStruct(page)) {
      const level = headingLevel(node);
      if (level !== null) headings.push({ level, text: node.text });
    }
  return headings;
};

/** Headings whose level is more than one below the heading before them. */
const skips = (headings: readonly { level: number; text: string }[]): string[] =>
  headings.flatMap((heading, index) => {
    const before = headings[index - 1];
    return before && heading.level > before.level + 1
      ? [`H${before.level} "${before.text}" → H${heading.level} "${heading.text}"`]
      : [];
  });

/** Each table on each page: its caption (or first words) and the cell count of each row. */
const tableRowWidths = (pdf: ParsedPdf): { table: string; widths: number[] }[] =>
  pdf.structTree.flatMap((page, pageIndex) =>
    flattenStruct(page)
      .filter((node) => node.role === 'Table')
      .map((table) => ({
        table: `page ${pageIndex + 1}: ${table.text.slice(0, 40)}`,
        widths: table.children
          .flatMap((child) =>
            child.role === 'TR'
              ? [child]
              : ['THead', 'TBody', 'TFoot'].includes(child.role)
                ? child.children.filter((row) => row.role === 'TR')
                : [],
          )
          .map((row) => row.children.filter((cell) => ['TH', 'TD'].includes(cell.role)).length),
      })),
  );

describe('the structure of every sample document', () => {
  let dataset: CouncilDataset;
  const documents: { name: string; pdf: ParsedPdf }[] = [];

  beforeAll(async () => {
    dataset = loadSampleCouncil();
    for (const document of chooseSampleDocuments(dataset)) {
      const bytes = await render((out) => document.render(dataset, out, undefined));
      documents.push({ name: document.fileName, pdf: await readPdf(bytes, { readFonts: false }) });
    }
  }, 60_000);

  it('renders the nine sample documents (both nations’ packs and minutes, Stockport’s supplement)', () => {
    expect(documents.map((document) => document.name).sort()).toEqual([
      'flintshire-2022-01-13-agenda-confidential.pdf',
      'flintshire-2022-01-13-agenda-public.pdf',
      'flintshire-2022-01-13-minutes.pdf',
      'pprr-stockport-cfse-2021-22-q3.pdf',
      'stockport-2022-03-09-agenda-confidential.pdf',
      'stockport-2022-03-09-agenda-public.pdf',
      'stockport-2022-03-09-minutes.pdf',
      'stockport-2022-03-09-supplement-1-public.pdf',
      'west-sussex-2021-11-17-minutes.pdf',
    ]);
  });

  it('never skips a heading level, and starts at H1', () => {
    for (const { name, pdf } of documents) {
      const headings = headingsOf(pdf);
      expect({ name, first: headings[0]?.level }).toEqual({ name, first: 1 });
      expect({ name, skips: skips(headings) }).toEqual({ name, skips: [] });
    }
  });

  it('tags the PPRR priorities’ Highlights and Exceptions as headings below the priority', () => {
    const pprr = documents.find((document) => document.name.startsWith('pprr-'));
    const headings = headingsOf(pprr!.pdf);
    const priority = headings.findIndex((heading) => heading.text.startsWith('Priority 1:'));
    expect(headings[priority + 1]).toEqual({
      level: headings[priority]!.level + 1,
      text: 'Highlights',
    });
    expect(headings.filter((heading) => heading.text === 'Exceptions').length).toBeGreaterThan(0);
    expect(headings.find((heading) => heading.text === 'Further Information')?.level).toBe(2);
  });

  it('gives every row of a table the same number of cells, an empty cell an empty TD', () => {
    for (const { name, pdf } of documents) {
      const irregular = tableRowWidths(pdf).filter(({ widths }) => new Set(widths).size > 1);
      expect({ name, irregular }).toEqual({ name, irregular: [] });
    }
  });
});
