import { ConvertedReport, problemsOf, type ConvertedBlock } from '@scrutineer/domain';
import JSZip from 'jszip';
import { isReporterError } from '../errors.js';
import {
  DOCX_FIXTURE_ALT,
  DOCX_FIXTURE_FOOTNOTE,
  makeDocxEdgeCases,
  makeDocxReport,
  makeTestPng,
} from '../testing/docx-fixture.js';
import { docxToReport, type DocxConversion } from './docx-to-report.js';

const textOf = (block: { runs: readonly { text: string }[] }): string =>
  block.runs.map((run) => run.text).join('');

const ofKind = <K extends ConvertedBlock['kind']>(
  blocks: readonly ConvertedBlock[],
  kind: K,
): Extract<ConvertedBlock, { kind: K }>[] =>
  blocks.filter((block): block is Extract<ConvertedBlock, { kind: K }> => block.kind === kind);

const rejection = async (bytes: Uint8Array): Promise<unknown> =>
  docxToReport(bytes).then(
    () => null,
    (error: unknown) => error,
  );

describe('docxToReport', () => {
  let converted: DocxConversion;
  let clean: DocxConversion;

  beforeAll(async () => {
    converted = await docxToReport(await makeDocxReport());
    clean = await docxToReport(await makeDocxReport({ clean: true }));
  });

  it('gives a result the domain schema accepts, so the API can store it as it is', () => {
    expect(problemsOf(ConvertedReport, converted)).toEqual([]);
    expect(problemsOf(ConvertedReport, clean)).toEqual([]);
  });

  it('keeps the headings at their levels, in order', () => {
    expect(ofKind(converted.blocks, 'heading').map((h) => `H${h.level} ${textOf(h)}`)).toEqual([
      'H1 Adult Social Care: Quarter 2 Update',
      'H2 Purpose of the report',
      'H3 Key findings',
      'H2 Next steps',
      'H2 Performance against target',
      'H2 Background papers',
    ]);
  });

  it('keeps bold and italic words as runs', () => {
    const demand = ofKind(converted.blocks, 'paragraph').find((p) =>
      textOf(p).startsWith('Demand rose'),
    );
    expect(demand?.runs).toEqual([
      { text: 'Demand rose by ' },
      { text: '12 per cent', bold: true },
      { text: ' against the same quarter last year, ' },
      { text: 'well above', italic: true },
      { text: ' the forecast.' },
      { text: '[1]', note: 'footnote-1' },
    ]);
  });

  it('keeps bulleted and numbered lists with their nesting', () => {
    const lists = ofKind(converted.blocks, 'list').map((list) =>
      list.items.map((item) => `${item.depth}${item.ordered ? '#' : '*'} ${textOf(item)}`),
    );
    expect(lists).toEqual([
      ['0* Waiting times', '1* Residential placements', '1* Home care hours', '0* Reablement'],
      ['0# Agree the recovery plan', '1# with the provider forum', '0# Review the budget'],
    ]);
  });

  it('keeps a table with its header row', () => {
    const [table] = ofKind(converted.blocks, 'table');
    expect(table?.headerRows).toBe(1);
    expect(table?.rows.map((row) => row.map(textOf))).toEqual([
      ['Measure', 'Target', 'Actual'],
      ['Assessments completed within 28 days', '85%', '78%'],
      ['Reviews completed on time', '90%', '92%'],
    ]);
  });

  it('takes a table’s first row as its header when no row is marked as one', async () => {
    const bytes = await makeDocxReport({ clean: true });
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    zip.file('word/document.xml', xml.replace(/<w:tblHeader\/>/g, ''));
    const unmarked = await docxToReport(await zip.generateAsync({ type: 'uint8array' }));
    expect(ofKind(unmarked.blocks, 'table')[0]?.headerRows).toBe(1);
  });

  it('keeps the image, drawn at the size the author placed it, with its alt text', () => {
    const [figure] = ofKind(converted.blocks, 'figure');
    expect(figure?.alt).toBe(DOCX_FIXTURE_ALT);
    expect(figure?.image?.mediaType).toBe('image/png');
    // 240 × 160 pixels at 96 to the inch, as docx placed it (wp:extent), not the PNG's 120 × 80.
    expect(figure?.image?.width).toBeCloseTo(180, 0);
    expect(figure?.image?.height).toBeCloseTo(120, 0);
    expect(Buffer.from(figure?.image?.data ?? '', 'base64')).toEqual(makeTestPng());
  });

  it('keeps the footnote, its label matching its reference', () => {
    const [notes] = ofKind(converted.blocks, 'notes');
    expect(notes?.notes).toEqual([
      { id: 'footnote-1', kind: 'footnote', label: '1', runs: [{ text: DOCX_FIXTURE_FOOTNOTE }] },
    ]);
  });

  it('warns the clerk of each feature it cannot carry over, and of nothing in a clean report', () => {
    expect(converted.warnings.map((warning) => [warning.code, warning.count])).toEqual([
      ['tracked-insertion', 1],
      ['tracked-deletion', 1],
      ['comment', 1],
      ['text-box', 1],
      ['embedded-object', 1],
      ['unrecognised-style', 1],
    ]);
    expect(converted.warnings.find((w) => w.code === 'unrecognised-style')?.message).toContain(
      'Council Quote',
    );
    expect(clean.warnings).toEqual([]);
  });

  it('prints the inserted text, leaves the deleted text out, and keeps the text box’s words', () => {
    const all = converted.blocks
      .flatMap((block) => ('runs' in block ? [textOf(block)] : []))
      .join('\n');
    expect(all).toContain('Figures were revised in October.');
    expect(all).not.toContain('Figures are provisional.');
    expect(all).toContain('Call-out: 1,200 people helped at home.');
    expect(all).not.toContain('Check these figures with finance.');
  });

  it('warns of a chart, an equation, a tracked move and a tracked formatting change', async () => {
    const zip = await JSZip.loadAsync(await makeDocxReport({ clean: true }));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const change = 'w:author="A. Officer" w:date="2026-10-01T09:00:00Z"';
    const planted = [
      '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="2540000" cy="1270000"/><wp:docPr id="90" name="Chart 1"/>',
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">',
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId90"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>',
      '<w:p><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>',
      `<w:p><w:moveFrom w:id="91" ${change}><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>`,
      `<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="92" ${change}><w:rPr/></w:rPrChange></w:rPr><w:t>Now bold.</w:t></w:r></w:p>`,
    ].join('');
    zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${planted}`));
    const result = await docxToReport(await zip.generateAsync({ type: 'uint8array' }));
    // Each once: mammoth's own message for the equation is not repeated as "not read".
    expect(result.warnings.map((w) => [w.code, w.count])).toEqual([
      ['tracked-deletion', 1],
      ['tracked-formatting', 1],
      ['chart', 1],
      ['equation', 1],
    ]);
    expect(problemsOf(ConvertedReport, result)).toEqual([]);
  });

  it('gives the same blocks for the same bytes', async () => {
    const bytes = await makeDocxReport();
    expect(await docxToReport(bytes)).toEqual(await docxToReport(bytes));
  });

  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'not-a-zip'],
    ['empty bytes', new Uint8Array(0), 'not-a-zip'],
  ])('refuses %s with a typed error', async (_name, bytes, reason) => {
    const error = await rejection(bytes);
    expect(isReporterError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'REPORTER.INVALID_DOCX', data: { reason } });
  });

  it('refuses a ZIP that is not a Word document (a renamed archive)', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    const error = await rejection(await zip.generateAsync({ type: 'uint8array' }));
    expect(error).toMatchObject({
      code: 'REPORTER.INVALID_DOCX',
      data: { reason: 'not-a-word-document' },
    });
  });

  it('refuses a spreadsheet package renamed .docx', async () => {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    zip.file('xl/workbook.xml', '<workbook/>');
    const error = await rejection(await zip.generateAsync({ type: 'uint8array' }));
    expect(error).toMatchObject({ data: { reason: 'not-a-word-document' } });
  });

  it('refuses a package that would unpack past the limit (a ZIP bomb) before inflating it', async () => {
    const zip = await JSZip.loadAsync(await makeDocxReport({ clean: true }));
    // 8 MB of one byte deflates to about 8 KB; the limit is lowered so the test stays quick.
    zip.file('word/media/padding.bin', new Uint8Array(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await docxToReport(bomb, { maxUnpackedBytes: 4 * 1024 * 1024 }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: 'REPORTER.INVALID_DOCX', data: { reason: 'too-large' } });
  });

  it('refuses a package whose directory lies about an entry’s size, before inflating it whole', async () => {
    const zip = await JSZip.loadAsync(await makeDocxReport({ clean: true }));
    zip.file('word/media/padding.bin', new Uint8Array(8 * 1024 * 1024));
    const honest = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // The entry says (in its local header and the central directory) it unpacks to 1 KB; the
    // total declared is then far under the limit, so only inflating tells.
    const lying = declareSize(honest, 'word/media/padding.bin', 1024);
    const error = await docxToReport(lying, { maxUnpackedBytes: 4 * 1024 * 1024 }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: 'REPORTER.INVALID_DOCX', data: { reason: 'too-large' } });
    expect((error as Error).message).toContain('word/media/padding.bin');
    // The same package telling the truth is within the default limit and converts.
    await expect(docxToReport(honest)).resolves.toMatchObject({ blocks: expect.any(Array) });
    // Its entries' checksums are still checked, as each is inflated.
    const corrupt = await docxToReport(declareCrc(honest, 'word/document.xml', 12345)).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(corrupt).toMatchObject({ code: 'REPORTER.INVALID_DOCX', data: { reason: 'damaged' } });
    expect((corrupt as Error).message).toContain('word/document.xml');
  });

  it('refuses a damaged DOCX (cut short, or its document not XML) with a typed error', async () => {
    const bytes = await makeDocxReport({ clean: true });
    const cut = await rejection(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(cut).toMatchObject({ code: 'REPORTER.INVALID_DOCX' });
    const zip = await JSZip.loadAsync(bytes);
    zip.file('word/document.xml', '<w:document><w:body><w:p>');
    const broken = await rejection(await zip.generateAsync({ type: 'uint8array' }));
    expect(broken).toMatchObject({ code: 'REPORTER.INVALID_DOCX', data: { reason: 'damaged' } });
  });

  describe('the awkward cases', () => {
    let edge: DocxConversion;
    beforeAll(async () => {
      edge = await docxToReport(await makeDocxEdgeCases());
    });

    it('gives a result the schema accepts', () => {
      expect(problemsOf(ConvertedReport, edge)).toEqual([]);
    });

    it('leaves out the table of contents and the page header, and says so', () => {
      const text = JSON.stringify(edge.blocks);
      expect(text).not.toContain('Contents');
      expect(text).not.toContain('OFFICIAL');
      expect(edge.warnings.find((w) => w.code === 'table-of-contents')?.count).toBe(2);
      expect(edge.warnings.find((w) => w.code === 'header-footer')?.count).toBe(1);
      expect(edge.warnings.map((w) => w.code)).not.toContain('unrecognised-style');
    });

    it('closes a skipped heading level, and says so', () => {
      expect(ofKind(edge.blocks, 'heading').map((h) => h.level)).toEqual([1, 2]);
      expect(edge.warnings.map((w) => w.code)).toContain('heading-level-skipped');
    });

    it('keeps a web link on its words', () => {
      const [paragraph] = ofKind(edge.blocks, 'paragraph');
      expect(paragraph?.runs).toEqual([
        { text: 'See the ' },
        { text: 'budget pages', href: 'https://www.example.gov.uk/budget' },
        { text: '.' },
      ]);
    });

    it('keeps an image it cannot draw as its alt text, and one without alt text, each with a warning', () => {
      const figures = ofKind(edge.blocks, 'figure');
      expect(figures.map((f) => [f.alt, f.image?.mediaType ?? null])).toEqual([
        ['The council’s crest', null],
        ['', 'image/png'],
      ]);
      expect(
        edge.warnings.find((w) => w.code === 'unsupported-image' && /image\/gif/.test(w.message)),
      ).toBeDefined();
      expect(edge.warnings.find((w) => w.code === 'image-without-alt')).toBeDefined();
    });

    it('keeps a merged cell’s span and prints an image in a cell as its alt text', () => {
      const [table] = ofKind(edge.blocks, 'table');
      expect(table?.rows.map((row) => row.map((c) => [textOf(c), c.colSpan ?? 1]))).toEqual([
        [
          ['Scheme', 1],
          ['2026/27', 1],
          ['2027/28', 1],
        ],
        [
          ['Libraries', 1],
          ['Paused', 2],
        ],
        [
          ['Roads', 1],
          ['[Image: A tick]', 1],
          ['£2.1m', 1],
        ],
      ]);
      expect(edge.warnings.map((w) => w.code)).toEqual(
        expect.arrayContaining(['merged-cells', 'unsupported-image']),
      );
    });
  });
});

/** `bytes` with the named entry's declared uncompressed size rewritten, in both ZIP headers. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  return rewriteHeaders(bytes, name, { local: 22, central: 24 }, size);
}

/** `bytes` with the named entry's declared CRC-32 rewritten, in both ZIP headers. */
function declareCrc(bytes: Uint8Array, name: string, crc: number): Uint8Array {
  return rewriteHeaders(bytes, name, { local: 14, central: 16 }, crc);
}

/** One 4-byte field of the named entry's local header and central directory record, rewritten. */
function rewriteHeaders(
  bytes: Uint8Array,
  name: string,
  field: { readonly local: number; readonly central: number },
  value: number,
): Uint8Array {
  const out = Buffer.from(bytes);
  const encoded = Buffer.from(name, 'utf8');
  let rewritten = 0;
  for (let at = 0; at + 46 <= out.length; at += 1) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50) {
      const length = out.readUInt16LE(at + 26);
      if (out.subarray(at + 30, at + 30 + length).equals(encoded)) {
        out.writeUInt32LE(value, at + field.local);
        rewritten += 1;
      }
    } else if (signature === 0x02014b50) {
      const length = out.readUInt16LE(at + 28);
      if (out.subarray(at + 46, at + 46 + length).equals(encoded)) {
        out.writeUInt32LE(value, at + field.central);
        rewritten += 1;
      }
    }
  }
  if (rewritten !== 2) throw new Error(`rewrote ${rewritten} headers of ${name}, not 2`);
  return new Uint8Array(out);
}
