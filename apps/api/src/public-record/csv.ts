/**
 * CSV as RFC 4180 writes it: a header row, CRLF line ends, every field quoted when it holds a
 * comma, a quote, CR or LF (quotes doubled). A cell a spreadsheet would read as a formula (it
 * starts with =, +, -, @, a tab or CR) is prefixed with `'` so it opens as text (OWASP's CSV
 * injection advice). The file is UTF-8 with a byte order mark, which Excel needs to read it so.
 */
export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export const csvField = (value: CsvCell): string => {
  if (value === null) return '';
  let text = String(value);
  // A number is data, not a formula: -3 stays -3.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvRow = (cells: readonly CsvCell[]): string => `${cells.map(csvField).join(',')}\r\n`;

export const CSV_BOM = '\uFEFF';

export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  CSV_BOM + csvRow(header) + rows.map(csvRow).join('');
