import type { Block, TableCell } from '../../model/document-model.js';
import { CONTENT_WIDTH } from '../geometry.js';
import { fixedMetrics } from '../metrics.js';
import {
  CELL_PADDING_X_PT,
  isNumericColumn,
  runsExtent,
  sizeColumns,
  tableGrid,
} from './table-size.js';

// Every character 0.5 em: at the table's 9 pt, 4.5 pt a character (bold too).
const metrics = fixedMetrics(0.5);
const CHAR = 4.5;
const PAD = 2 * CELL_PADDING_X_PT;
const sum = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);
const cell = (text: string): TableCell => ({ runs: [{ text }] });

describe(runsExtent.name, () => {
  it('gives the longest word as the minimum and the widest unwrapped line as the maximum', () => {
    const extent = runsExtent([{ text: 'to be or notatall\nshort' }], 9, metrics);
    expect(extent.min).toBeCloseTo('notatall'.length * CHAR);
    expect(extent.max).toBeCloseTo('to be or notatall'.length * CHAR);
  });

  it('runs a word on across runs (a bold “£” before its figure)', () => {
    const extent = runsExtent([{ text: '£', style: 'bold' }, { text: '12,000 a' }], 9, metrics);
    expect(extent.min).toBeCloseTo('£12,000'.length * CHAR);
  });
});

describe(sizeColumns.name, () => {
  it('gives each column its maximum when the maxima fit, sharing the spare width in proportion to them', () => {
    const { widths, overflows } = sizeColumns(
      [
        { min: 10, max: 100 },
        { min: 10, max: 50 },
      ],
      [undefined, undefined],
      300,
    );
    expect(widths[0]).toBeCloseTo(200);
    expect(widths[1]).toBeCloseTo(100);
    expect(overflows).toBe(false);
  });

  it('gives each column its minimum and shares the rest in proportion to max − min when the maxima do not fit', () => {
    const { widths } = sizeColumns(
      [
        { min: 40, max: 40 },
        { min: 60, max: 1060 },
        { min: 50, max: 550 },
      ],
      [undefined, undefined, undefined],
      300,
    );
    // 150 to share; growths 0, 1000 and 500.
    expect(widths[0]).toBeCloseTo(40);
    expect(widths[1]).toBeCloseTo(160);
    expect(widths[2]).toBeCloseTo(100);
    expect(sum(widths)).toBeCloseTo(300);
  });

  it('honours declared points and fractions, never below the longest word, and sizes the rest by content', () => {
    const { widths } = sizeColumns(
      [
        { min: 20, max: 20 },
        { min: 80, max: 80 },
        { min: 10, max: 2000 },
      ],
      [{ points: 60 }, { fraction: 0.1 }, undefined],
      400,
    );
    expect(widths[0]).toBeCloseTo(60);
    expect(widths[1]).toBeCloseTo(80);
    expect(widths[2]).toBeCloseTo(260);
  });

  it('never gives a column less than its minimum when the minima fit, to the last bit', () => {
    // A seeded stream of tables of 2 to 9 columns, sized to a content width.
    let state = 7;
    const next = (): number => {
      state = (state * 48_271) % 2_147_483_647;
      return state / 2_147_483_647;
    };
    for (let table = 0; table < 500; table += 1) {
      const extents = Array.from({ length: 2 + Math.floor(next() * 8) }, () => {
        const min = 10 + next() * 40;
        return { min, max: next() < 0.5 ? min : min + next() * 400 };
      });
      const { widths } = sizeColumns(
        extents,
        extents.map(() => undefined),
        CONTENT_WIDTH,
      );
      if (sum(extents.map((extent) => extent.min)) > CONTENT_WIDTH) continue;
      extents.forEach((extent, index) => expect(widths[index]).toBeGreaterThanOrEqual(extent.min));
    }
  });

  it('says when the minima alone overflow, and scales them to fit', () => {
    const { widths, overflows } = sizeColumns(
      [
        { min: 300, max: 300 },
        { min: 100, max: 100 },
      ],
      [undefined, undefined],
      200,
    );
    expect(overflows).toBe(true);
    expect(widths[0]).toBeCloseTo(150);
    expect(widths[1]).toBeCloseTo(50);
  });
});

describe(isNumericColumn.name, () => {
  it('takes amounts, percentages and counts as numbers and skips empty and dashed cells', () => {
    const rows = [
      ['£1,794,000', '83.2%', '612', '(£152,000)'],
      ['–', '', '−£1.2m', '£186.50'],
    ].map((row) => row.map(cell));
    expect([0, 1, 2, 3].map((column) => isNumericColumn(rows, column))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('does not take words, years or an empty column as numbers', () => {
    const rows = [['Taxi', '2019/20', '', '12 days']].map((row) => row.map(cell));
    expect([0, 1, 2, 3].map((column) => isNumericColumn(rows, column))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe(tableGrid.name, () => {
  const block: Extract<Block, { kind: 'table' }> = {
    kind: 'table',
    caption: 'Measures',
    columns: [
      { header: 'Code' },
      { header: 'Measure' },
      { header: 'Actual' },
      { header: 'RAG', align: 'center' },
    ],
    rows: Array.from({ length: 5 }, (_, index) => [
      cell(`P1.${index}`),
      cell(
        'Percentage of children who became the subject of a child protection plan for a second or subsequent time',
      ),
      cell(`${60 + index}.5%`),
      cell('Amber'),
    ]),
  };

  it('sizes the narrow columns to their content and gives the sentence the rest, across the content width', () => {
    const grid = tableGrid(block, metrics, () => undefined);
    expect(sum(grid.widths)).toBeCloseTo(CONTENT_WIDTH);
    // The short columns get their unwrapped width (plus padding): they never wrap.
    expect(grid.widths[0]).toBeCloseTo('P1.0'.length * CHAR + PAD);
    expect(grid.widths[2]).toBeCloseTo('Actual'.length * CHAR + PAD);
    expect(grid.widths[3]).toBeCloseTo('Amber'.length * CHAR + PAD);
    expect(grid.widths[1]).toBeGreaterThan(CONTENT_WIDTH / 2);
  });

  it('right-aligns a column of numbers unless the column says otherwise', () => {
    expect(tableGrid(block, metrics, () => undefined).aligns).toEqual([
      'left',
      'left',
      'right',
      'center',
    ]);
  });

  it('warns when the longest words alone do not fit across the page', () => {
    const warnings: string[] = [];
    tableGrid(
      {
        kind: 'table',
        caption: 'Too wide',
        columns: Array.from({ length: 6 }, (_, index) => ({ header: `Column${index}` })),
        rows: [Array.from({ length: 6 }, () => cell('x'.repeat(30)))],
      },
      metrics,
      (message) => warnings.push(message),
    );
    expect(warnings).toEqual([expect.stringMatching(/"Too wide" is wider than the page/)]);
  });
});
