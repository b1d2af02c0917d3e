/**
 * Test helpers, exported as `@scrutineer/reporter/testing` for other packages' tests. Not for
 * production code: `readPdf` loads pdfjs-dist and `checkPdfUa` pdf-lib, both dev dependencies.
 * (Long synthetic councils to print come from `@scrutineer/sample-council/synthetic`.)
 */
export * from './read-pdf.js';
export * from './read-xmp.js';
export * from './pdfua/index.js';
export * from './docx-fixture.js';
