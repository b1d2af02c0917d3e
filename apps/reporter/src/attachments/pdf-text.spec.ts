// The words of an attached PDF, for search (issue 13): read back from real files, our own tagged
// report (pdfkit: Identity-H fonts with ToUnicode maps) and pdf-lib's (a standard font, no map).
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { isReporterError, pdfText } from '../index.js';
import { scannedPdf, taggedReport, untaggedPdf } from '../fixtures/attachments.fixture.js';

describe('pdfText', () => {
  it('reads a standard font’s text page by page, words apart', async () => {
    const text = await pdfText(await untaggedPdf('Zanzibar quokka', 2));
    expect(text).toBe('Zanzibar quokka page 1\n\nZanzibar quokka page 2');
  });

  it('reads our own tagged report through its fonts’ ToUnicode maps', async () => {
    const text = await pdfText(await taggedReport(loadSampleCouncil(), sampleIds.cfseQ3Update2021));
    expect(text).toContain(
      'Contact officers for accessing background papers and discussing the report',
    );
    expect(text).toContain('gaynor.ward@stockport.gov.uk');
  });

  it('gives a scanned page no text but keeps the typed page’s', async () => {
    expect(await pdfText(await scannedPdf(2))).toBe('');
    expect(await pdfText(await scannedPdf(2, 1))).toBe('Typed covering note');
  });

  it('refuses what is not a PDF as openPdf does', async () => {
    const error: unknown = await pdfText(new TextEncoder().encode('hello')).catch(
      (e: unknown) => e,
    );
    expect(isReporterError(error) && error.code).toBe('REPORTER.PDF_DAMAGED');
  });
});
