/**
 * Test helpers, exported as `@scrutineer/reporter/testing` for other packages' tests. Not for
 * production code: `readPdf` loads pdfjs-dist, a dev dependency. (Long synthetic councils to
 * print come from `@scrutineer/sample-council/synthetic`.)
 */
export * from './read-pdf.js';
export * from './read-xmp.js';
