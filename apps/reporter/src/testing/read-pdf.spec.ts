import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { flattenStruct, pagesContaining, readPdf, type ParsedPdf } from './read-pdf.js';
import { useOwnXmp } from '../render/xmp.js';

const require = createRequire(import.meta.url);
const arimoPath = require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf');

/**
 * A two-page tagged PDF made with pdfkit: a heading, a paragraph, a table, a bookmark, an
 * internal link to page 2, an external link, a footer artifact, and (page 2) one line in a
 * standard font that is not embedded. Its XMP is ours unless `pdfkitXmp` asks for pdfkit's own
 * (which leaves the `&` of the title unescaped).
 */
const makeSamplePdf = async ({ pdfkitXmp = false } = {}): Promise<Buffer> => {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    tagged: true,
    // @types/pdfkit 0.17 does not list PDF/UA among the subsets pdfkit 0.20 supports.
    ...({ subset: 'PDF/UA' } as object),
    lang: 'en-GB',
    displayTitle: true,
    autoFirstPage: false,
    info: { Title: 'Inspection & sample', CreationDate: new Date(Date.UTC(2021, 10, 15)) },
  });
  if (!pdfkitXmp) useOwnXmp(doc, 'en-GB');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('Arimo', arimoPath);
  const root = doc.struct('Document');
  doc.addStructure(root);

  doc.addPage();
  doc.font('Arimo');
  root.add(doc.struct('H1', {}, () => doc.fontSize(16).text('Agenda', 72, 72)));
  root.add(doc.struct('P', {}, () => doc.fontSize(11).text('Apologies for absence.', 72, 100)));
  const table = doc.struct('Table');
  root.add(table);
  const header = doc.struct('TR');
  table.add(header);
  header.add(doc.struct('TH', {}, () => doc.text('Code', 72, 130, { lineBreak: false })));
  header.add(doc.struct('TH', {}, () => doc.text('Target', 200, 130, { lineBreak: false })));
  const row = doc.struct('TR');
  table.add(row);
  row.add(doc.struct('TD', {}, () => doc.text('CFSE.28', 72, 146, { lineBreak: false })));
  row.add(doc.struct('TD', {}, () => doc.text('78.8%', 200, 146, { lineBreak: false })));
  table.end();
  doc.outline.addItem('Item 1 Agenda');
  doc.goTo(72, 200, 100, 14, 'item-2');
  doc.link(72, 230, 100, 14, 'https://example.org/meetings');
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.text('Page 1', 72, 780, { lineBreak: false });
  doc.endMarkedContent();

  doc.addPage();
  doc.addNamedDestination('item-2');
  doc.outline.addItem('Item 2 Report');
  root.add(doc.struct('P', {}, () => doc.font('Arimo').text('Second page text.', 72, 72)));
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.font('Helvetica').text('Page 2', 72, 780, { lineBreak: false });
  doc.endMarkedContent();

  root.end();
  doc.end();
  await ended;
  return Buffer.concat(chunks);
};

describe(readPdf.name, () => {
  let sut: ParsedPdf;

  beforeAll(async () => {
    sut = await readPdf(await makeSamplePdf());
  });

  it('gives the text of each page, one line per baseline, table cells joined by spaces', () => {
    expect(sut.pageCount).toBe(2);
    expect(sut.pages[0]).toBe('Agenda\nApologies for absence.\nCode Target\nCFSE.28 78.8%\nPage 1');
    expect(sut.pages[1]).toBe('Second page text.\nPage 2');
    expect(pagesContaining(sut, 'Page 2')).toEqual([2]);
    expect(pagesContaining(sut, 'Page')).toEqual([1, 2]);
  });

  it('gives A4 page sizes in points', () => {
    expect(sut.pageSizes).toEqual([
      [595.28, 841.89],
      [595.28, 841.89],
    ]);
  });

  it('reads the title, language, tagging and the PDF/UA marker', () => {
    expect(sut.metadata).toMatchObject({
      title: 'Inspection & sample',
      xmpTitle: 'Inspection & sample',
      lang: 'en-GB',
      pdfVersion: '1.7',
      isTagged: true,
      pdfUaPart: 1,
    });
    expect(sut.metadata.info['Producer']).toBe('PDFKit');
    expect(sut.metadata.xmpError).toBeNull();
  });

  it('reads no title or PDF/UA marker from XMP that is not well-formed, and says why', async () => {
    const pdfkits = await readPdf(await makeSamplePdf({ pdfkitXmp: true }), { readFonts: false });
    // pdfkit 0.20.2 writes `<rdf:li …>Inspection & sample</rdf:li>`: a text search finds both.
    expect(pdfkits.metadata.xmp).toContain('Inspection & sample');
    expect(pdfkits.metadata.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(pdfkits.metadata).toMatchObject({ xmpTitle: null, pdfUaPart: null, xmpFields: null });
    // saxes reads `& sample</rdf:li>…` as an entity reference that never ends.
    expect(pdfkits.metadata.xmpError).toMatch(/^\d+:\d+: /);
  });

  it('reads bookmarks with the page each points at', () => {
    expect(sut.outline).toEqual([
      { title: 'Item 1 Agenda', pageNumber: 1, children: [] },
      { title: 'Item 2 Report', pageNumber: 2, children: [] },
    ]);
  });

  it('reads the structure tree per page with each element’s text, artifacts left out', () => {
    const [document] = sut.structTree[0] ?? [];
    expect(document?.role).toBe('Document');
    const roles = flattenStruct(sut.structTree[0] ?? []).map((node) => `${node.role}:${node.text}`);
    expect(roles).toEqual([
      'Document:Agenda Apologies for absence. Code Target CFSE.28 78.8%',
      'H1:Agenda',
      'P:Apologies for absence.',
      'Table:Code Target CFSE.28 78.8%',
      'TR:Code Target',
      'TH:Code',
      'TH:Target',
      'TR:CFSE.28 78.8%',
      'TD:CFSE.28',
      'TD:78.8%',
    ]);
    expect(flattenStruct(sut.structTree[1] ?? []).map((node) => node.role)).toEqual([
      'Document',
      'P',
    ]);
  });

  it('tells an embedded subset font from a standard font that is not embedded', () => {
    expect(sut.fonts).toEqual(
      expect.arrayContaining([
        {
          name: expect.stringMatching(/^[A-Z]{6}\+Arimo-Regular$/),
          isEmbedded: true,
          isSubset: true,
        },
        { name: 'Helvetica', isEmbedded: false, isSubset: false },
      ]),
    );
    expect(sut.fonts).toHaveLength(2);
  });

  it('reads internal and external links with their targets', () => {
    expect(sut.links[0]).toEqual([
      expect.objectContaining({ url: null, destPageNumber: 2, hasStructParent: false }),
      expect.objectContaining({ url: 'https://example.org/meetings', destPageNumber: null }),
    ]);
    expect(sut.links[1]).toEqual([]);
  });

  it('skips fonts when asked, and leaves the caller’s buffer usable', async () => {
    const buffer = await makeSamplePdf();
    const first = await readPdf(buffer, { readFonts: false });
    const second = await readPdf(buffer, { readFonts: false });
    expect(first.fonts).toEqual([]);
    expect(second.pages).toEqual(first.pages);
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(readPdf(Buffer.from('not a pdf at all'))).rejects.toThrow();
  });
});
