/**
 * What a reader needs to tell one document from another, read back from the rendered PDF: the
 * front sheet's publication date, the standalone PPRR's title naming its portfolio, and one
 * spelling of the committee under "REPORT TO" throughout a pack.
 */
import { Writable } from 'node:stream';
import type { CouncilDataset } from '@scrutineer/domain';
import { renderAgendaPack, renderPerformanceReport, type RenderSummary } from '../index.js';
import { fixtureDataset } from '../fixtures/council.fixture.js';
import { contactRuns } from '../model/wording.js';
import { flattenStruct, readPdf, type ParsedPdf } from '../testing/read-pdf.js';

const MEETING = 'stockport-cfsc-2021-11-24';
const REPORT = 'pprr-cfse-2021-q2';

const renderToPdf = async (run: (out: Writable) => Promise<RenderSummary>): Promise<ParsedPdf> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await run(out);
  return readPdf(Buffer.concat(chunks));
};

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A mutable copy of the fixture, for a test that changes what is stored. */
type Editable = {
  meetings: { meeting: { agendaPublishedAt: string | null } }[];
  performanceReports: { reportTo: string }[];
  committees: { name: string }[];
};
const editedDataset = (edit: (dataset: Editable) => void): CouncilDataset => {
  const dataset = structuredClone(fixtureDataset());
  edit(dataset as unknown as Editable);
  return dataset;
};

/** The value cell of every header-block row whose key is `key`, in document order. */
const headerValues = (pdf: ParsedPdf, key: string): string[] =>
  flattenStruct(pdf.structTree.flat())
    .filter((node) => node.role === 'TR' && node.children[0]?.text.trim() === key)
    .map((row) => collapse(row.children[1]?.text ?? ''));

describe('front sheet publication date', () => {
  it('prints the date the agenda was published, as stored, in the UK', async () => {
    const pdf = await renderToPdf((out) =>
      renderAgendaPack(fixtureDataset(), MEETING, 'public', out),
    );
    const front = collapse(pdf.pages[0] ?? '');
    expect(front).toContain('Published');
    expect(front).toContain('Tuesday 16 November 2021');
    expect(headerValues(pdf, 'Published')).toEqual(['Tuesday 16 November 2021']);
  }, 60_000);

  it('takes the UK calendar date of the stored instant (BST in summer)', async () => {
    const dataset = editedDataset((data) => {
      data.meetings[0]!.meeting.agendaPublishedAt = '2021-06-07T23:30:00Z';
    });
    const pdf = await renderToPdf((out) => renderAgendaPack(dataset, MEETING, 'public', out));
    expect(headerValues(pdf, 'Published')).toEqual(['Tuesday 8 June 2021']);
  }, 60_000);

  it('prints no publication line when the agenda has not been published', async () => {
    const dataset = editedDataset((data) => {
      data.meetings[0]!.meeting.agendaPublishedAt = null;
    });
    const pdf = await renderToPdf((out) => renderAgendaPack(dataset, MEETING, 'public', out));
    expect(collapse(pdf.pages[0] ?? '')).not.toContain('Published');
    expect(headerValues(pdf, 'Published')).toEqual([]);
  }, 60_000);
});

describe('standalone PPRR title', () => {
  it('names the portfolio in the document title, dc:title and the H1', async () => {
    const pdf = await renderToPdf((out) => renderPerformanceReport(fixtureDataset(), REPORT, out));
    const portfolio = 'Children, Family Services and Education';
    expect(pdf.metadata.title).toContain(portfolio);
    expect(pdf.metadata.xmpTitle).toContain(portfolio);
    const h1 = flattenStruct(pdf.structTree.flat()).filter((node) => node.role === 'H1');
    expect(h1).toHaveLength(1);
    expect(collapse(h1[0]?.text ?? '')).toContain(portfolio);
    expect(collapse(h1[0]?.text ?? '')).toContain('Portfolio Performance and Resources');
  }, 60_000);

  it('gives reports of two portfolios different titles', async () => {
    const dataset = editedDataset(() => undefined) as unknown as {
      portfolios: { code: string; name: string }[];
      performanceReports: { id: string; portfolioCode: string }[];
    };
    dataset.portfolios.push({ ...dataset.portfolios[0]!, code: 'ASC', name: 'Adult Social Care' });
    dataset.performanceReports.push({
      ...dataset.performanceReports[0]!,
      id: 'pprr-asc-2021-q2',
      portfolioCode: 'ASC',
    });
    const council = dataset as unknown as CouncilDataset;
    const first = await renderToPdf((out) => renderPerformanceReport(council, REPORT, out));
    const second = await renderToPdf((out) =>
      renderPerformanceReport(council, 'pprr-asc-2021-q2', out),
    );
    expect(second.metadata.title).toContain('Adult Social Care');
    expect(second.metadata.title).not.toBe(first.metadata.title);
  }, 60_000);
});

describe('REPORT TO in a pack', () => {
  it('names the committee one way (its stored name, in the header’s capitals) on every report, PPRR included', async () => {
    const dataset = editedDataset((data) => {
      data.committees[0]!.name = 'Children & Families Scrutiny Committee';
      data.performanceReports[0]!.reportTo = 'CHILDREN AND FAMILIES SCRUTINY COMMITTEE';
    });
    const pdf = await renderToPdf((out) => renderAgendaPack(dataset, MEETING, 'confidential', out));
    const values = headerValues(pdf, 'REPORT TO:');
    // The pack's sections report and its PPRR at least.
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(new Set(values)).toEqual(new Set(['CHILDREN & FAMILIES SCRUTINY COMMITTEE']));
  }, 60_000);
});

describe('contact mail links', () => {
  it('describe every contact’s mail link by whom it reaches', () => {
    const runs = contactRuns({
      name: 'Jane Smith',
      role: 'Democratic Services Officer',
      email: 'jane.smith@stockport.gov.uk',
      phone: '0161 474 0000',
    } as Parameters<typeof contactRuns>[0]);
    const mail = runs.find((run) => run.link?.kind === 'url');
    expect(mail?.link).toEqual({
      kind: 'url',
      url: 'mailto:jane.smith@stockport.gov.uk',
      description: 'Email Jane Smith (jane.smith@stockport.gov.uk)',
    });
  });

  it('reach the PDF as the link annotation’s Contents', async () => {
    const pdf = await renderToPdf((out) =>
      renderAgendaPack(fixtureDataset(), MEETING, 'public', out),
    );
    const mailLinks = pdf.links.flat().filter((link) => link.url?.startsWith('mailto:'));
    expect(mailLinks.length).toBeGreaterThan(0);
    for (const link of mailLinks) expect(link.contents).toMatch(/^Email .+ \(.+@.+\)$/);
  }, 60_000);
});
