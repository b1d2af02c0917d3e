import { Writable } from 'node:stream';
import {
  renderAgendaPack,
  renderMinutes,
  renderPerformanceReport,
  ReporterError,
  type RenderSummary,
} from '../index.js';
import {
  EXEMPT_APPENDIX_MARKER,
  EXEMPT_ITEM_MARKER,
  fixtureDataset,
} from '../fixtures/council.fixture.js';
import { flattenStruct, pagesContaining, readPdf, type ParsedPdf } from '../testing/read-pdf.js';

const MEETING = 'stockport-cfsc-2021-11-24';

/** A writable that keeps what it is given, like a file or an HTTP response would. */
const sink = (): { stream: Writable; bytes: () => Buffer } => {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
};

type Rendered = { bytes: Buffer; summary: RenderSummary; pdf: ParsedPdf };

const render = async (run: (out: Writable) => Promise<RenderSummary>): Promise<Rendered> => {
  const out = sink();
  const summary = await run(out.stream);
  const bytes = out.bytes();
  return { bytes, summary, pdf: await readPdf(bytes) };
};

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

describe('agenda pack', () => {
  let publicPack: Rendered;
  let confidentialPack: Rendered;

  beforeAll(async () => {
    const dataset = fixtureDataset();
    publicPack = await render((out) => renderAgendaPack(dataset, MEETING, 'public', out));
    confidentialPack = await render((out) =>
      renderAgendaPack(dataset, MEETING, 'confidential', out),
    );
  }, 60_000);

  it('numbers every page "Page N" through the whole pack', () => {
    for (const { pdf, summary } of [publicPack, confidentialPack]) {
      expect(pdf.pageCount).toBe(summary.pages);
      pdf.pages.forEach((text, index) =>
        expect(text).toMatch(new RegExp(`\\bPage ${index + 1}\\b`)),
      );
    }
  });

  it('prints agenda page ranges that match where each item starts and ends', () => {
    for (const { pdf, summary } of [publicPack, confidentialPack]) {
      const agenda = collapse(pdf.pages.slice(0, 2).join(' '));
      for (const item of summary.items ?? []) {
        const range =
          item.firstPage === item.lastPage
            ? `(Page ${item.firstPage})`
            : `(Pages ${item.firstPage} - ${item.lastPage})`;
        expect(agenda).toContain(range);
        expect(pagesContaining(pdf, `Agenda Item ${item.number}`)).toEqual([item.firstPage]);
        // The item runs to the page before the next item (or the end of the pack).
        const next = (summary.items ?? []).find((other) => other.firstPage > item.firstPage);
        expect(item.lastPage).toBe(next ? next.firstPage - 1 : pdf.pageCount);
      }
    }
  });

  it('keeps exempt content out of the public edition: text, bookmarks, metadata and links', () => {
    const { pdf, bytes } = publicPack;
    const everything = [
      ...pdf.pages,
      JSON.stringify(pdf.outline),
      JSON.stringify(pdf.metadata),
      JSON.stringify(pdf.links),
      JSON.stringify(pdf.structTree),
    ].join('\n');
    for (const marker of [EXEMPT_ITEM_MARKER, EXEMPT_APPENDIX_MARKER]) {
      expect(everything).not.toContain(marker);
      expect(bytes.includes(Buffer.from(marker))).toBe(false);
    }
    expect(collapse(pdf.pages.join(' '))).not.toMatch(/NOT FOR PUBLICATION/);
    // The exempt item is still on the agenda, with its paragraph, but has no pages.
    expect(collapse(pdf.pages[0] ?? '')).toContain('Residential Placements Contract Award');
    expect(collapse(pdf.pages[0] ?? '')).toContain('paragraph 3 of Part 1 of Schedule 12A');
    expect(publicPack.summary.items?.map((item) => item.number)).toEqual(['3', '4']);
    // The exempt appendix is replaced by a notice naming it and its paragraph.
    expect(
      pagesContaining(pdf, 'Appendix 1 – Tender evaluation scores: not for publication'),
    ).toHaveLength(1);
  });

  it('carries the exempt item and appendix in the confidential edition, every page marked', () => {
    const { pdf, summary } = confidentialPack;
    expect(pagesContaining(pdf, EXEMPT_ITEM_MARKER)).toHaveLength(1);
    expect(pagesContaining(pdf, EXEMPT_APPENDIX_MARKER)).toHaveLength(1);
    const item6 = summary.items?.find((item) => item.number === '6');
    expect(item6).toBeDefined();
    for (let page = item6?.firstPage ?? 0; page <= (item6?.lastPage ?? -1); page += 1) {
      expect(collapse(pdf.pages[page - 1] ?? '')).toContain('NOT FOR PUBLICATION');
    }
    const appendixPage = pagesContaining(pdf, EXEMPT_APPENDIX_MARKER)[0] ?? 0;
    expect(collapse(pdf.pages[appendixPage - 1] ?? '')).toContain('NOT FOR PUBLICATION');
  });

  it('opens with the front sheet in reading order', () => {
    const front = collapse(publicPack.pdf.pages[0] ?? '');
    const order = [
      'Public Document Pack',
      'Children and Families Scrutiny Committee',
      'Wednesday 24 November 2021',
      '6.00 pm',
      'Membership',
      'Wendy Meikle (Chair)',
      'Contact',
      'AGENDA',
      'Apologies',
      'Items to be taken in private',
    ];
    const positions = order.map((text) => front.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('is a tagged PDF/UA file with title, language, structure and embedded Arimo', () => {
    const { pdf } = publicPack;
    expect(pdf.metadata.isTagged).toBe(true);
    expect(pdf.metadata.pdfUaPart).toBe(1);
    expect(pdf.metadata.lang).toBe('en-GB');
    expect(pdf.metadata.title).toContain('Children and Families Scrutiny Committee');
    expect(
      pdf.pageSizes.every(
        ([width, height]) => Math.round(width) === 595 && Math.round(height) === 842,
      ),
    ).toBe(true);
    const roles = new Set(
      pdf.structTree.flatMap((page) => flattenStruct(page).map((node) => node.role)),
    );
    for (const role of [
      'H1',
      'H2',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'TR',
      'TH',
      'TD',
      'Link',
    ])
      expect(roles).toContain(role);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.name).toMatch(/Arimo/);
      expect(font.isEmbedded).toBe(true);
    }
  });

  it('bookmarks every item and links the agenda to each item page', () => {
    const { pdf, summary } = confidentialPack;
    // Items are top-level bookmarks; "Agenda" (an H2) nests under the committee's name.
    const titles = pdf.outline.flatMap((entry) => [
      entry.title,
      ...entry.children.map((child) => child.title),
    ]);
    for (const item of summary.items ?? []) {
      const entry = pdf.outline.find((candidate) => candidate.title.startsWith(`${item.number}. `));
      expect(entry?.pageNumber).toBe(item.firstPage);
    }
    expect(titles).toContain('Agenda');
    const internal = pdf.links.flat().filter((link) => link.destPageNumber !== null);
    expect(internal.map((link) => link.destPageNumber).sort()).toEqual(
      (summary.items ?? []).map((item) => item.firstPage).sort(),
    );
    expect(internal.every((link) => link.hasStructParent)).toBe(true);
  });

  it('gives byte-identical files for the same data', async () => {
    const again = await render((out) => renderAgendaPack(fixtureDataset(), MEETING, 'public', out));
    expect(again.bytes.equals(publicPack.bytes)).toBe(true);
  });

  it('rejects an unknown meeting with a ReporterError naming it', async () => {
    const out = sink();
    await expect(
      renderAgendaPack(fixtureDataset(), 'no-such-meeting', 'public', out.stream),
    ).rejects.toThrow(ReporterError);
    await expect(
      renderAgendaPack(fixtureDataset(), 'no-such-meeting', 'public', out.stream),
    ).rejects.toThrow(/no-such-meeting/);
  });
});

describe('branding', () => {
  const PIXEL =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it("puts the council's logo on the front sheet as a figure with alternative text", async () => {
    const dataset = fixtureDataset();
    const branded = {
      ...dataset,
      authorities: dataset.authorities.map((authority) => ({
        ...authority,
        style: { ...authority.style, logo: PIXEL },
      })),
    };
    const { pdf } = await render((out) => renderAgendaPack(branded, MEETING, 'public', out));
    const figures = (pdf.structTree[0] ?? [])
      .flatMap((node) => flattenStruct([node]))
      .filter((node) => node.role === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual([
      'Stockport Metropolitan Borough Council logo',
    ]);
  });

  it('prints a character the font lacks as "?" and says so in the warnings', async () => {
    const dataset = fixtureDataset();
    const odd = {
      ...dataset,
      committees: dataset.committees.map((committee) => ({
        ...committee,
        name: `${committee.name} \u{1F600}`,
      })),
    };
    const { pdf, summary } = await render((out) => renderAgendaPack(odd, MEETING, 'public', out));
    expect(summary.warnings).toEqual([expect.stringMatching(/U\+1F600/)]);
    expect(pdf.pages[0]).toContain('Children and Families Scrutiny Committee ?');
  });
});

describe('minutes', () => {
  it('prints minute 33 with its paragraphs, bold title, RESOLVED and numbered points, DRAFT on every page', async () => {
    const { pdf } = await render((out) => renderMinutes(fixtureDataset(), MEETING, out));
    const text = collapse(pdf.pages.join(' '));
    const order = [
      'Present',
      'Wendy Meikle (Chair)',
      'Dena Ryness',
      // A substitute is present: listed with the members, once.
      'Councillor Tom Morrison (substitute for Councillor Lisa Smart)',
      'Apologies',
      'received from Councillor Lisa Smart',
      'Colin Foster',
      'No declarations were made.',
      '33. Performance and Resources Report - Quarter 2',
      '33.1',
      '33.2',
      'Rereferrals –',
      '33.3 RESOLVED – That the Committee:',
      '1. Welcomes',
      '2. Welcomes',
      'The meeting closed at 7.45 pm.',
    ];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The Chair's signature line comes last.
    expect(text.lastIndexOf('Chair')).toBeGreaterThan(text.indexOf('The meeting closed'));
    for (const page of pdf.pages) expect(page).toContain('DRAFT');
    // The exempt minute is only a line saying it was taken in private.
    expect(text).not.toContain(EXEMPT_ITEM_MARKER);
    expect(text).toContain('This item was considered in private');
  });
});

describe('performance report', () => {
  it('prints the header block, lettered recommendations, measures with RAG words and money in pounds', async () => {
    const { pdf, summary } = await render((out) =>
      renderPerformanceReport(fixtureDataset(), 'pprr-cfse-2021-q2', out),
    );
    const text = collapse(pdf.pages.join(' '));
    for (const needle of [
      'REPORT TO:',
      'DATE:',
      'REPORT OF:',
      'REPORT TITLE:',
      '1.1',
      'a) Consider',
      'b) Review',
      'Part One – Portfolio Overview',
      'CFSE11',
      '78.8%',
      '61.2%',
      'Part Two – Financial Resources and Monitoring',
      '45,123,000',
      '794,000',
    ]) {
      expect(text).toContain(needle);
    }
    expect(summary.warnings).toEqual([]);
    const roles = new Set(
      pdf.structTree.flatMap((page) => flattenStruct(page).map((node) => node.role)),
    );
    expect(roles).toContain('TH');
  });

  it('rejects an unknown report', async () => {
    await expect(renderPerformanceReport(fixtureDataset(), 'nope', sink().stream)).rejects.toThrow(
      /nope/,
    );
  });
});
