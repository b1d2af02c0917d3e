// The checker lives in src/pdfua (production code reuses it for the attachment pre-flight);
// the test helpers export it from here as before.
export { checkPdfUa, formatPdfUaFindings } from '../../pdfua/check-pdf-ua.js';
export {
  PDF_UA_RULES,
  type PdfUaFinding,
  type PdfUaRule,
  type PdfUaWhere,
} from '../../pdfua/findings.js';
