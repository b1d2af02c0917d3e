// The attached files of a pack in both editions (issue 12, items 4 and 6): a Word report drawn in
// the pack's flow, tagged like a report written inline; an exempt PDF appendix and an exempt Word
// appendix left out of the public pack (never even loaded) and printed in the confidential one
// under the NOT FOR PUBLICATION marking, on the merged pages too.
import type { AgendaItem, ConvertedBlock, CouncilDataset, ItemDocument } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import {
  buildAgendaPackModel,
  docxToReport,
  packAttachedFiles,
  renderAgendaPack,
  type Edition,
  type RenderSummary,
} from '../index.js';
import { sha256, untaggedPdf } from '../fixtures/attachments.fixture.js';
import { makeDocxReport } from '../testing/docx-fixture.js';
import { flattenStruct, readPdf, type ParsedPdf } from '../testing/read-pdf.js';
import { renderToBytes } from '../testing/render-bytes.js';

const MEETING = sampleIds.stockportMarch2022;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF_MARKER = 'ZQX-PDF-PLANTED-7731';
const DOCX_MARKER = 'ZQX-DOCX-PLANTED-4419';

const fileDocument = (
  title: string,
  bytes: Uint8Array,
  mediaType: typeof DOCX | 'application/pdf',
  pageCount: number | undefined,
  exempt: boolean,
): ItemDocument => ({
  title,
  role: 'appendix',
  exemption: exempt ? { paragraph: 3 } : null,
  content: {
    kind: 'file',
    file: {
      sha256: sha256(bytes),
      mediaType,
      byteLength: bytes.byteLength,
      fileName: title,
      ...(pageCount === undefined ? {} : { pageCount }),
    },
  },
});

describe('attached files in the agenda pack, public and confidential', () => {
  let dataset: CouncilDataset;
  const files = new Map<string, Uint8Array>();
  let exemptShas: string[];
  const loads: string[] = [];
  const rendered = new Map<Edition, ParsedPdf>();

  beforeAll(async () => {
    const base = loadSampleCouncil();
    const docx = await makeDocxReport({ clean: true });
    const exemptPdf = await untaggedPdf(PDF_MARKER, 2);
    const exemptDocx = await makeDocxReport({ clean: true, marker: DOCX_MARKER });
    for (const bytes of [docx, exemptPdf, exemptDocx]) files.set(sha256(bytes), bytes);
    exemptShas = [sha256(exemptPdf), sha256(exemptDocx)];
    const extra: ItemDocument[] = [
      fileDocument('Appendix A: Adult social care update', docx, DOCX, undefined, false),
      fileDocument('Appendix B: Contract prices', exemptPdf, 'application/pdf', 2, true),
      fileDocument('Appendix C: Bidders', exemptDocx, DOCX, undefined, true),
    ];
    dataset = {
      ...base,
      meetings: base.meetings.map((document) =>
        document.meeting.id !== MEETING
          ? document
          : {
              ...document,
              agendaItems: document.agendaItems.map((item): AgendaItem =>
                item.number === '5' ? { ...item, documents: [...item.documents, ...extra] } : item,
              ),
            },
      ),
    };
    for (const edition of ['public', 'confidential'] as const) {
      const bytes = await renderToBytes((out) =>
        renderAgendaPack(dataset, MEETING, edition, out, {
          attachedFiles: {
            load: (hash) => {
              loads.push(`${edition}:${hash}`);
              const found = files.get(hash);
              if (found === undefined) throw new Error(`no file ${hash}`);
              return found;
            },
          },
        }),
      );
      rendered.set(edition, await readPdf(bytes, { readFonts: false }));
    }
  }, 120_000);

  it('lists, and loads, only the files the edition prints', () => {
    const listed = packAttachedFiles(dataset, MEETING, 'public');
    expect([...listed.pdfs, ...listed.docx]).not.toEqual(expect.arrayContaining([exemptShas[0]]));
    expect(listed.docx).toHaveLength(1);
    expect(loads.filter((load) => load.startsWith('public:'))).toHaveLength(1);
    for (const hash of exemptShas) {
      expect(loads).not.toContain(`public:${hash}`);
      expect(loads).toContain(`confidential:${hash}`);
    }
  });

  it('draws the Word report in the flow, tagged as headings, lists and a table', () => {
    const pdf = rendered.get('public') as ParsedPdf;
    const text = pdf.pages.join('\n');
    expect(text).toContain('Adult Social Care: Quarter 2 Update');
    expect(text).toContain('Assessments completed within 28 days');
    expect(text).not.toContain('attached to the item as a file, Appendix A');
    const roles = new Set(pdf.structTree.flatMap((page) => flattenStruct(page)).map((n) => n.role));
    for (const role of ['H3', 'H4', 'L', 'LI', 'Table', 'TH', 'TD']) expect(roles).toContain(role);
  });

  it('leaves the exempt files out of the public pack but for their titles and paragraph', () => {
    const pdf = rendered.get('public') as ParsedPdf;
    const everything = [
      pdf.pages.join('\n'),
      JSON.stringify(pdf.outline),
      JSON.stringify(pdf.metadata),
    ].join('\n');
    expect(everything).not.toContain(PDF_MARKER);
    expect(everything).not.toContain(DOCX_MARKER);
    expect(everything).not.toContain('NOT FOR PUBLICATION');
    expect(pdf.pages.join('\n')).toContain('Appendix B: Contract prices: not for publication');
    expect(pdf.pages.join('\n')).toContain('Appendix C: Bidders: not for publication');
  });

  it('prints a notice, and warns, for a Word document that cannot be converted, rather than fail', async () => {
    // A ZIP that is no Word document: the upload's checks refuse it, but a pack must not fail on one.
    const broken = new Uint8Array(Buffer.from('PK\u0003\u0004 not really a Word document'));
    const withBroken: CouncilDataset = {
      ...dataset,
      meetings: dataset.meetings.map((document) =>
        document.meeting.id !== MEETING
          ? document
          : {
              ...document,
              agendaItems: document.agendaItems.map((item): AgendaItem =>
                item.number === '5'
                  ? {
                      ...item,
                      documents: [
                        ...item.documents,
                        fileDocument('Appendix F: Broken', broken, DOCX, undefined, false),
                      ],
                    }
                  : item,
              ),
            },
      ),
    };
    let summary: RenderSummary | undefined;
    const bytes = await renderToBytes(async (out) => {
      summary = await renderAgendaPack(withBroken, MEETING, 'public', out, {
        attachedFiles: {
          load: (hash) => (hash === sha256(broken) ? broken : (files.get(hash) as Uint8Array)),
        },
      });
    });
    const text = (await readPdf(bytes, { readFonts: false })).pages.join('\n');
    expect(text).toContain('Appendix F: Broken: attached file');
    expect(text).toContain('Adult Social Care: Quarter 2 Update');
    expect(summary?.warnings.some((warning) => warning.includes(sha256(broken)))).toBe(true);
  }, 60_000);

  it('draws the Word documents from conversions it is given, never asking for their bytes, to the same bytes', async () => {
    const draw = (options: Parameters<typeof renderAgendaPack>[4]) =>
      renderToBytes((out) => renderAgendaPack(dataset, MEETING, 'confidential', out, options));
    const asked: string[] = [];
    const load = (hash: string): Uint8Array => {
      asked.push(hash);
      const found = files.get(hash);
      if (found === undefined) throw new Error(`no file ${hash}`);
      return found;
    };
    const { docx } = packAttachedFiles(dataset, MEETING, 'confidential');
    expect(docx.length).toBeGreaterThanOrEqual(2);
    const convertedReports: Record<string, ConvertedBlock[]> = {};
    for (const hash of docx) convertedReports[hash] = (await docxToReport(files.get(hash)!)).blocks;
    // Through JSON, as the API stores and sends them.
    const given = await draw({
      attachedFiles: { load },
      convertedReports: JSON.parse(JSON.stringify(convertedReports)) as typeof convertedReports,
    });
    expect(asked.filter((hash) => docx.includes(hash))).toEqual([]);
    const converting = await draw({ attachedFiles: { load } });
    expect(asked.filter((hash) => docx.includes(hash)).sort()).toEqual([...docx].sort());
    expect(Buffer.from(given).equals(Buffer.from(converting))).toBe(true);
  }, 60_000);

  it('prints them in the confidential pack, marked NOT FOR PUBLICATION on every page', () => {
    const pdf = rendered.get('confidential') as ParsedPdf;
    const pdfPages = pdf.pages.flatMap((page, index) => (page.includes(PDF_MARKER) ? [index] : []));
    expect(pdfPages).toHaveLength(2);
    for (const index of pdfPages) {
      expect(pdf.pages[index]).toContain('NOT FOR PUBLICATION');
      expect(pdf.pages[index]).toContain('paragraph 3');
    }
    const docxPage = pdf.pages.findIndex((page) => page.includes(DOCX_MARKER));
    expect(docxPage).toBeGreaterThan(0);
    expect(pdf.pages[docxPage]).toContain('NOT FOR PUBLICATION');
  });

  it('draws a Word document that is the item’s report under the item, with its header and contacts', async () => {
    const docx = [...files.values()][0] as Uint8Array;
    const { blocks } = await docxToReport(docx);
    const report: ItemDocument = {
      ...fileDocument('Report of the Director', docx, DOCX, undefined, false),
      role: 'report',
    };
    const model = buildAgendaPackModel(
      {
        ...dataset,
        meetings: dataset.meetings.map((document) =>
          document.meeting.id !== MEETING
            ? document
            : {
                ...document,
                agendaItems: document.agendaItems.map((item): AgendaItem =>
                  item.number === '5' ? { ...item, documents: [report] } : item,
                ),
              },
        ),
      },
      MEETING,
      'public',
      { convertedReports: new Map([[sha256(docx), blocks]]) },
    );
    const section = model.items.find((item) => item.number === '5')?.section;
    const kinds = section?.blocks.map((block) => block.kind) ?? [];
    // Item heading, summary, the report's header (key-value), then the converted report.
    expect(kinds.indexOf('key-value')).toBeGreaterThan(0);
    const headings = (section?.blocks ?? []).flatMap((block) =>
      block.kind === 'heading' ? [[block.level, block.runs.map((run) => run.text).join('')]] : [],
    );
    expect(headings[0]?.[0]).toBe(1);
    expect(headings).toContainEqual([2, 'Adult Social Care: Quarter 2 Update']);
    expect(headings).not.toContainEqual([2, 'Report of the Director']);
    expect(kinds).not.toContain('notice');
    expect(headings.map(([, text]) => text)).toContain('Contact officers');
  });
});
