// Attached files in the API's agenda pack (issue 12, items 4 and 6): a Word report, a tagged PDF
// (our own reporter's) and an untagged PDF uploaded to an item are printed in both editions — the
// Word report converted and drawn in the pack's flow, the PDFs merged after the item's pages —
// and an exempt PDF appendix and an exempt Word appendix, each with a planted marker, only in the
// confidential edition, under NOT FOR PUBLICATION. Both editions are parsed back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { makeDocxReport, flattenStruct, type ParsedPdf } from '@scrutineer/reporter/testing';
import { FILE_STORE, type FileStore } from '../src/files/file-store.js';
import { renderJob } from '@scrutineer/reporter/jobs';
import { anonymousCaller } from '../src/auth/caller.js';
import { DatabaseFileStore } from '../src/files/database-file-store.js';
import { docxConversionCount } from '../src/files/file-conversions.js';
import { MeetingDocumentsService } from '../src/meeting-documents/meeting-documents.service.js';
import { DocumentRenderingService } from '../src/rendering/document-rendering.service.js';
import { RENDERER, type Renderer } from '../src/rendering/renderer.js';
import { makePdf, uploadDocument } from './support/attachments.js';
import { SAMPLE } from './support/documents.js';
import { everythingIn, fetchPdf, parsePdf } from './support/pdf.js';
import { publishSupplement } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MEETING = SAMPLE.stockportMarch2022;
const PDF_MARKER = 'ZQ-ATTACHED-PDF-MARKER-51c2';
const DOCX_MARKER = 'ZQ-ATTACHED-DOCX-MARKER-9e4d';
const TITLES = {
  docx: 'Appendix A: Adult social care update',
  tagged: 'Appendix B: Third quarter performance',
  untagged: 'Appendix C: Site plans',
  exemptPdf: 'Appendix D: Tender prices',
  exemptDocx: 'Appendix E: Bidders’ scores',
} as const;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
/** Text with every space gone: a marker may break across lines after a hyphen. */
const squeezed = (text: string): string => text.replace(/\s+/g, '');

type Outline = ParsedPdf['outline'];
const findBookmark = (items: Outline, title: string): Outline[number] | undefined => {
  for (const item of items) {
    if (item.title === title) return item;
    const below = findBookmark(item.children, title);
    if (below) return below;
  }
  return undefined;
};

describeEachDatabase('attached files printed in the agenda pack', (kind) => {
  let t: TestApp;
  let item: { id: string; number: string; title: string };
  let files: Record<keyof typeof TITLES, Buffer>;
  let taggedPages: number;
  let loads: string[];
  let seeded: string[];
  /** The sample's own Word papers (their conversions are stored by the seed). */
  let seededDocx: string[];
  /** What each render job handed the renderer carried (SHA-256s), and how many conversions the API made meanwhile. */
  const jobs: { attachedFiles: string[]; convertedReports: string[] }[] = [];
  let conversionsDuringRenders: number;
  const editions: Partial<Record<'public' | 'confidential', { bytes: Buffer; pdf: ParsedPdf }>> =
    {};

  const upload = (file: Buffer, name: string, fields: Record<string, string>) =>
    uploadDocument(t, item.id, {
      file,
      filename: name,
      fields: { urgencyReason: 'Received after the agenda was published', ...fields },
    }).expect(201);
  const pack = async (edition: 'public' | 'confidential') => {
    const response = await fetchPdf(
      t,
      `/api/v1/meetings/${MEETING}/agenda-pack.pdf?edition=${edition}`,
      edition === 'public' ? undefined : t.tokens.clerk,
    ).expect(200);
    return response.body as Buffer;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    item = (
      agenda.body.items as {
        id: string;
        number: string;
        title: string;
        kind: string;
        exemption: unknown;
      }[]
    ).find((candidate) => candidate.exemption === null && candidate.kind === 'report')!;
    // The sample's own papers (the seed attaches them): every render reads them too.
    seeded = (
      agenda.body.items as {
        documents: { content: { kind: string; file?: { sha256: string } } | null }[];
      }[]
    ).flatMap((candidate) =>
      candidate.documents.flatMap((d) =>
        d.content?.kind === 'file' ? [d.content.file!.sha256] : [],
      ),
    );
    seededDocx = (
      agenda.body.items as {
        documents: {
          content: { kind: string; file?: { sha256: string; mediaType: string } } | null;
        }[];
      }[]
    ).flatMap((candidate) =>
      candidate.documents.flatMap((d) =>
        d.content?.kind === 'file' && d.content.file!.mediaType.includes('wordprocessingml')
          ? [d.content.file!.sha256]
          : [],
      ),
    );
    const tagged = await fetchPdf(t, `/api/v1/reports/stockport-cfse-2021-22-q3.pdf`).expect(200);
    files = {
      docx: Buffer.from(await makeDocxReport({ clean: true })),
      tagged: tagged.body as Buffer,
      untagged: await makePdf('Site plans, untagged', 2),
      exemptPdf: await makePdf(`Tender prices ${PDF_MARKER}`, 2),
      exemptDocx: Buffer.from(await makeDocxReport({ clean: true, marker: DOCX_MARKER })),
    };
    taggedPages = (await parsePdf(files.tagged)).pageCount;
    await upload(files.docx, 'adult-social-care.docx', { title: TITLES.docx, role: 'appendix' });
    await upload(files.tagged, 'q3.pdf', { title: TITLES.tagged, role: 'appendix' });
    await upload(files.untagged, 'site-plans.pdf', { title: TITLES.untagged, role: 'appendix' });
    await upload(files.exemptPdf, 'prices.pdf', {
      title: TITLES.exemptPdf,
      role: 'appendix',
      exemptParagraph: '3',
    });
    await upload(files.exemptDocx, 'bidders.docx', {
      title: TITLES.exemptDocx,
      role: 'appendix',
      exemptParagraph: '3',
    });
    // Uploaded after the sample agenda's publication, they are late papers: the public pack
    // prints them once a supplementary agenda has published them.
    await publishSupplement(t, MEETING);
    // Which files each render reads from the store.
    const store = t.app.get<FileStore>(FILE_STORE);
    const get = store.get.bind(store);
    loads = [];
    jest.spyOn(store, 'get').mockImplementation((manager, hash) => {
      loads.push(hash);
      return get(manager, hash);
    });
    // What the renderer (worker threads) is handed to draw.
    const renderer = t.app.get<Renderer>(RENDERER);
    const render = renderer.render.bind(renderer);
    jest.spyOn(renderer, 'render').mockImplementation((job, key) => {
      if (job.kind === 'agenda-pack')
        jobs.push({
          attachedFiles: Object.keys(job.attachedFiles ?? {}),
          convertedReports: Object.keys(job.convertedReports ?? {}),
        });
      return render(job, key);
    });
    const conversionsBefore = docxConversionCount();
    for (const edition of ['public', 'confidential'] as const) {
      const bytes = await pack(edition);
      editions[edition] = { bytes, pdf: await parsePdf(bytes) };
      const out = process.env['ATTACHED_PACK_OUT'];
      if (out) writeFileSync(join(out, `attached-pack-${kind}-${edition}.pdf`), bytes);
    }
    conversionsDuringRenders = docxConversionCount() - conversionsBefore;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const pdfOf = (edition: 'public' | 'confidential'): ParsedPdf => editions[edition]!.pdf;
  /** 1-based pages whose text holds `needle`. */
  const pagesWith = (pdf: ParsedPdf, needle: string): number[] =>
    pdf.pages.flatMap((text, index) =>
      squeezed(text).includes(squeezed(needle)) ? [index + 1] : [],
    );

  it('numbers every page, attached ones included, continuously', () => {
    for (const edition of ['public', 'confidential'] as const) {
      const pdf = pdfOf(edition);
      pdf.pages.forEach((text, index) => {
        expect({ edition, page: index + 1, numbered: text.includes(`Page ${index + 1}`) }).toEqual({
          edition,
          page: index + 1,
          numbered: true,
        });
      });
    }
    // The confidential pack holds the two exempt PDF pages and the exempt Word report's pages more.
    const extra = pdfOf('confidential').pageCount - pdfOf('public').pageCount;
    expect(extra).toBeGreaterThanOrEqual(3);
  });

  it('merges the PDFs after the item, stamped, their bookmarks under the item’s', () => {
    const pdf = pdfOf('public');
    const untagged = pagesWith(pdf, 'Site plans, untagged (page');
    expect(untagged).toHaveLength(2);
    expect(untagged[1]! - untagged[0]!).toBe(1);
    const itemBookmark = pdf.outline.find((entry) => entry.title.startsWith(`${item.number}.`));
    expect(itemBookmark).toBeDefined();
    const children = itemBookmark!.children.map((child) => child.title);
    expect(children).toEqual(expect.arrayContaining([TITLES.docx, TITLES.tagged, TITLES.untagged]));
    const taggedMark = findBookmark(itemBookmark!.children, TITLES.tagged)!;
    // The tagged report's own outline comes with it, under its bookmark.
    expect(taggedMark.children.length).toBeGreaterThan(0);
    const taggedFirst = taggedMark.pageNumber!;
    expect(findBookmark(itemBookmark!.children, TITLES.untagged)!.pageNumber).toBe(untagged[0]);
    expect(untagged[0]).toBe(taggedFirst + taggedPages);
    // "Agenda Item N" on the item's first page only, where its agenda range starts: never on an
    // attached page (../shared/checks/agenda-pack.sh holds every stamped page to a range).
    const stamped = pdf.pages.flatMap((text, index) =>
      text.includes(`Agenda Item ${item.number}`) ? [index + 1] : [],
    );
    expect(stamped).toEqual([itemBookmark!.pageNumber]);
    // The agenda's page range of the item counts the attached pages.
    const range = new RegExp(`\\(Pages (\\d+) - (\\d+)\\)`, 'g');
    const front = pdf.pages.slice(0, itemBookmark!.pageNumber! - 1).join('\n');
    const ranges = [...front.matchAll(range)].map((match) => [Number(match[1]), Number(match[2])]);
    // It ends on the page saying the last appendix (exempt) is not for publication, after them.
    const last = pagesWith(pdf, `${TITLES.exemptDocx}: not for publication`)[0]!;
    expect(last).toBeGreaterThan(untagged[1]!);
    expect(ranges).toContainEqual([itemBookmark!.pageNumber!, last]);
  });

  it('draws the Word report in the pack’s flow, tagged as the pack’s own reports are', () => {
    const pdf = pdfOf('public');
    const nodes = pdf.structTree.flatMap((page) => flattenStruct(page));
    const roleOf = (text: string, roles: readonly string[]): string | undefined =>
      nodes.find((node) => roles.includes(node.role) && node.text.includes(text))?.role;
    expect(roleOf(TITLES.docx, ['H2'])).toBe('H2');
    expect(roleOf('Adult Social Care: Quarter 2 Update', ['H3'])).toBe('H3');
    expect(roleOf('Purpose of the report', ['H4'])).toBe('H4');
    expect(roleOf('Agree the recovery plan', ['L'])).toBe('L');
    expect(roleOf('Agree the recovery plan', ['LI'])).toBe('LI');
    expect(roleOf('Measure', ['TH'])).toBe('TH');
    expect(roleOf('Assessments completed within 28 days', ['Table'])).toBe('Table');
    // Drawn, not the notice a pack without the file prints.
    expect(everythingIn(pdf)).not.toContain('This pack does not reproduce it');
    const docxPage = pagesWith(pdf, 'Adult Social Care: Quarter 2 Update')[0]!;
    expect(findBookmark(pdf.outline, TITLES.docx)!.pageNumber).toBe(docxPage);
  });

  it('leaves the exempt files out of the public pack, but for their titles and paragraph', () => {
    const pdf = pdfOf('public');
    const all = squeezed(everythingIn(pdf));
    for (const marker of [PDF_MARKER, DOCX_MARKER]) expect(all).not.toContain(marker);
    expect(all).not.toContain('NOTFORPUBLICATION');
    for (const title of [TITLES.exemptPdf, TITLES.exemptDocx]) {
      expect(all).toContain(squeezed(`${title}: not for publication`));
      expect(findBookmark(pdf.outline, `${title} (not for publication)`)).toBeDefined();
    }
    // Nothing of the files in the bytes either: no embedded file, and the public render never
    // read them from the store.
    const bytes = editions.public!.bytes.toString('latin1');
    expect(bytes).not.toContain('/EmbeddedFiles');
    expect(bytes).not.toContain(PDF_MARKER);
    expect(bytes).not.toContain(DOCX_MARKER);
    // Only the PDFs' bytes: the Word documents' conversions are read as stored.
    const seededPdfs = seeded.filter((sha) => !seededDocx.includes(sha));
    const publicLoads = loads.slice(0, 2 + seededPdfs.length);
    expect(publicLoads.sort()).toEqual(
      [...[files.tagged, files.untagged].map(sha256), ...seededPdfs].sort(),
    );
  });

  it('hands the renderer the Word documents’ stored conversions, never their bytes, and converts none', () => {
    expect(jobs).toHaveLength(2);
    const seededPdfs = seeded.filter((sha) => !seededDocx.includes(sha));
    expect(seededDocx.length).toBeGreaterThan(0);
    const [publicJob, confidentialJob] = jobs;
    expect(publicJob!.convertedReports.sort()).toEqual([sha256(files.docx), ...seededDocx].sort());
    expect(publicJob!.attachedFiles.sort()).toEqual(
      [...[files.tagged, files.untagged].map(sha256), ...seededPdfs].sort(),
    );
    expect(confidentialJob!.convertedReports.sort()).toEqual(
      [sha256(files.docx), sha256(files.exemptDocx), ...seededDocx].sort(),
    );
    for (const job of jobs)
      for (const docx of [files.docx, files.exemptDocx].map(sha256))
        expect(job.attachedFiles).not.toContain(docx);
    // Neither the API nor (sent no Word bytes) the renderer converted a Word document.
    expect(conversionsDuringRenders).toBe(0);
  });

  it('draws the same bytes from the stored conversions as the reporter converting the files itself', async () => {
    const dataset = await t.app
      .get(MeetingDocumentsService)
      .meetingDataset(MEETING, 'public', anonymousCaller(null));
    // Another store over the same table: the app's is counting its reads.
    const store = new DatabaseFileStore();
    const all: Record<string, string> = {};
    for (const hash of [...[files.docx, files.tagged, files.untagged].map(sha256), ...seeded])
      all[hash] = (await store.get(t.dataSource.manager, hash))!.toString('base64');
    // No convertedReports: the reporter converts every Word document from its bytes.
    const converting = await renderJob({
      kind: 'agenda-pack',
      meetingId: MEETING,
      edition: 'public',
      dataset,
      attachedFiles: all,
    });
    expect(converting.equals(editions.public!.bytes)).toBe(true);
  }, 60_000);

  it('prints them in the confidential pack, NOT FOR PUBLICATION on every page of theirs', () => {
    const pdf = pdfOf('confidential');
    const pdfPages = pagesWith(pdf, PDF_MARKER);
    expect(pdfPages).toHaveLength(2);
    const docxPages = pagesWith(pdf, DOCX_MARKER);
    expect(docxPages.length).toBeGreaterThan(0);
    for (const page of [...pdfPages, ...docxPages]) {
      const text = squeezed(pdf.pages[page - 1]!);
      expect({ page, marked: text.includes('NOTFORPUBLICATION') }).toEqual({ page, marked: true });
      expect(text).toContain('paragraph3');
    }
    expect(findBookmark(pdf.outline, TITLES.exemptPdf)).toBeDefined();
    const seededPdfs = seeded.filter((sha) => !seededDocx.includes(sha));
    expect(loads.slice(2 + seededPdfs.length).sort()).toEqual(
      [...[files.tagged, files.untagged, files.exemptPdf].map(sha256), ...seededPdfs].sort(),
    );
  });

  it('serves a cached pack without reading a file, and keys it by the files’ SHA-256s', async () => {
    const rendering = t.app.get(DocumentRenderingService);
    const before = rendering.stats();
    const count = loads.length;
    const again = await pack('public');
    expect(Buffer.compare(again, editions.public!.bytes)).toBe(0);
    expect(rendering.stats().cacheHits - before.cacheHits).toBe(1);
    expect(loads.length).toBe(count);
    // Another file is another key; other bytes under the same names are not hashed.
    const job = { kind: 'minutes' as const, meetingId: MEETING, dataset: {} as never };
    const pdfJob = {
      kind: 'agenda-pack' as const,
      meetingId: MEETING,
      edition: 'public' as const,
      dataset: {} as never,
    };
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(rendering.keyOf(pdfJob, { sha256s: [a], load: async () => ({}) })).not.toBe(
      rendering.keyOf(pdfJob, { sha256s: [b], load: async () => ({}) }),
    );
    expect(rendering.keyOf(pdfJob, { sha256s: [a], load: async () => ({}) })).toBe(
      rendering.keyOf({ ...pdfJob, attachedFiles: { [a]: 'AAAA' } }),
    );
    expect(rendering.keyOf({ ...pdfJob, attachedFiles: { [a]: 'AAAA' } })).toBe(
      rendering.keyOf({ ...pdfJob, attachedFiles: { [a]: 'BBBB' } }),
    );
    expect(rendering.keyOf(pdfJob)).not.toBe(
      rendering.keyOf(pdfJob, { sha256s: [], load: async () => ({}) }),
    );
    expect(rendering.keyOf(job)).toMatch(/^[0-9a-f]{64}$/);
  });
});
