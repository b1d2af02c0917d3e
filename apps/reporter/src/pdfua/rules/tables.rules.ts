/**
 * Tables (PDF/UA-1 7.5, ISO 32000-1 §14.8.4.3.4): Table > (THead | TBody | TFoot >) TR > TH | TD,
 * every row the same width once ColSpan and RowSpan are counted, every TH scoped.
 */
import type { PDFDict } from 'pdf-lib';
import type { CheckContext } from '../check-context.js';
import { finding, type PdfUaFinding } from '../findings.js';
import { asDict, entry, itemsOf, nameAt, numberAt, resolve } from '../pdf-objects.js';
import type { StructElement } from '../struct-tree.js';

const ROW_GROUPS = new Set(['THead', 'TBody', 'TFoot']);
const CELLS = new Set(['TH', 'TD']);
const SCOPES = new Set(['Row', 'Column', 'Both']);

/** The element's attribute dictionaries owned by `/O /Table` (revision numbers skipped). */
export const tableAttributes = (element: StructElement): PDFDict[] =>
  itemsOf(entry(element.dict, 'A'))
    .map((item) => asDict(resolve(element.dict.context, item)))
    .filter((dict): dict is PDFDict => dict !== undefined && nameAt(dict, 'O') === 'Table');

const childElements = (element: StructElement): StructElement[] =>
  element.kids.flatMap((kid) => (kid.kind === 'element' ? [kid.element] : []));

const hasContentKids = (element: StructElement): boolean =>
  element.kids.some((kid) => kid.kind !== 'element');

/** Each element's parent's role is one the standard allows for it. */
const checkPlacement = (element: StructElement): PdfUaFinding | undefined => {
  const parent = element.parent?.role;
  const at = { path: element.path };
  if (element.role === 'TR' && parent !== 'Table' && !ROW_GROUPS.has(parent ?? '')) {
    return finding(
      'tables.structure',
      `a TR inside ${parent ?? 'the root'}, not a Table, THead, TBody or TFoot`,
      at,
    );
  }
  if (CELLS.has(element.role) && parent !== 'TR') {
    return finding(
      'tables.structure',
      `a ${element.role} inside ${parent ?? 'the root'}, not a TR`,
      at,
    );
  }
  if (ROW_GROUPS.has(element.role) && parent !== 'Table') {
    return finding(
      'tables.structure',
      `a ${element.role} inside ${parent ?? 'the root'}, not a Table`,
      at,
    );
  }
  return undefined;
};

const rowsOf = (table: StructElement, findings: PdfUaFinding[]): StructElement[] => {
  const rows: StructElement[] = [];
  if (hasContentKids(table))
    findings.push(
      finding('tables.structure', 'content directly in a Table, outside any row', {
        path: table.path,
      }),
    );
  for (const child of childElements(table)) {
    if (child.role === 'TR') rows.push(child);
    else if (ROW_GROUPS.has(child.role)) {
      if (hasContentKids(child))
        findings.push(
          finding('tables.structure', `content directly in a ${child.role}`, { path: child.path }),
        );
      for (const row of childElements(child)) {
        if (row.role === 'TR') rows.push(row);
        else
          findings.push(
            finding(
              'tables.structure',
              `a ${row.role} inside a ${child.role}, where only TR may be`,
              { path: row.path },
            ),
          );
      }
    } else if (child.role !== 'Caption') {
      findings.push(
        finding(
          'tables.structure',
          `a ${child.role} inside a Table, where only TR, THead, TBody, TFoot and Caption may be`,
          { path: child.path },
        ),
      );
    }
  }
  if (rows.length === 0)
    findings.push(finding('tables.structure', 'a Table without rows', { path: table.path }));
  return rows;
};

const span = (attributes: readonly PDFDict[], key: 'ColSpan' | 'RowSpan'): number => {
  for (const attribute of attributes) {
    const value = numberAt(attribute, key);
    if (value !== undefined) return Math.max(1, Math.floor(value));
  }
  return 1;
};

const checkTable = (table: StructElement): PdfUaFinding[] => {
  const findings: PdfUaFinding[] = [];
  const rows = rowsOf(table, findings);
  const widths: number[] = [];
  // Columns still covered by a cell spanning down from a row above: rows left, per column.
  let carried: number[] = [];
  for (const row of rows) {
    if (hasContentKids(row))
      findings.push(
        finding('tables.structure', 'content directly in a TR, outside any cell', {
          path: row.path,
        }),
      );
    let width = carried.filter((rowsLeft) => rowsLeft > 0).length;
    const next = carried.map((rowsLeft) => rowsLeft - 1).filter((rowsLeft) => rowsLeft > 0);
    for (const cell of childElements(row)) {
      if (!CELLS.has(cell.role)) {
        findings.push(
          finding('tables.structure', `a ${cell.role} inside a TR, where only TH and TD may be`, {
            path: cell.path,
          }),
        );
        continue;
      }
      const attributes = tableAttributes(cell);
      const columns = span(attributes, 'ColSpan');
      const rowSpan = span(attributes, 'RowSpan');
      width += columns;
      if (rowSpan > 1) next.push(...Array.from({ length: columns }, () => rowSpan - 1));
      if (cell.role === 'TH') {
        const scope = attributes
          .map((attribute) => nameAt(attribute, 'Scope'))
          .find((value) => value !== undefined);
        if (scope === undefined || !SCOPES.has(scope)) {
          findings.push(
            finding(
              'tables.th_scope',
              scope === undefined
                ? 'a TH without a /Scope (Table attribute)'
                : `a TH with /Scope /${scope}`,
              { path: cell.path, ...(cell.page === null ? {} : { page: cell.page + 1 }) },
            ),
          );
        }
      }
    }
    carried = next;
    widths.push(width);
  }
  if (new Set(widths).size > 1) {
    const widest = Math.max(...widths);
    const short = widths.flatMap((width, index) =>
      width < widest ? [`row ${index + 1} has ${width}`] : [],
    );
    findings.push(
      finding(
        'tables.regular',
        `rows of different widths (${widest} columns at most): ${short.slice(0, 6).join('; ')}`,
        { path: table.path, ...(table.page === null ? {} : { page: table.page + 1 }) },
      ),
    );
  }
  return findings;
};

export const checkTables = ({ tree }: CheckContext): PdfUaFinding[] => {
  if (tree === undefined) return [];
  const findings: PdfUaFinding[] = [];
  for (const element of tree.elements) {
    const misplaced = checkPlacement(element);
    if (misplaced !== undefined) findings.push(misplaced);
    if (element.role === 'Table') findings.push(...checkTable(element));
  }
  return findings;
};
