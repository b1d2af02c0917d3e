// Attached PDFs merged into a rendered agenda pack (issue 12, item 4), parsed back: pages in
// their reserved places, stamps and continuous page numbers, agenda ranges that count them,
// outlines nested under the item, and a tagged attachment's structure grafted so the merged
// pack still passes the PDF/UA checker (ours, and the workplace's independent one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { PDFDocument } from 'pdf-lib';
import { isReporterError, renderAgendaPack, type RenderSummary } from '../index.js';
import { ATTACHED_PAGE_SCALE } from './merge.js';
import { renderJob } from '../jobs/render-job.js';
import {
  sha256,
  loaderFor,
  taggedReport,
  untaggedPdf,
  withAttachedFiles,
  type FileFixture,
} from '../fixtures/attachments.fixture.js';
import { checkPdfUa, formatPdfUaFindings } from '../pdfua/check-pdf-ua.js';
import { refText, textAt } from '../pdfua/pdf-objects.js';
import { readStructTree, type StructElement } from '../pdfua/struct-tree.js';
import { readPdf, type ParsedPdf, type PdfOutlineItem } from '../testing/read-pdf.js';
import { renderToBytes } from '../testing/render-bytes.js';

const MEETING = sampleIds.stockportMarch2022;

type Rendered = { bytes: Uint8Array; summary: RenderSummary; pdf: ParsedPdf };

const render = async (
  dataset: CouncilDataset,
  fixtures: readonly FileFixture[] | null,
): Promise<Rendered> => {
  let summary: RenderSummary | undefined;
  const bytes = await renderToBytes(async (out) => {
    summary = await renderAgendaPack(
      dataset,
      MEETING,
      'public',
      out,
      fixtures ? { attachedFiles: loaderFor(fixtures) } : {},
    );
  });
  return {
    bytes,
    summary: summary as RenderSummary,
    pdf: await readPdf(bytes, { readFonts: false }),
  };
};

type PlacedText = {
  str: string;
  x: number;
  y: number;
  width: number;
  pageWidth: number;
  /** Where the text starts as the page is shown (rotation applied), from its top left. */
  shown: { x: number; y: number; pageWidth: number; pageHeight: number };
};

/** Text items of a page with their place, from pdfjs. */
const pageItems = async (bytes: Uint8Array, pageNumber: number): Promise<PlacedText[]> => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const [, , pageWidth] = page.view as [number, number, number, number];
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    return content.items.flatMap((item) => {
      if (!('str' in item) || item.str.trim() === '') return [];
      const x = item.transform[4] as number;
      const y = item.transform[5] as number;
      const [shownX, shownY] = viewport.convertToViewportPoint(x, y) as [number, number];
      return [
        {
          str: item.str,
          x,
          y,
          width: item.width,
          pageWidth,
          shown: { x: shownX, y: shownY, pageWidth: viewport.width, pageHeight: viewport.height },
        },
      ];
    });
  } finally {
    await document.destroy();
  }
};

const find = (items: readonly PdfOutlineItem[], title: string): PdfOutlineItem | undefined => {
  for (const item of items) {
    if (item.title === title) return item;
    const below = find(item.children, title);
    if (below) return below;
  }
  return undefined;
};

const shifted = (items: readonly PdfOutlineItem[], by: number): unknown[] =>
  items.map((item) => ({
    title: item.title,
    pageNumber: item.pageNumber === null ? null : item.pageNumber + by,
    children: shifted(item.children, by),
  }));

const descendants = (element: StructElement): StructElement[] =>
  element.kids.flatMap((kid) =>
    kid.kind === 'element' ? [kid.element, ...descendants(kid.element)] : [],
  );

const pythonChecker = '/work/shared/checks/pdfua-check.py';
const hasPythonChecker =
  existsSync(pythonChecker) && spawnSync('/usr/bin/python3', ['-c', 'import pikepdf']).status === 0;

describe('attached PDFs merged into the agenda pack', () => {
  let base: CouncilDataset;
  let report: FileFixture;
  let secondReport: FileFixture;
  let untagged: FileFixture;
  let reportPdf: ParsedPdf;
  let plain: Rendered;
  let tagged: Rendered;
  let mixed: Rendered;

  beforeAll(async () => {
    base = loadSampleCouncil();
    report = {
      title: 'Appendix A: Third quarter performance',
      bytes: await taggedReport(base, sampleIds.cfseQ3Update2021),
    };
    secondReport = {
      title: 'Appendix B: Mid-year performance',
      bytes: await taggedReport(base, sampleIds.cfseMidYear2021),
    };
    untagged = { title: 'Appendix C: Site plans', bytes: await untaggedPdf('Site plans', 3) };
    reportPdf = await readPdf(report.bytes, { readFonts: false });
    plain = await render(base, null);
    tagged = await render(
      await withAttachedFiles(base, MEETING, [
        { itemNumber: '5', fixtures: [report, secondReport] },
      ]),
      [report, secondReport],
    );
    mixed = await render(
      await withAttachedFiles(base, MEETING, [
        { itemNumber: '5', fixtures: [report] },
        { itemNumber: '6', fixtures: [untagged] },
      ]),
      [report, untagged],
    );
  }, 120_000);

  it('puts each attachment’s pages, in order, in the pages reserved after its item’s own', () => {
    const attachments = mixed.summary.attachments ?? [];
    expect(
      attachments.map(({ title, itemNumber, pages }) => ({ title, itemNumber, pages })),
    ).toEqual([
      { title: report.title, itemNumber: '5', pages: reportPdf.pageCount },
      { title: untagged.title, itemNumber: '6', pages: 3 },
    ]);
    expect(mixed.pdf.pageCount).toBe(mixed.summary.pages);
    const [first, second] = attachments;
    if (!first || !second) throw new Error('two attachments expected');
    reportPdf.pages.forEach((text, index) => {
      const firstLine = text.split('\n').find((line) => line.length > 20) ?? '';
      expect(mixed.pdf.pages[first.firstPage - 1 + index]).toContain(firstLine);
    });
    for (let index = 0; index < 3; index += 1) {
      expect(mixed.pdf.pages[second.firstPage - 1 + index]).toContain(
        `Site plans page ${index + 1}`,
      );
    }
    // Item 6's first attached page follows its own front page.
    const itemSix = mixed.summary.items?.find((item) => item.number === '6');
    expect(itemSix?.firstPage).toBe(second.firstPage - 1);
    expect(mixed.pdf.pages[second.firstPage - 2]).toContain('6.');
  });

  it('numbers every page "Page N" continuously, attached pages included', () => {
    mixed.pdf.pages.forEach((text, index) => {
      // An attached page's own number may sit under ours, on the same line ("Page 1Page 8").
      const footer = text.split('\n').some((line) => line.endsWith(`Page ${index + 1}`));
      expect({ page: index + 1, footer }).toEqual({
        page: index + 1,
        footer: true,
      });
    });
  });

  it('stamps "Agenda Item N" on the item’s first page only, where its range starts, and numbers attached pages where the pack numbers its own', async () => {
    const [first, second] = mixed.summary.attachments ?? [];
    if (!first || !second) throw new Error('two attachments expected');
    const stampPages = (item: string): number[] =>
      mixed.pdf.pages.flatMap((text, index) =>
        text.split('\n').some((line) => line.includes(`Agenda Item ${item}`)) ? [index + 1] : [],
      );
    const itemFive = mixed.summary.items?.find((item) => item.number === '5');
    const itemSix = mixed.summary.items?.find((item) => item.number === '6');
    expect(stampPages('5')).toEqual([itemFive?.firstPage]);
    expect(stampPages('6')).toEqual([itemSix?.firstPage]);
    expect(stampPages('6')).not.toContain(second.firstPage);
    // Same place as on the pack's own pages: "Page N" centred at the foot.
    const own = await pageItems(mixed.bytes, second.firstPage - 1);
    const attached = await pageItems(mixed.bytes, second.firstPage);
    const at = (items: typeof own, prefix: string) =>
      items.find((item) => item.str.startsWith(prefix));
    const ownFooter = at(own, 'Page ');
    const attachedFooter = at(attached, 'Page ');
    expect(attachedFooter?.str).toBe(`Page ${second.firstPage}`);
    expect(attachedFooter).toBeDefined();
    expect(Math.abs((attachedFooter?.y ?? 0) - (ownFooter?.y ?? 0))).toBeLessThan(0.5);
    expect(
      Math.abs(
        (attachedFooter?.x ?? 0) +
          (attachedFooter?.width ?? 0) / 2 -
          (ownFooter?.x ?? 0) -
          (ownFooter?.width ?? 0) / 2,
      ),
    ).toBeLessThan(0.5);
  });

  it('draws an attached page a little smaller, so its own footer clears the pack’s “Page N”', async () => {
    const [first] = mixed.summary.attachments ?? [];
    if (!first) throw new Error('an attachment expected');
    // The attached report is one of ours: its own footer says "Page 1" where the pack's goes.
    const alone = await pageItems(report.bytes, 1);
    const merged = await pageItems(mixed.bytes, first.firstPage);
    const ownFooter = alone.find((item) => item.str === 'Page 1');
    const packFooter = merged.find((item) => item.str === `Page ${first.firstPage}`);
    const theirFooter = merged.find((item) => item.str === 'Page 1');
    expect(ownFooter && packFooter && theirFooter).toBeDefined();
    // Scaled by ATTACHED_PAGE_SCALE about the centre: the attachment's footer moves up, clear
    // of the pack's (which stays where the pack's own pages have it).
    expect(theirFooter!.y - packFooter!.y).toBeGreaterThan(12);
    const height = 842;
    expect(theirFooter!.y).toBeCloseTo(
      ATTACHED_PAGE_SCALE * ownFooter!.y + (height / 2) * (1 - ATTACHED_PAGE_SCALE),
      0,
    );
    // Everything else of the page is still on it, in the same order.
    const words = (items: readonly PlacedText[]) =>
      items.map((item) => item.str).filter((text) => !/^Page \d+$/.test(text));
    expect(words(merged).filter((text) => !text.startsWith('Agenda Item'))).toEqual(words(alone));
  });

  it('counts the attached pages in the agenda’s page ranges', () => {
    const count = reportPdf.pageCount;
    const before = new Map((plain.summary.items ?? []).map((item) => [item.number, item]));
    const after = new Map((mixed.summary.items ?? []).map((item) => [item.number, item]));
    // Item 5 grows by its attachment; item 6 starts that much later and grows by three.
    expect(after.get('5')?.firstPage).toBe(before.get('5')?.firstPage);
    expect(after.get('5')?.lastPage).toBe((before.get('5')?.lastPage ?? 0) + count);
    expect(after.get('6')?.firstPage).toBe((before.get('6')?.firstPage ?? 0) + count);
    expect(after.get('6')?.lastPage).toBe((before.get('6')?.lastPage ?? 0) + count + 3);
    const agenda = mixed.pdf.pages.slice(0, 2).join('\n').replace(/\s+/g, ' ');
    for (const item of ['5', '6']) {
      const range = after.get(item);
      expect(agenda).toContain(`(Pages ${range?.firstPage} - ${range?.lastPage})`);
    }
  });

  it('nests each attachment’s bookmark, and its own outline, under the item’s', () => {
    const first = tagged.summary.attachments?.[0];
    const second = tagged.summary.attachments?.[1];
    if (!first || !second) throw new Error('two attachments expected');
    const item = tagged.pdf.outline.find((entry) => entry.title.startsWith('5. '));
    const titles = item?.children.map((child) => child.title) ?? [];
    expect(titles).toEqual(expect.arrayContaining([report.title, secondReport.title]));
    expect(titles.indexOf(report.title)).toBeLessThan(titles.indexOf(secondReport.title));
    const bookmark = find(item?.children ?? [], report.title);
    expect(bookmark?.pageNumber).toBe(first.firstPage);
    expect(reportPdf.outline.length).toBeGreaterThan(0);
    expect(shifted(bookmark?.children ?? [], 0)).toEqual(
      shifted(reportPdf.outline, first.firstPage - 1),
    );
    expect(find(item?.children ?? [], secondReport.title)?.pageNumber).toBe(second.firstPage);
  });

  it('grafts a tagged attachment’s structure under a Sect of its item: the pack passes the PDF/UA checker', async () => {
    const findings = await checkPdfUa(tagged.bytes);
    expect(formatPdfUaFindings(findings)).toBe('');
    const document = await PDFDocument.load(tagged.bytes, { updateMetadata: false });
    const pageIndex = new Map(
      document.getPages().map((page, index) => [refText(page.ref) ?? '', index]),
    );
    const tree = readStructTree(document.context, document.catalog, pageIndex);
    for (const attachment of tagged.summary.attachments ?? []) {
      const sect = tree?.elements.find(
        (element) => element.type === 'Sect' && textAt(element.dict, 'T') === attachment.title,
      );
      expect(sect?.parent?.type).toBe('Part');
      const below = descendants(sect as StructElement);
      const roles = new Set(below.map((element) => element.role));
      for (const role of ['H1', 'H2', 'Table', 'TH', 'TD', 'L']) expect(roles).toContain(role);
      // Its content is on its own pages, nowhere else.
      const pages = new Set(below.map((element) => element.page).filter((page) => page !== null));
      for (const page of pages) {
        expect(page as number).toBeGreaterThanOrEqual(attachment.firstPage - 1);
        expect(page as number).toBeLessThan(attachment.firstPage - 1 + attachment.pages);
      }
    }
    // pdfjs follows the ParentTree too: the attached headings are reached from their pages.
    const first = tagged.summary.attachments?.[0];
    const onFirst = JSON.stringify(tagged.pdf.structTree[(first?.firstPage ?? 1) - 1]);
    expect(onFirst).toContain('"role":"Sect"');
    expect(onFirst).toContain('"role":"H1"');
  }, 60_000);

  it('passes the workplace’s PDF/UA checker when the attachments are tagged', () => {
    if (!hasPythonChecker) {
      console.warn(
        'skipped: no /work/shared/checks/pdfua-check.py or no pikepdf for /usr/bin/python3',
      );
      return;
    }
    const folder = mkdtempSync(join(tmpdir(), 'merged-'));
    try {
      const file = join(folder, 'merged.pdf');
      writeFileSync(file, tagged.bytes);
      const run = spawnSync('/usr/bin/python3', [pythonChecker, file], { encoding: 'utf8' });
      expect(run.stdout).toMatch(/\d+ pass, 0 fail/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('appends the merge to pdfkit’s pack as one incremental update, which qpdf reads without repairing it', () => {
    for (const { bytes } of [tagged, mixed]) {
      const text = Buffer.from(bytes).toString('latin1');
      // pdfkit's table and trailer, then the update's, pointing back at it.
      expect(text.match(/startxref\s+\d+\s+%%EOF/g)).toHaveLength(2);
      const first = Number(/startxref\s+(\d+)\s+%%EOF/.exec(text)?.[1]);
      expect(text.slice(text.lastIndexOf('trailer'))).toContain(`/Prev ${first}`);
    }
    if (spawnSync('qpdf', ['--version']).status !== 0) {
      console.warn('skipped the qpdf check: no qpdf');
      return;
    }
    const folder = mkdtempSync(join(tmpdir(), 'merged-'));
    try {
      const file = join(folder, 'merged.pdf');
      writeFileSync(file, mixed.bytes);
      // Exit status 3 (warnings) when qpdf has to rebuild a cross-reference table.
      const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
      expect(`${run.stdout}${run.stderr}`).toContain('No syntax or stream encoding errors');
      expect(run.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('includes an untagged attachment as it is: only its own pages fail the checker', async () => {
    const second = mixed.summary.attachments?.[1];
    const findings = await checkPdfUa(mixed.bytes);
    const pages = new Set(findings.map((finding) => finding.where.page));
    expect([...pages].every((page) => page !== undefined && page >= (second?.firstPage ?? 0))).toBe(
      true,
    );
    expect(new Set(findings.map((finding) => finding.rule))).toEqual(
      new Set(['content.tagged', 'fonts.embedded', 'fonts.tounicode']),
    );
  }, 60_000);

  it('stamps landscape and rotated pages upright, at their foot and top right as shown', async () => {
    const wide = {
      title: 'Appendix D: Landscape',
      bytes: await untaggedPdf('Wide', 1, { size: [841.89, 595.28] }),
    };
    const turned = {
      title: 'Appendix E: Rotated',
      bytes: await untaggedPdf('Turned', 1, { rotate: 90 }),
    };
    const rendered = await render(
      await withAttachedFiles(base, MEETING, [{ itemNumber: '6', fixtures: [turned, wide] }]),
      [wide, turned],
    );
    const [first, second] = rendered.summary.attachments ?? [];
    for (const attachment of [first, second]) {
      const page = attachment?.firstPage ?? 0;
      const items = await pageItems(rendered.bytes, page);
      const footer = items.find((item) => item.str === `Page ${page}`);
      expect(footer).toBeDefined();
      const shown = footer?.shown ?? { x: 0, y: 0, pageWidth: 0, pageHeight: 0 };
      // Landscape as shown (842 wide), the number centred near the foot.
      expect(shown.pageWidth).toBeGreaterThan(shown.pageHeight);
      expect(shown.y).toBeGreaterThan(shown.pageHeight - 40);
      expect(shown.y).toBeLessThan(shown.pageHeight);
      expect(Math.abs(shown.x + (footer?.width ?? 0) / 2 - shown.pageWidth / 2)).toBeLessThan(1);
    }
  }, 60_000);

  it('merges the same way from a render job (files as base64, for a thread or a queue)', async () => {
    const dataset = await withAttachedFiles(base, MEETING, [
      { itemNumber: '5', fixtures: [report] },
      { itemNumber: '6', fixtures: [untagged] },
    ]);
    const job = {
      kind: 'agenda-pack' as const,
      meetingId: MEETING,
      edition: 'public' as const,
      dataset,
      attachedFiles: Object.fromEntries(
        [report, untagged].map((file) => [
          sha256(file.bytes),
          Buffer.from(file.bytes).toString('base64'),
        ]),
      ),
    };
    const fromJob = await renderJob(JSON.parse(JSON.stringify(job)) as typeof job);
    expect(Buffer.compare(fromJob, Buffer.from(mixed.bytes))).toBe(0);
    const missing = await renderJob({ ...job, attachedFiles: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(isReporterError(missing) && missing.code).toBe('REPORTER.INCONSISTENT_DATA');
  }, 60_000);

  it('refuses a file whose pages are not the pages reserved for it', async () => {
    const dataset = await withAttachedFiles(base, MEETING, [
      { itemNumber: '5', fixtures: [untagged] },
    ]);
    const wrong = await untaggedPdf('Other', 2);
    const error = await renderToBytes((out) =>
      renderAgendaPack(dataset, MEETING, 'public', out, { attachedFiles: { load: () => wrong } }),
    ).catch((caught: unknown) => caught);
    expect(isReporterError(error) && error.code).toBe('REPORTER.ATTACHMENT_MISMATCH');
  }, 60_000);
});
