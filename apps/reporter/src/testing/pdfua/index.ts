export { checkPdfUa, formatPdfUaFindings } from './check-pdf-ua.js';
export { PDF_UA_RULES, type PdfUaFinding, type PdfUaRule, type PdfUaWhere } from './findings.js';
