/**
 * Test helpers, exported as `@scrutineer/reporter/testing` for other packages' tests. Not for
 * production code: `readPdf` loads pdfjs-dist, a dev dependency. (`checkPdfUa` lives in src/pdfua,
 * which the attachment pre-flight uses too.)
 * (Long synthetic councils to print come from `@scrutineer/sample-council/synthetic`.)
 */
export * from './read-pdf.js';
export * from '../pdfua/read-xmp.js';
export * from './pdfua/index.js';
export * from './docx-fixture.js';
