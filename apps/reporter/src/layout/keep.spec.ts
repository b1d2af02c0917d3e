import type { Block, DocumentMeta, TableCell } from '../model/document-model.js';
import { PAGE, TYPE, lineHeight } from './geometry.js';
import { layoutSection, type LayoutContext } from './layout.js';
import { fixedMetrics } from './metrics.js';
import type { PlacedOp, PlacedPage } from './placed.js';

/**
 * The keep rules, each on a page filled to just the height where the rule decides. Sizes (with
 * `fixedMetrics`, every character 0.5 em): a body line is 14.52 pt, a 9 pt table line 11.88 pt
 * and a table row 6 pt more; a paragraph leaves 6 pt after it.
 */

const meta: DocumentMeta = {
  title: 'Test',
  subject: 'Test',
  author: 'Test Council',
  keywords: '',
  councilName: 'Test Council',
  colour: '#5C2D91',
  headerMark: null,
};
const ctx: LayoutContext = { metrics: fixedMetrics(0.5), meta, warn: () => undefined };
const BODY_LINE = lineHeight(TYPE.body);
const TABLE_ROW = lineHeight(TYPE.table) + 6;

const pagesOf = (blocks: Block[]): PlacedPage[] => [
  ...layoutSection({ id: 's', tag: 'Sect', stamp: null, marking: null, blocks }, ctx),
];

type TextOp = Extract<PlacedOp, { kind: 'text' }>;
/** The page (0-based) each body text is printed on, by its text; repeated headers left out. */
const pageOf = (pages: readonly PlacedPage[], text: string): number =>
  pages.findIndex((page) =>
    page.ops.some(
      (op): op is TextOp => op.kind === 'text' && op.tag.kind === 'struct' && op.text === text,
    ),
  );

/** A line of text and a spacer that leave `room` points below them on the first page. */
const fill = (room: number): Block[] => [
  { kind: 'paragraph', runs: [{ text: 'start' }] },
  { kind: 'spacer', height: PAGE.bottom - PAGE.top - (BODY_LINE + 6) - room },
];
const lines = (prefix: string, count: number): string =>
  Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`).join('\n');
const cell = (text: string): TableCell => ({ runs: [{ text }] });

describe('keep rules', () => {
  it('moves a paragraph of three lines whole rather than leave its last line alone (widow)', () => {
    const pages = pagesOf([
      ...fill(2.5 * BODY_LINE),
      { kind: 'paragraph', runs: [{ text: lines('w', 3) }] },
    ]);
    expect(pageOf(pages, 'w1')).toBe(1);
    expect(pageOf(pages, 'w3')).toBe(1);
  });

  it('carries two lines over rather than one, and leaves two behind (widows and orphans)', () => {
    const pages = pagesOf([
      ...fill(4.5 * BODY_LINE),
      { kind: 'paragraph', runs: [{ text: lines('p', 5) }] },
    ]);
    expect([1, 2, 3, 4, 5].map((line) => pageOf(pages, `p${line}`))).toEqual([0, 0, 0, 1, 1]);
  });

  it.each([
    ['a lead-in marked keep-with-next', true],
    ['a paragraph ending with a colon', false],
  ])(
    'keeps %s (a resolution’s lead) with two lines of the list after it, counting its space after',
    (_, keepWithNext) => {
      // Lead (one line), its 6 pt, and a first item of two lines: 49.6 pt; 48.5 pt are left.
      const pages = pagesOf([
        ...fill(48.5),
        {
          kind: 'paragraph',
          label: '33.6',
          runs: [{ text: 'RESOLVED – That the Committee:' }],
          ...(keepWithNext ? { keepWithNext } : {}),
        },
        {
          kind: 'list',
          items: [
            { label: '(i)', runs: [{ text: lines('first', 2) }] },
            { label: '(ii)', runs: [{ text: 'second' }] },
          ],
        },
      ]);
      expect(pageOf(pages, 'RESOLVED – That the Committee:')).toBe(1);
      expect(pageOf(pages, 'first1')).toBe(1);
    },
  );

  const tallRows = (count: number): TableCell[][] =>
    Array.from({ length: count }, (_, index) => [
      cell(`r${index + 1}`),
      cell(lines(`t${index + 1}-`, 3)),
    ]);

  it('keeps a heading with a following table’s header and first two rows, measured', () => {
    // Heading 33.16 pt; header row 17.88; two rows of three lines 83.28. 123 pt are left.
    const pages = pagesOf([
      ...fill(123),
      { kind: 'heading', level: 2, runs: [{ text: 'Appendix' }] },
      {
        kind: 'table',
        caption: null,
        columns: [{ header: 'Code' }, { header: 'Note' }],
        rows: tallRows(4),
      },
    ]);
    expect(pageOf(pages, 'Appendix')).toBe(1);
    expect(pageOf(pages, 'r2')).toBe(1);
  });

  it('starts a table on a new page unless its caption and header fit with two body rows', () => {
    // Caption 17.52 pt with its gap; header 17.88; two rows 83.28: 118.7 pt. 100 pt are left.
    const pages = pagesOf([
      ...fill(100),
      {
        kind: 'table',
        caption: 'Measures',
        columns: [{ header: 'Code' }, { header: 'Note' }],
        rows: tallRows(4),
      },
    ]);
    expect(pageOf(pages, 'Measures')).toBe(1);
    expect(pageOf(pages, 'r1')).toBe(1);
  });

  // From the top of a page, the header row and 37 one-line rows fill it: a 38th row goes over.
  const rowsOnFirstPage = Math.floor((PAGE.bottom - PAGE.top - TABLE_ROW) / TABLE_ROW);
  const oneLineRows = Array.from({ length: rowsOnFirstPage }, (_, index) => [
    cell(`row${index + 1}`),
    cell(`£${index + 1},000`),
  ]);

  it('never leaves a Total (footer) row alone at the top of a page: the row above goes with it', () => {
    const pages = pagesOf([
      {
        kind: 'table',
        caption: null,
        columns: [{ header: 'Service' }, { header: 'Budget' }],
        rows: oneLineRows,
        footerRows: [[cell('Total'), cell('£703,000')]],
      },
    ]);
    expect(pageOf(pages, 'Total')).toBe(1);
    expect(pageOf(pages, `row${rowsOnFirstPage}`)).toBe(1);
    expect(pageOf(pages, `row${rowsOnFirstPage - 1}`)).toBe(0);
  });

  it('keeps a plain table’s last row (a Total among the rows) with the row above', () => {
    const pages = pagesOf([
      {
        kind: 'table',
        caption: null,
        columns: [{ header: 'Service' }, { header: 'Budget' }],
        rows: [...oneLineRows, [cell('Total'), cell('£703,000')]],
      },
    ]);
    expect(pageOf(pages, 'Total')).toBe(1);
    expect(pageOf(pages, `row${rowsOnFirstPage}`)).toBe(1);
  });

  it('does not leave a short last block (“Officer contact: …”) alone on a page', () => {
    const pages = pagesOf([
      ...fill(10 * BODY_LINE + 1),
      { kind: 'paragraph', runs: [{ text: lines('body', 10) }] },
      {
        kind: 'paragraph',
        size: 10,
        runs: [{ text: 'Officer contact: ', style: 'bold' }, { text: 'Pat Officer' }],
      },
    ]);
    expect(pageOf(pages, 'Officer contact: ')).toBe(1);
    expect([8, 9, 10].map((line) => pageOf(pages, `body${line}`))).toEqual([0, 1, 1]);
  });

  it('brings a heading and what it heads along with the short last block after a table', () => {
    const pages = pagesOf([
      {
        kind: 'table',
        caption: null,
        columns: [{ header: 'Service' }, { header: 'Budget' }],
        rows: oneLineRows.slice(0, rowsOnFirstPage - 1),
      },
      { kind: 'heading', level: 3, runs: [{ text: 'Contact' }] },
      { kind: 'key-value', rows: [{ key: 'Officer', value: [{ text: 'Pat Officer' }] }] },
    ]);
    expect(pageOf(pages, 'Contact')).toBe(pageOf(pages, 'Pat Officer'));
    expect(pageOf(pages, `row${rowsOnFirstPage - 1}`)).toBe(pageOf(pages, 'Pat Officer'));
  });

  it('keeps a section’s closing contacts together with their heading', () => {
    // The paragraph (151.2 pt), the heading (25.18) and two of the three contacts (35.04 each)
    // fit on the first page; the third does not.
    const pages = pagesOf([
      ...fill(151.2 + 25.18 + 2 * 35.04 + 5),
      { kind: 'paragraph', runs: [{ text: lines('body', 10) }] },
      { kind: 'heading', level: 2, look: 3, runs: [{ text: 'Contact officers' }] },
      ...[1, 2, 3].map((contact): Block => ({
        kind: 'paragraph',
        runs: [{ text: lines(`officer${contact}-`, 2) }],
      })),
    ]);
    expect(pageOf(pages, 'Contact officers')).toBe(1);
    expect(pageOf(pages, 'officer1-1')).toBe(1);
    expect(pageOf(pages, 'officer3-2')).toBe(1);
    expect(pageOf(pages, 'body10')).toBe(1);
  });

  it('brings a list’s last lines along with a section’s closing contacts', () => {
    // The list's item (four lines, 58.08 pt) and the heading (25.18) fit; the contact does not.
    const pages = pagesOf([
      ...fill(58.08 + 3 + 6 + 25.18 + 5),
      { kind: 'list', items: [{ label: '•', runs: [{ text: lines('paper', 4) }] }] },
      { kind: 'heading', level: 2, look: 3, runs: [{ text: 'Contact officers' }] },
      { kind: 'paragraph', runs: [{ text: lines('officer-', 2) }] },
    ]);
    expect(pageOf(pages, 'officer-1')).toBe(1);
    expect([1, 2, 3, 4].map((line) => pageOf(pages, `paper${line}`))).toEqual([0, 0, 1, 1]);
  });
});
