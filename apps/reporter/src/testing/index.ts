/**
 * Test helpers, exported as `@scrutineer/reporter/testing` for other packages' tests and the
 * benchmark. Not for production code: `readPdf` loads pdfjs-dist, a dev dependency.
 */
export * from './read-pdf.js';
export * from './synthetic-council.js';
