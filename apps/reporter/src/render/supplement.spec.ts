// Supplements and late papers (issue 12, item 7): a paper added after the agenda was published
// reaches the public in "Supplementary Agenda No. N", a pack of its own, and the main pack printed
// afterwards marks which papers came late. Every check reads the PDF back.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgendaItem, CouncilDataset, ItemDocument, LatePaper } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import {
  isReporterError,
  packAttachedFiles,
  renderAgendaPack,
  type AgendaPackRenderOptions,
  type Edition,
  type RenderSummary,
} from '../index.js';
import { renderJob } from '../jobs/render-job.js';
import { sha256, untaggedPdf } from '../fixtures/attachments.fixture.js';
import { checkPdfUa, formatPdfUaFindings } from '../pdfua/check-pdf-ua.js';
import { pagesContaining, readPdf, type ParsedPdf } from '../testing/read-pdf.js';

const MEETING = sampleIds.stockportMarch2022;
/** The sample's own late paper: an appendix to item 5, in Supplementary Agenda No. 1. */
const SAMPLE_LATE = 'Appendix – Children Looked After: Placements at 28 February 2022';
const SAMPLE_REASON = 'The placement figures at 28 February 2022 were confirmed on 2 March 2022';

// Papers planted for Supplementary Agenda No. 2, and one waiting for a supplement.
const LATE_ITEM_TITLE = 'Urgent Item – Closure of Hollywood Park Children’s Home';
const LATE_ITEM_TEXT = 'ZQX-LATE-ITEM-TEXT: the home closes on 31 March 2022 after an inspection.';
const LATE_ITEM_REASON = 'ZQX-REASON-ITEM: Ofsted’s letter arrived on 4 March 2022.';
const EXEMPT_APPENDIX = 'Appendix 2 – Provider Costs (exempt)';
const EXEMPT_TEXT =
  'ZQX-EXEMPT-APPENDIX: Brightwater Care Limited charges £6,140 a week per child.';
const EXEMPT_REASON = 'ZQX-REASON-EXEMPT: the provider’s costs were received on 3 March 2022.';
const EXEMPT_ITEM_TITLE = 'Urgent Exempt Item – Emergency Placement Contract';
const EXEMPT_ITEM_TEXT =
  'ZQX-EXEMPT-ITEM: the emergency contract with Larkspur Homes is £2.2 million.';
const EXEMPT_ITEM_REASON = 'ZQX-REASON-EXEMPT-ITEM: the contract must be signed before 10 March.';
const PENDING_TITLE = 'Appendix – Work Programme Additions';
const PENDING_TEXT = 'ZQX-PENDING: a review of short breaks for disabled children in June 2022.';
const PENDING_REASON = 'ZQX-REASON-PENDING: the Chair asked for it on 8 March 2022.';

const late = (urgencyReason: string, supplement: number | null): LatePaper => ({
  urgencyReason,
  addedAt: '2022-03-04T09:00:00Z' as LatePaper['addedAt'] & string,
  supplement,
});

const sectionsDoc = (
  title: string,
  text: string,
  exemption: ItemDocument['exemption'] = null,
): ItemDocument => ({
  title,
  role: 'appendix',
  exemption,
  content: { kind: 'sections', sections: [{ heading: 'Summary', paragraphs: [text] }] },
});

const lateItem = (
  number: string,
  order: number,
  title: string,
  text: string,
  reason: string,
  exemption: AgendaItem['exemption'],
): AgendaItem => ({
  number,
  order,
  kind: 'report',
  title,
  summary: `To consider a late report: ${title}.`,
  recommendations: null,
  reportOf: ['Director of Children’s Services'],
  contacts: [],
  exemption,
  documents: [{ ...sectionsDoc(title, text, exemption), role: 'report' }],
  late: late(reason, 2),
});

/** The sample meeting with `change` applied to its items. */
const withItems = (
  dataset: CouncilDataset,
  change: (items: readonly AgendaItem[]) => AgendaItem[],
): CouncilDataset => ({
  ...dataset,
  meetings: dataset.meetings.map((document) =>
    document.meeting.id === MEETING
      ? { ...document, agendaItems: change(document.agendaItems) }
      : document,
  ),
});

/**
 * The sample (its late appendix to item 5 in No. 1) and, in No. 2: a late open item 6a, a late
 * exempt appendix to item 6 and a late exempt item 10; and a late appendix to item 7 that no
 * supplement has published yet.
 */
const plant = (dataset: CouncilDataset): CouncilDataset =>
  withItems(dataset, (items) => [
    ...items.map((item): AgendaItem => {
      if (item.number === '6')
        return {
          ...item,
          documents: [
            ...item.documents,
            {
              ...sectionsDoc(EXEMPT_APPENDIX, EXEMPT_TEXT, { paragraph: 3 }),
              late: late(EXEMPT_REASON, 2),
            },
          ],
        };
      if (item.number === '7')
        return {
          ...item,
          documents: [
            ...item.documents,
            { ...sectionsDoc(PENDING_TITLE, PENDING_TEXT), late: late(PENDING_REASON, null) },
          ],
        };
      return item.order > 6 ? { ...item, order: item.order + 1 } : item;
    }),
    lateItem('6a', 7, LATE_ITEM_TITLE, LATE_ITEM_TEXT, LATE_ITEM_REASON, null),
    lateItem('10', 11, EXEMPT_ITEM_TITLE, EXEMPT_ITEM_TEXT, EXEMPT_ITEM_REASON, { paragraph: 3 }),
  ]);

const draw = async (
  dataset: CouncilDataset,
  edition: Edition,
  options: AgendaPackRenderOptions = {},
): Promise<{ bytes: Uint8Array; pdf: ParsedPdf; summary: RenderSummary; text: string }> => {
  const chunks: Buffer[] = [];
  const { Writable } = await import('node:stream');
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const summary = await renderAgendaPack(dataset, MEETING, edition, out, options);
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const pdf = await readPdf(bytes, { readFonts: false });
  return { bytes, pdf, summary, text: pdf.pages.join(' ').replace(/\s+/g, ' ') };
};

const inOrder = (text: string, needles: readonly string[]): void => {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect({ needle, found: at >= 0 }).toEqual({ needle, found: true });
    from = at + needle.length;
  }
};

/** Every page says "Page N" for its own N: the supplement is numbered from 1, without gaps. */
const expectContinuousPages = (pdf: ParsedPdf): void => {
  expect(pdf.pageCount).toBeGreaterThan(1);
  pdf.pages.forEach((page, index) => {
    expect({ page: index + 1, footer: page.includes(`Page ${index + 1}`) }).toEqual({
      page: index + 1,
      footer: true,
    });
  });
};

const pythonChecker = '/work/shared/checks/pdfua-check.py';
const hasPythonChecker =
  existsSync(pythonChecker) && spawnSync('/usr/bin/python3', ['-c', 'import pikepdf']).status === 0;

const expectPdfUa = async (bytes: Uint8Array): Promise<void> => {
  expect(formatPdfUaFindings(await checkPdfUa(bytes))).toBe('');
  if (!hasPythonChecker) return;
  const folder = mkdtempSync(join(tmpdir(), 'supplement-'));
  try {
    const file = join(folder, 'pack.pdf');
    writeFileSync(file, bytes);
    const run = spawnSync('/usr/bin/python3', [pythonChecker, file], { encoding: 'utf8' });
    expect({ status: run.status, out: run.status === 0 ? '' : run.stdout }).toEqual({
      status: 0,
      out: '',
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

const titlesOf = (pdf: ParsedPdf): string[] => {
  const walk = (items: ParsedPdf['outline']): string[] =>
    items.flatMap((item) => [item.title, ...walk(item.children)]);
  return walk(pdf.outline);
};

describe('Supplementary Agenda No. 1 of the sample council', () => {
  let dataset: CouncilDataset;
  let drawn: Awaited<ReturnType<typeof draw>>;
  beforeAll(async () => {
    dataset = loadSampleCouncil();
    drawn = await draw(dataset, 'public', { supplement: 1 });
  }, 60_000);

  it('opens with its own front sheet: its title, the meeting, why the papers are late', () => {
    const front = drawn.pdf.pages[0]?.replace(/\s+/g, ' ') ?? '';
    inOrder(front, [
      'Public Document Pack',
      'Supplementary Agenda No. 1',
      'Children & Families Scrutiny Committee',
      'Date Wednesday 9 March 2022',
      'Time 6.00 pm',
      'Venue Committee Room 2, Town Hall, Stockport',
      'Published Monday 28 February 2022',
      'These papers were not available when the agenda for this meeting was published on Monday 28 February 2022',
      'section 100B(4)(b)',
      '5.',
      'Portfolio Performance and Resources - Q3 2021/22 Update Report (Page 2)',
      `Late document: ${SAMPLE_LATE}`,
      `Reason for urgency: ${SAMPLE_REASON}`,
    ]);
    expect(drawn.pdf.metadata.title).toBe(
      'Children & Families Scrutiny Committee, 9 March 2022: Supplementary Agenda No. 1',
    );
  });

  it('holds only that supplement’s paper, under its item’s number and title', () => {
    const second = drawn.pdf.pages[1]?.replace(/\s+/g, ' ') ?? '';
    inOrder(second, [
      'Agenda Item 5',
      '5. Portfolio Performance and Resources - Q3 2021/22 Update Report',
      `Late paper: ${SAMPLE_LATE}, published in Supplementary Agenda No. 1. Reason for urgency: ${SAMPLE_REASON}`,
      SAMPLE_LATE,
      'In-house foster care 212 209',
    ]);
    expect(drawn.pdf.pageCount).toBe(2);
    // Not the item's report (the Q3 PPRR), nor any other item.
    expect(drawn.text).not.toContain('REPORT TO');
    expect(drawn.text).not.toContain('Placement Sufficiency Strategy');
    expect(drawn.text).not.toContain('Award of Contract');
    expect(drawn.summary.items).toEqual([{ number: '5', firstPage: 2, lastPage: 2 }]);
  });

  it('is numbered from 1, bookmarked and tagged to PDF/UA', async () => {
    expectContinuousPages(drawn.pdf);
    expect(titlesOf(drawn.pdf)).toEqual(
      expect.arrayContaining([
        'Supplementary Agenda No. 1',
        '5. Portfolio Performance and Resources - Q3 2021/22 Update Report',
        SAMPLE_LATE,
      ]),
    );
    const item = drawn.pdf.outline
      .flatMap((entry) => [entry, ...entry.children])
      .find((entry) => entry.title.startsWith('5. '));
    expect(item?.pageNumber).toBe(2);
    expect(drawn.pdf.metadata.isTagged).toBe(true);
    await expectPdfUa(drawn.bytes);
  }, 60_000);

  it('marks the late paper in the main pack, on the agenda and on its item’s page', async () => {
    const main = await draw(dataset, 'public');
    const line = `Late paper: ${SAMPLE_LATE}, published in Supplementary Agenda No. 1. Reason for urgency: ${SAMPLE_REASON}`;
    const pages = pagesContaining(main.pdf, line);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toBe(1);
    const itemPage = pagesContaining(main.pdf, 'Agenda Item 5')[0];
    expect(pages[1]).toBe(itemPage);
    // The main pack prints the late paper itself too, in its place.
    expect(main.text).toContain('In-house foster care 212 209');
  }, 60_000);
});

describe('a supplement with a late item, late exempt papers, and a paper still waiting', () => {
  let dataset: CouncilDataset;
  const supplement = new Map<Edition, Awaited<ReturnType<typeof draw>>>();
  const main = new Map<Edition, Awaited<ReturnType<typeof draw>>>();
  beforeAll(async () => {
    dataset = plant(loadSampleCouncil());
    for (const edition of ['public', 'confidential'] as const) {
      supplement.set(edition, await draw(dataset, edition, { supplement: 2 }));
      main.set(edition, await draw(dataset, edition));
    }
  }, 120_000);
  const get = (
    map: Map<Edition, Awaited<ReturnType<typeof draw>>>,
    edition: Edition,
  ): Awaited<ReturnType<typeof draw>> => {
    const found = map.get(edition);
    if (!found) throw new Error(`no ${edition} render`);
    return found;
  };

  it('lists each of its papers with item number, title, pages and reason, and prints only them', () => {
    const { pdf, text, summary } = get(supplement, 'confidential');
    const front = pdf.pages[0]?.replace(/\s+/g, ' ') ?? '';
    inOrder(front, [
      'Confidential Document Pack',
      'NOT FOR PUBLICATION',
      'Supplementary Agenda No. 2',
      '6.',
      'Children’s Placement Sufficiency Strategy 2022-25 (Page',
      `Late document: ${EXEMPT_APPENDIX}`,
      EXEMPT_REASON,
      '6a.',
      LATE_ITEM_TITLE,
      LATE_ITEM_REASON,
      '10.',
      EXEMPT_ITEM_TITLE,
      'paragraph 3 of Part 1 of Schedule 12A',
      EXEMPT_ITEM_REASON,
    ]);
    for (const needle of [EXEMPT_TEXT, LATE_ITEM_TEXT, EXEMPT_ITEM_TEXT])
      expect(text).toContain(needle);
    // Not No. 1's paper, not the waiting one, not item 6's own report.
    expect(text).not.toContain(SAMPLE_LATE);
    expect(text).not.toContain(PENDING_TEXT);
    expect(text).not.toContain('The Council must take steps to secure');
    expect(summary.items?.map((item) => item.number)).toEqual(['6', '6a', '10']);
    // The page ranges on the front sheet are the pages the items are on, numbered on from 2.
    let next = 2;
    for (const item of summary.items ?? []) {
      expect(item.firstPage).toBe(next);
      next = item.lastPage + 1;
    }
    expect(next - 1).toBe(pdf.pageCount);
    expectContinuousPages(pdf);
    // The exempt appendix's pages carry the marking, as in the main pack.
    expect(
      pagesContaining(pdf, EXEMPT_TEXT).every((page) =>
        (pdf.pages[page - 1] ?? '').includes('NOT FOR PUBLICATION'),
      ),
    ).toBe(true);
  });

  it('prints a late item whole, as the main pack does', () => {
    const { text } = get(supplement, 'confidential');
    inOrder(text, [
      'Agenda Item 6a',
      `6a. ${LATE_ITEM_TITLE}`,
      `Late paper: published in Supplementary Agenda No. 2. Reason for urgency: ${LATE_ITEM_REASON}`,
      `To consider a late report: ${LATE_ITEM_TITLE}.`,
      LATE_ITEM_TEXT,
    ]);
  });

  it('is bookmarked and tagged to PDF/UA in both editions', async () => {
    for (const edition of ['public', 'confidential'] as const) {
      const { pdf, bytes } = get(supplement, edition);
      expect(titlesOf(pdf)).toEqual(
        expect.arrayContaining([
          'Supplementary Agenda No. 2',
          '6. Children’s Placement Sufficiency Strategy 2022-25',
          `6a. ${LATE_ITEM_TITLE}`,
        ]),
      );
      await expectPdfUa(bytes);
    }
  }, 60_000);

  it('the public edition names the exempt late papers by title and paragraph, and leaks none of their text', () => {
    const { pdf, text } = get(supplement, 'public');
    const everything = [text, ...titlesOf(pdf), pdf.metadata.title ?? ''].join(' ');
    for (const secret of [EXEMPT_TEXT, EXEMPT_ITEM_TEXT, 'Larkspur', 'Brightwater'])
      expect({ secret, leaked: everything.includes(secret) }).toEqual({ secret, leaked: false });
    expect(text).not.toContain('NOT FOR PUBLICATION');
    inOrder(text, [
      'Public Document Pack',
      'Supplementary Agenda No. 2',
      EXEMPT_APPENDIX,
      '10.',
      EXEMPT_ITEM_TITLE,
      'paragraph 3 of Part 1 of Schedule 12A',
    ]);
    // The exempt item has no pages in the public edition; the open item with the exempt appendix
    // prints the appendix's notice in its place.
    expect(get(supplement, 'public').summary.items?.map((item) => item.number)).toEqual([
      '6',
      '6a',
    ]);
    expect(text).toContain(`${EXEMPT_APPENDIX}: not for publication`);
    expectContinuousPages(pdf);
  });

  it('the main pack marks each late paper, and leaves the waiting one out of the public edition', () => {
    const confidential = get(main, 'confidential').text;
    const publicText = get(main, 'public').text;
    for (const text of [confidential, publicText]) {
      expect(text).toContain(
        `Late paper: published in Supplementary Agenda No. 2. Reason for urgency: ${LATE_ITEM_REASON}`,
      );
      expect(text).toContain(
        `Late paper: ${EXEMPT_APPENDIX}, published in Supplementary Agenda No. 2.`,
      );
      expect(text).toContain(
        `Late paper: ${SAMPLE_LATE}, published in Supplementary Agenda No. 1.`,
      );
    }
    expect(confidential).toContain(
      `Late paper: ${PENDING_TITLE}, not yet published in a supplementary agenda. Reason for urgency: ${PENDING_REASON}`,
    );
    expect(confidential).toContain(PENDING_TEXT);
    for (const unpublished of [
      PENDING_TITLE,
      PENDING_TEXT,
      PENDING_REASON,
      EXEMPT_TEXT,
      EXEMPT_ITEM_TEXT,
    ])
      expect({ unpublished, printed: publicText.includes(unpublished) }).toEqual({
        unpublished,
        printed: false,
      });
  });
});

describe('supplements refused, and their attached files', () => {
  let dataset: CouncilDataset;
  beforeAll(() => {
    dataset = loadSampleCouncil();
  });

  const codeOf = async (run: () => Promise<unknown>): Promise<string> => {
    try {
      await run();
    } catch (error) {
      return isReporterError(error) ? error.code : `not a ReporterError: ${String(error)}`;
    }
    return 'resolved';
  };

  it('refuses a supplement no paper carries, and a number that is not one', async () => {
    const { Writable } = await import('node:stream');
    const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });
    expect(
      await codeOf(() => renderAgendaPack(dataset, MEETING, 'public', sink(), { supplement: 2 })),
    ).toBe('REPORTER.SUPPLEMENT_NOT_FOUND');
    // A meeting with no late paper at all has no supplement 1.
    expect(
      await codeOf(() =>
        renderAgendaPack(dataset, sampleIds.stockportNovember2021, 'public', sink(), {
          supplement: 1,
        }),
      ),
    ).toBe('REPORTER.SUPPLEMENT_NOT_FOUND');
    for (const supplement of [0, -1, 1.5])
      expect(
        await codeOf(() => renderAgendaPack(dataset, MEETING, 'public', sink(), { supplement })),
      ).toBe('REPORTER.INVALID_OPTION');
    expect(() => packAttachedFiles(dataset, MEETING, 'public', { supplement: 3 })).toThrow(
      expect.objectContaining({ code: 'REPORTER.SUPPLEMENT_NOT_FOUND' }),
    );
    // The render job carries the field as the API sends it.
    expect(
      await codeOf(() =>
        renderJob({
          kind: 'agenda-pack',
          meetingId: MEETING,
          edition: 'public',
          dataset,
          supplement: 4,
        }),
      ),
    ).toBe('REPORTER.SUPPLEMENT_NOT_FOUND');
    const job = await renderJob({
      kind: 'agenda-pack',
      meetingId: MEETING,
      edition: 'public',
      dataset,
      supplement: 1,
    });
    expect((await readPdf(job, { readFonts: false })).pages[0]).toContain(
      'Supplementary Agenda No. 1',
    );
  });

  it('lists and merges only the supplement’s attached files', async () => {
    const latePdf = await untaggedPdf('ZQX-LATE-PDF-APPENDIX', 2);
    const onAgendaPdf = await untaggedPdf('ZQX-ON-AGENDA-PDF', 1);
    const file = (title: string, bytes: Uint8Array, lateness?: LatePaper): ItemDocument => ({
      title,
      role: 'appendix',
      exemption: null,
      content: {
        kind: 'file',
        file: {
          sha256: sha256(bytes),
          mediaType: 'application/pdf',
          byteLength: bytes.byteLength,
          fileName: `${title}.pdf`,
          pageCount: title === 'Late site plans' ? 2 : 1,
        },
      },
      ...(lateness === undefined ? {} : { late: lateness }),
    });
    const withFiles = withItems(dataset, (items) =>
      items.map((item) =>
        item.number === '6'
          ? {
              ...item,
              documents: [
                ...item.documents,
                file('Site plans', onAgendaPdf),
                file('Late site plans', latePdf, late('The plans came on 4 March.', 1)),
              ],
            }
          : item,
      ),
    );
    expect(packAttachedFiles(withFiles, MEETING, 'public', { supplement: 1 })).toEqual({
      pdfs: [sha256(latePdf)],
      docx: [],
    });
    expect(packAttachedFiles(withFiles, MEETING, 'public').pdfs).toEqual([
      sha256(onAgendaPdf),
      sha256(latePdf),
    ]);
    const files = new Map([
      [sha256(latePdf), latePdf],
      [sha256(onAgendaPdf), onAgendaPdf],
    ]);
    const loaded: string[] = [];
    const { pdf, text } = await draw(withFiles, 'public', {
      supplement: 1,
      attachedFiles: {
        load: (sha) => {
          loaded.push(sha);
          return files.get(sha) ?? new Uint8Array();
        },
      },
    });
    expect(loaded).toEqual([sha256(latePdf)]);
    expect(text).toContain('ZQX-LATE-PDF-APPENDIX');
    expect(text).not.toContain('ZQX-ON-AGENDA-PDF');
    // Front sheet, item 5's late appendix, item 6's heading page, then the two merged pages.
    expect(pagesContaining(pdf, 'ZQX-LATE-PDF-APPENDIX')).toEqual([
      pdf.pageCount - 1,
      pdf.pageCount,
    ]);
    expect(titlesOf(pdf)).toContain('Late site plans');
    // (No PDF/UA check here: the planted appendix is an untagged PDF, as a scan would be.)
  }, 60_000);
});
