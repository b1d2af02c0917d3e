import { writeFileSync } from 'node:fs';
import type { CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import { PDFDocument } from 'pdf-lib';
import { docxToReport, type DocxConversion } from '../convert/docx-to-report.js';
import { buildAgendaPackModel } from '../model/agenda-pack.model.js';
import { UNDESCRIBED_IMAGE, convertedReportBlocks } from '../model/converted-report-blocks.js';
import type { Block } from '../model/document-model.js';
import {
  DOCX_FIXTURE_ALT,
  DOCX_FIXTURE_FOOTNOTE,
  DOCX_FIXTURE_TEXT,
  makeDocxEdgeCases,
  makeDocxReport,
} from '../testing/docx-fixture.js';
import { checkPdfUa, formatPdfUaFindings } from '../testing/pdfua/index.js';
import { flattenStruct, readPdf, type ParsedPdf, type PdfStructNode } from '../testing/read-pdf.js';
import { nameAt, refText, textAt } from '../pdfua/pdf-objects.js';
import { tableAttributes } from '../pdfua/rules/tables.rules.js';
import { readStructTree, type StructElement, type StructTree } from '../pdfua/struct-tree.js';
import { renderToBytes } from '../testing/render-bytes.js';
import { renderConvertedReport } from '../index.js';
import { renderDocument } from './render-document.js';

/**
 * A Word report converted and drawn in an agenda pack, in the pack's own page flow after an
 * item's other documents, read back from the PDF: its headings at their levels, its lists,
 * table, figure and footnote tagged as Scrutineer's own reports are, and the PDF/UA checker
 * finding nothing. Set DOCX_PACK_OUT=<file> to keep the PDF (for pdfua-check.py, pdftoppm).
 */

const DOCUMENT_TITLE = 'Quarter 2 update (officer’s Word report)';

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every element of the pack in document order (an element continued on a later page repeats). */
const allNodes = (pdf: ParsedPdf): PdfStructNode[] =>
  pdf.structTree.flatMap((page) => [...flattenStruct(page)]);

/** The structure tree as the PDF/UA checker reads it (pdf-lib, every dictionary at hand). */
const structTreeOf = async (pdfBytes: Uint8Array): Promise<StructTree> => {
  const document = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const pageIndex = new Map(
    document.getPages().map((page, index) => [refText(page.ref) ?? '', index]),
  );
  const tree = readStructTree(document.context, document.catalog, pageIndex);
  if (!tree) throw new Error('No structure tree');
  return tree;
};

const children = (element: StructElement | undefined): StructElement[] =>
  (element?.kids ?? []).flatMap((kid) => (kid.kind === 'element' ? [kid.element] : []));

const ancestorIs = (element: StructElement, ancestor: StructElement): boolean => {
  for (let at = element.parent; at; at = at.parent) if (at === ancestor) return true;
  return false;
};

const renderPack = async (
  dataset: CouncilDataset,
  meetingId: string,
  extra: readonly Block[],
): Promise<Uint8Array> => {
  const model = buildAgendaPackModel(dataset, meetingId, 'public');
  const last = model.items.length - 1;
  return renderToBytes((out) =>
    renderDocument(
      {
        meta: model.meta,
        front: model.front,
        sections: model.items.map((item, index) => ({
          section:
            index === last
              ? { ...item.section, blocks: [...item.section.blocks, ...extra] }
              : item.section,
          itemNumber: item.number,
        })),
      },
      out,
      new Date('2026-12-01T00:00:00Z'),
    ),
  );
};

describe('a converted Word report in the agenda pack', () => {
  let converted: DocxConversion;
  let bytes: Uint8Array;
  let pdf: ParsedPdf;
  /** The elements from the report's title heading on. */
  let report: PdfStructNode[];

  beforeAll(async () => {
    const dataset = loadSampleCouncil();
    const meeting = dataset.meetings.find((document) => document.agendaItems.length > 0);
    if (!meeting) throw new Error('The sample council has no meeting with items');
    converted = await docxToReport(await makeDocxReport());
    const blocks: Block[] = [
      { kind: 'page-break' },
      { kind: 'heading', level: 2, runs: [{ text: DOCUMENT_TITLE }] },
      ...convertedReportBlocks(converted.blocks, { headingLevel: 3, idPrefix: 'item-9-doc-2-' }),
    ];
    bytes = await renderPack(dataset, meeting.meeting.id, blocks);
    if (process.env.DOCX_PACK_OUT) writeFileSync(process.env.DOCX_PACK_OUT, bytes);
    pdf = await readPdf(bytes);
    const nodes = allNodes(pdf);
    const start = nodes.findIndex((node) => node.role === 'H2' && node.text === DOCUMENT_TITLE);
    report = start === -1 ? [] : nodes.slice(start);
  });

  it('passes the PDF/UA checker', async () => {
    const findings = await checkPdfUa(bytes);
    expect(formatPdfUaFindings(findings)).toBe('');
  });

  it('tags the report’s headings at their levels, under the document’s H2', () => {
    const headings = report
      .filter((node) => /^H[1-6]$/.test(node.role))
      .map((node) => `${node.role} ${node.text}`);
    expect([...new Set(headings)]).toEqual([
      `H2 ${DOCUMENT_TITLE}`,
      'H3 Adult Social Care: Quarter 2 Update',
      'H4 Purpose of the report',
      'H5 Key findings',
      'H4 Next steps',
      'H4 Performance against target',
      'H4 Background papers',
      'H3 Notes',
    ]);
  });

  it('tags the lists L > LI > (Lbl, LBody), a nested list inside its item’s LBody', () => {
    const lists = report.filter((node) => node.role === 'L');
    const outer = lists.find((list) => list.text.startsWith('• Waiting times'));
    expect(outer).toBeDefined();
    const items = outer?.children ?? [];
    expect(items.map((item) => item.role)).toEqual(['LI', 'LI']);
    expect(items.map((item) => item.children.map((part) => part.role))).toEqual([
      ['Lbl', 'LBody'],
      ['Lbl', 'LBody'],
    ]);
    const nested = items[0]?.children[1]?.children.find((child) => child.role === 'L');
    expect(nested?.children.map((item) => collapse(item.text))).toEqual([
      '– Residential placements',
      '– Home care hours',
    ]);
    const numbered = lists.find((list) => list.text.startsWith('1. Agree'));
    expect(numbered?.children.map((item) => item.children[0]?.text)).toEqual(['1.', '2.']);
    const lettered = numbered?.children[0]?.children[1]?.children.find(
      (child) => child.role === 'L',
    );
    expect(lettered?.children.map((item) => collapse(item.text))).toEqual([
      'a) with the provider forum',
    ]);
  });

  it('tags the table with TH cells in its first row', () => {
    const table = report.find((node) => node.role === 'Table');
    const rows = (table?.children ?? []).flatMap((child) =>
      child.role === 'TR' ? [child] : child.children.filter((row) => row.role === 'TR'),
    );
    expect(
      rows.map((row) => row.children.map((cell) => `${cell.role} ${collapse(cell.text)}`)),
    ).toEqual([
      ['TH Measure', 'TH Target', 'TH Actual'],
      ['TD Assessments completed within 28 days', 'TD 85%', 'TD 78%'],
      ['TD Reviews completed on time', 'TD 90%', 'TD 92%'],
    ]);
  });

  it('gives the first row’s TH cells /Scope /Column', async () => {
    const tree = await structTreeOf(bytes);
    // The report closes the pack, so its table is the tree's last.
    const table = tree.elements.filter((element) => element.role === 'Table').at(-1);
    const rows = tree.elements.filter(
      (element) => element.role === 'TR' && table !== undefined && ancestorIs(element, table),
    );
    const ours = rows[0];
    const cells = children(ours);
    expect(cells.map((cell) => cell.role)).toEqual(['TH', 'TH', 'TH']);
    expect(
      cells.map((cell) =>
        tableAttributes(cell)
          .map((attribute) => nameAt(attribute, 'Scope'))
          .find((scope) => scope !== undefined),
      ),
    ).toEqual(['Column', 'Column', 'Column']);
  });

  it('tags the image as a Figure with the author’s alt text', () => {
    const figures = report.filter((node) => node.role === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual([DOCX_FIXTURE_ALT]);
  });

  it('tags the footnote as a Note with an ID, under a Notes heading', async () => {
    const notes = report.filter((node) => node.role === 'Note');
    expect(notes.map((note) => collapse(note.text))).toEqual([`1 ${DOCX_FIXTURE_FOOTNOTE}`]);
    const tree = await structTreeOf(bytes);
    const ids = tree.elements
      .filter((element) => element.role === 'Note')
      .map((note) => textAt(note.dict, 'ID'));
    expect(ids).toEqual(['item-9-doc-2-footnote-1']);
  });

  it('links the footnote’s mark to the note, described as the footnote', () => {
    const page = pdf.pages.findIndex((text) => text.includes(DOCX_FIXTURE_FOOTNOTE));
    const marks = pdf.links.flat().filter((link) => link.contents === 'Footnote 1');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.hasStructParent).toBe(true);
    expect(marks[0]?.destPageNumber).toBe(page + 1);
  });

  it('prints the report’s words in reading order', () => {
    const text = collapse(pdf.pages.join(' '));
    const start = text.indexOf(DOCUMENT_TITLE);
    expect(start).toBeGreaterThan(-1);
    let at = start;
    const missing: string[] = [];
    for (const piece of DOCX_FIXTURE_TEXT) {
      const found = text.indexOf(piece, at);
      if (found === -1) missing.push(piece);
      else at = found + piece.length;
    }
    expect(missing).toEqual([]);
  });

  it('prints bold and italic words in Arimo’s bold and italic', () => {
    expect(pdf.fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
      expect.arrayContaining(['Arimo-Bold', 'Arimo-Italic', 'Arimo-Regular']),
    );
  });

  it('leaves the clerk a warning for each feature it could not print', () => {
    expect(converted.warnings.map((warning) => warning.code)).toEqual([
      'tracked-insertion',
      'tracked-deletion',
      'comment',
      'text-box',
      'embedded-object',
      'unrecognised-style',
    ]);
  });
});

describe('the awkward cases of a Word report in the agenda pack', () => {
  let bytes: Uint8Array;
  let pdf: ParsedPdf;

  beforeAll(async () => {
    const dataset = loadSampleCouncil();
    const meeting = dataset.meetings.find((document) => document.agendaItems.length > 0);
    if (!meeting) throw new Error('The sample council has no meeting with items');
    const converted = await docxToReport(await makeDocxEdgeCases());
    bytes = await renderPack(dataset, meeting.meeting.id, [
      { kind: 'page-break' },
      { kind: 'heading', level: 2, runs: [{ text: 'Budget report' }] },
      ...convertedReportBlocks(converted.blocks, { headingLevel: 3, idPrefix: 'edge-' }),
    ]);
    if (process.env.DOCX_PACK_OUT)
      writeFileSync(process.env.DOCX_PACK_OUT.replace(/\.pdf$/, '-edge.pdf'), bytes);
    pdf = await readPdf(bytes, { readFonts: false });
  });

  it('passes the PDF/UA checker, merged cells and all', async () => {
    expect(formatPdfUaFindings(await checkPdfUa(bytes))).toBe('');
  });

  it('prints an image it cannot draw as its alt text, and names an undescribed one', () => {
    const text = collapse(pdf.pages.join(' '));
    expect(text).toContain('[Image not shown: The council’s crest]');
    const figures = allNodes(pdf).filter((node) => node.role === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual([UNDESCRIBED_IMAGE]);
  });

  it('keeps the link, tagged and described', () => {
    const links = pdf.links
      .flat()
      .filter((link) => link.url === 'https://www.example.gov.uk/budget');
    expect(links).toHaveLength(1);
    expect(links[0]?.hasStructParent).toBe(true);
  });
});

describe('a converted Word report printed on its own (the clerk’s preview)', () => {
  it('is a tagged PDF the checker passes, titled H1 with the report’s headings below', async () => {
    const converted = await docxToReport(await makeDocxReport());
    const meta = { title: 'Quarter 2 update', councilName: 'Stockport Council', colour: '#5C2D91' };
    const bytes = await renderToBytes((out) => renderConvertedReport(converted.blocks, meta, out));
    expect(formatPdfUaFindings(await checkPdfUa(bytes))).toBe('');
    const pdf = await readPdf(bytes, { readFonts: false });
    const headings = allNodes(pdf)
      .filter((node) => /^H[1-6]$/.test(node.role))
      .map((node) => `${node.role} ${node.text}`);
    expect(headings.slice(0, 3)).toEqual([
      'H1 Quarter 2 update',
      'H2 Adult Social Care: Quarter 2 Update',
      'H3 Purpose of the report',
    ]);
    expect(pdf.metadata.title).toBe('Quarter 2 update');
    const again = await renderToBytes((out) => renderConvertedReport(converted.blocks, meta, out));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
