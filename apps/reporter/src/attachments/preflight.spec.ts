// The pre-flight of attached PDFs (issue 12, item 5) and the upload check the API maps to 4xx:
// real files made here (our own tagged report, pdf-lib's untagged ones, an image-only "scan",
// one encrypted with qpdf, damaged and empty ones), read back by the PDF/UA checker's readers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { PDFDocument, PDFName } from 'pdf-lib';
import { isReporterError, preflightPdf, validatePdf, type PdfPreflight } from '../index.js';
import { scannedPdf, taggedReport, untaggedPdf } from '../fixtures/attachments.fixture.js';

const codes = (result: PdfPreflight): string[] => result.warnings.map((warning) => warning.code);

/** The ReporterError code a promise rejects with, or "resolved". */
const refusal = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isReporterError(error) ? error.code : `not a ReporterError: ${String(error)}`;
  }
};

const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

/** `bytes` encrypted by qpdf (AES-256, owner password only: it opens without one but is restricted). */
const encrypted = (bytes: Uint8Array): Uint8Array => {
  const folder = mkdtempSync(join(tmpdir(), 'preflight-'));
  try {
    writeFileSync(join(folder, 'in.pdf'), bytes);
    const run = spawnSync('qpdf', [
      '--encrypt',
      '',
      'owner',
      '256',
      '--',
      join(folder, 'in.pdf'),
      join(folder, 'out.pdf'),
    ]);
    if (run.status !== 0) throw new Error(`qpdf failed: ${String(run.stderr)}`);
    return new Uint8Array(readFileSync(join(folder, 'out.pdf')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

describe('the pre-flight of an attached PDF', () => {
  let tagged: Uint8Array;
  beforeAll(async () => {
    tagged = await taggedReport(loadSampleCouncil(), sampleIds.cfseQ3Update2021);
  }, 60_000);

  it('passes a tagged PDF/UA report of our own with no warning', async () => {
    const result = await preflightPdf(tagged, { title: 'Appendix A' });
    expect(result).toMatchObject({
      tagged: true,
      hasTitle: true,
      language: 'en-GB',
      fontsEmbedded: true,
      fontsUnicodeMapped: true,
      imageOnly: false,
      imageOnlyPages: [],
      encrypted: false,
      pdfUaRulesFailed: [],
      warnings: [],
    });
    expect(result.pageCount).toBe((await PDFDocument.load(tagged)).getPageCount());
  });

  it('flags an untagged PDF, its missing language and its fonts', async () => {
    const result = await preflightPdf(await untaggedPdf('Plans', 2), { title: 'Appendix C' });
    expect(result).toMatchObject({
      tagged: false,
      hasTitle: true,
      language: null,
      fontsEmbedded: false,
      fontsUnicodeMapped: false,
      imageOnly: false,
      pageCount: 2,
    });
    expect(codes(result)).toEqual([
      'ATTACHMENT.UNTAGGED',
      'ATTACHMENT.NO_LANGUAGE',
      'ATTACHMENT.FONTS_NOT_EMBEDDED',
      'ATTACHMENT.FONTS_NOT_UNICODE',
    ]);
    expect(result.warnings[0]?.message).toMatch(/^Appendix C is not a tagged PDF: .*WCAG 2\.1 AA/);
    expect(result.warnings[2]?.message).toContain('(Helvetica)');
  });

  it('says a scan is a scanned image with no text', async () => {
    const result = await preflightPdf(await scannedPdf(2), { title: 'Appendix B' });
    expect(result.imageOnly).toBe(true);
    expect(result.imageOnlyPages).toEqual([1, 2]);
    expect(result.warnings[0]).toEqual({
      code: 'ATTACHMENT.SCANNED',
      message:
        'Appendix B is a scanned image with no text: it does not meet WCAG 2.1 AA; ask the author for an accessible version.',
    });
  });

  it('names the scanned pages of a paper that is partly typed', async () => {
    const result = await preflightPdf(await scannedPdf(3, 1), { title: 'Appendix D' });
    expect(result.imageOnly).toBe(false);
    expect(result.imageOnlyPages).toEqual([2, 3]);
    expect(result.warnings[0]?.message).toMatch(
      /^Pages 2 and 3 of Appendix D are scanned images with no text/,
    );
  });

  it('flags a PDF with no title', async () => {
    const result = await preflightPdf(await untaggedPdf('Untitled', 1, { title: null }));
    expect(result.hasTitle).toBe(false);
    expect(codes(result)).toContain('ATTACHMENT.NO_TITLE');
    expect(
      result.warnings.find((warning) => warning.code === 'ATTACHMENT.NO_TITLE')?.message,
    ).toMatch(/^The attached PDF has no title in its document properties/);
  });

  it('reports a tagged file whose tags break PDF/UA rules', async () => {
    // A real fault planted in our report: a viewer would show the file name, not the title.
    const document = await PDFDocument.load(tagged, { updateMetadata: false });
    document.catalog.delete(PDFName.of('ViewerPreferences'));
    const result = await preflightPdf(await document.save({ useObjectStreams: false }), {
      title: 'A',
    });
    expect(result.tagged).toBe(true);
    expect(result.pdfUaRulesFailed).toEqual(['catalog.displaydoctitle']);
    expect(codes(result)).toEqual(['ATTACHMENT.NOT_PDF_UA']);
  });

  (hasQpdf ? it : it.skip)(
    'reports an encrypted file (qpdf --encrypt), which the upload check refuses',
    async () => {
      const locked = encrypted(tagged);
      const result = await preflightPdf(locked, { title: 'Appendix E' });
      expect(result.encrypted).toBe(true);
      expect(codes(result)).toEqual(['ATTACHMENT.ENCRYPTED']);
      expect(await refusal(validatePdf(locked))).toBe('REPORTER.PDF_ENCRYPTED');
    },
  );
  if (!hasQpdf)
    console.warn('skipped the encrypted case: qpdf is not installed (pdf-lib cannot encrypt)');
});

describe('the upload check of a PDF', () => {
  it('gives the page count of a good PDF', async () => {
    expect(await validatePdf(await untaggedPdf('Good', 4))).toEqual({ pageCount: 4 });
  });

  it('tells damaged, empty and page-less files apart', async () => {
    const good = await untaggedPdf('Good', 2);
    expect(await refusal(validatePdf(new Uint8Array()))).toBe('REPORTER.PDF_DAMAGED');
    expect(
      await refusal(validatePdf(new TextEncoder().encode('PK\u0003\u0004 a zip, not a PDF'))),
    ).toBe('REPORTER.PDF_DAMAGED');
    // Cut short, as an interrupted upload is.
    expect(await refusal(validatePdf(good.subarray(0, Math.floor(good.length * 0.6))))).toBe(
      'REPORTER.PDF_DAMAGED',
    );
    expect(await refusal(validatePdf(good.subarray(0, good.length - 40)))).toBe(
      'REPORTER.PDF_DAMAGED',
    );
    // A header, then nothing a reader can use.
    const garbage = new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(2000)}\n%%EOF\n`);
    expect(await refusal(validatePdf(garbage))).toBe('REPORTER.PDF_DAMAGED');
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect(await refusal(validatePdf(empty))).toBe('REPORTER.PDF_NO_PAGES');
    expect(await refusal(preflightPdf(empty))).toBe('REPORTER.PDF_NO_PAGES');
  });

  it('refuses a page whose content stream is corrupt', async () => {
    const document = await PDFDocument.load(await untaggedPdf('Corrupt', 1), {
      updateMetadata: false,
    });
    const page = document.getPage(0);
    // A Flate filter over bytes that are not Flate data.
    const spoiled = document.context.stream(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), {
      Filter: 'FlateDecode',
    });
    page.node.set(PDFName.of('Contents'), document.context.register(spoiled));
    const bytes = await document.save({ useObjectStreams: false });
    expect(await refusal(validatePdf(bytes))).toBe('REPORTER.PDF_DAMAGED');
  });
});
