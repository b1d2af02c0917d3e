// An agenda item prints what it stores about its reports: who they are of, the recommendations
// in their own list style and the contact officers, per report, grouped per portfolio when one
// item carries several portfolios' reports (issue 9, "Faithfulness"). Read back from the PDF.
import { Writable } from 'node:stream';
import type { AgendaItem, CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { renderAgendaPack } from '../index.js';
import { flattenStruct, readPdf, type ParsedPdf } from '../testing/read-pdf.js';

const renderPack = async (
  dataset: CouncilDataset,
  meetingId: string,
  edition: 'public' | 'confidential' = 'public',
): Promise<ParsedPdf> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderAgendaPack(dataset, meetingId, edition, out);
  return readPdf(Buffer.concat(chunks), { readFonts: false });
};

const textOf = (pdf: ParsedPdf): string => pdf.pages.join(' ').replace(/\s+/g, ' ');

/** The headings of the pack in order, as `H2 Learning and Skills portfolio`. */
const headingsOf = (pdf: ParsedPdf): string[] =>
  pdf.structTree.flatMap((page) =>
    flattenStruct(page)
      .filter((node) => /^H\d$/.test(node.role))
      .map((node) => `${node.role} ${node.text}`),
  );

const withItem = (
  dataset: CouncilDataset,
  meetingId: string,
  number: string,
  change: (item: AgendaItem) => AgendaItem,
): CouncilDataset => ({
  ...dataset,
  meetings: dataset.meetings.map((document) =>
    document.meeting.id === meetingId
      ? {
          ...document,
          agendaItems: document.agendaItems.map((item) =>
            item.number === number ? change(item) : item,
          ),
        }
      : document,
  ),
});

describe('agenda items and their reports', () => {
  let dataset: CouncilDataset;
  beforeAll(() => {
    dataset = loadSampleCouncil();
  });

  it('groups one item’s reports per portfolio, each under its portfolio’s heading', async () => {
    const pdf = await renderPack(dataset, sampleIds.westSussexNovember2021);
    const headings = headingsOf(pdf);
    const children = headings.indexOf('H2 Children and Young People portfolio');
    const learning = headings.indexOf('H2 Learning and Skills portfolio');
    expect(children).toBeGreaterThan(0);
    expect(learning).toBeGreaterThan(children);
    // Each report's own sections sit one level below its portfolio: the outline never skips.
    expect(headings[children + 1]).toBe('H3 1. Summary');
    expect(headings[learning + 1]).toBe('H3 1. Summary');
    const text = textOf(pdf);
    const [, cyp = '', ls = ''] = text.split(
      /(?:Children and Young People|Learning and Skills) portfolio/,
    );
    expect(cyp).toContain('2021/22: CHILDREN AND YOUNG PEOPLE');
    expect(ls).toContain('2021/22: LEARNING AND SKILLS');
  }, 30_000);

  it('prints the item’s own report of, recommendations in their list style and contacts when its PPRR does not say them', async () => {
    const changed = withItem(dataset, sampleIds.stockportMarch2022, '5', (item) => ({
      ...item,
      reportOf: [...item.reportOf, 'Head of Performance and Insight'],
      recommendations: {
        lead: 'The Scrutiny Committee is asked to:',
        style: 'roman',
        items: ['Note the report;', 'Comment on CFSE.65;', 'Agree the briefing on CFSE.28.'],
      },
      contacts: [
        ...item.contacts,
        {
          name: 'Ravi Mistry',
          role: 'Performance Analyst',
          email: 'ravi.mistry@stockport.gov.uk',
          phone: '0161 474 3000',
        },
      ],
    }));
    const text = textOf(await renderPack(changed, sampleIds.stockportMarch2022));
    const item = text.slice(text.indexOf('Agenda Item 5'), text.indexOf('Agenda Item 6'));
    expect(item).toContain('HEAD OF PERFORMANCE AND INSIGHT');
    expect(item).toContain(
      'The Scrutiny Committee is asked to: (i) Note the report; (ii) Comment on CFSE.65; (iii) Agree the briefing on CFSE.28.',
    );
    expect(item).toContain(
      'Ravi Mistry, Performance Analyst ravi.mistry@stockport.gov.uk 0161 474 3000',
    );
    // What the PPRR itself says (its report of, recommendations, contacts) is not printed twice.
    expect(item.split('Gaynor Ward').length - 1).toBe(1);
  }, 30_000);

  it('prints nothing twice when the item and its PPRR say the same', async () => {
    const text = textOf(await renderPack(dataset, sampleIds.stockportMarch2022));
    const item = text.slice(text.indexOf('Agenda Item 5'), text.indexOf('Agenda Item 6'));
    expect(item.split('Consider the Third Quarter Update').length - 1).toBe(1);
    expect(item.split('REPORT OF:').length - 1).toBe(1);
  }, 30_000);

  it('never reads an exempt item’s recommendations or contacts into the public pack', async () => {
    const text = textOf(await renderPack(dataset, sampleIds.stockportMarch2022));
    expect(text).not.toContain('Comment on the proposed award');
    expect(text).not.toContain('Placements Commissioning Team');
    const confidential = textOf(
      await renderPack(dataset, sampleIds.stockportMarch2022, 'confidential'),
    );
    expect(confidential).toContain('Comment on the proposed award');
  }, 30_000);
});
