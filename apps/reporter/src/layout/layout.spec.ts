import type { Block, DocumentMeta, Section } from '../model/document-model.js';
import { PAGE } from './geometry.js';
import { countPages, layoutSection, type LayoutContext } from './layout.js';
import { fixedMetrics } from './metrics.js';
import type { PlacedOp, PlacedPage } from './placed.js';
import { wrapRuns } from './wrap.js';

const meta: DocumentMeta = {
  title: 'Test',
  subject: 'Test',
  author: 'Test Council',
  keywords: '',
  councilName: 'Test Council',
  colour: '#5C2D91',
  headerMark: null,
};

const context = (warnings: string[] = []): LayoutContext => ({
  metrics: fixedMetrics(0.5, [0x6f22]),
  meta,
  warn: (message) => warnings.push(message),
});

const section = (blocks: Block[], extra: Partial<Section> = {}): Section => ({
  id: 's1',
  tag: 'Sect',
  stamp: null,
  marking: null,
  blocks,
  ...extra,
});

const pagesOf = (value: Section, warnings: string[] = []): PlacedPage[] => [
  ...layoutSection(value, context(warnings)),
];

type TextOp = Extract<PlacedOp, { kind: 'text' }>;
const texts = (page: PlacedPage): TextOp[] =>
  page.ops.filter((op): op is TextOp => op.kind === 'text');
const bodyTexts = (page: PlacedPage): TextOp[] =>
  texts(page).filter((op) => op.tag.kind === 'struct');
const words = (count: number, prefix = 'word'): string =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');

describe('wrapRuns', () => {
  const metrics = fixedMetrics(0.5);
  const noWarn = (): void => undefined;

  it('breaks between words so no line is wider than the measure', () => {
    // Each character is 5 pt at 10 pt: "alpha beta" is 50 pt.
    const lines = wrapRuns([{ text: 'alpha beta gamma delta' }], 60, 10, metrics, noWarn);
    expect(lines.map((line) => line.fragments.map((fragment) => fragment.text).join(''))).toEqual([
      'alpha beta',
      'gamma delta',
    ]);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(60);
  });

  it('breaks a word longer than the line inside the word', () => {
    const url = 'http://democracy.stockport.gov.uk/ieListDocuments.aspx?CId=140&MId=27096';
    const lines = wrapRuns([{ text: url }], 100, 10, metrics, noWarn);
    expect(lines.length).toBe(Math.ceil(url.length / 20));
    expect(
      lines.map((line) => line.fragments.map((fragment) => fragment.text).join('')).join(''),
    ).toBe(url);
  });

  it('keeps styles as separate fragments on one line and honours hard breaks', () => {
    const lines = wrapRuns(
      [{ text: 'RESOLVED – ', style: 'bold' }, { text: 'That the report\nbe noted.' }],
      400,
      10,
      metrics,
      noWarn,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]?.fragments.map((fragment) => [fragment.font, fragment.text])).toEqual([
      ['bold', 'RESOLVED – '],
      ['regular', 'That the report'],
    ]);
    expect(lines[0]?.fragments[1]?.x).toBeCloseTo(55);
  });

  it('replaces a character the font lacks with "?" and says which character', () => {
    const warnings: string[] = [];
    const lacking = fixedMetrics(0.5, [0x6f22]);
    const lines = wrapRuns([{ text: 'Ward 漢 and 漢' }], 400, 10, lacking, (message) =>
      warnings.push(message),
    );
    expect(lines[0]?.fragments[0]?.text).toBe('Ward ? and ?');
    expect(warnings[0]).toMatch(/U\+6F22/);
  });
});

describe('layoutSection', () => {
  it('flows a long paragraph across pages, inside the margins, keeping its words in order', () => {
    const text = words(2000);
    const pages = pagesOf(section([{ kind: 'paragraph', runs: [{ text }] }]));
    expect(pages.length).toBeGreaterThan(3);
    const printed = pages.flatMap((page) => bodyTexts(page).map((op) => op.text)).join(' ');
    expect(printed).toBe(text);
    for (const page of pages) {
      for (const op of bodyTexts(page)) {
        expect(op.y).toBeGreaterThanOrEqual(PAGE.top);
        expect(op.y + op.size).toBeLessThanOrEqual(PAGE.bottom);
        expect(op.x + op.width).toBeLessThanOrEqual(PAGE.right + 0.01);
      }
    }
  });

  it('continues one paragraph element across pages (same structure key)', () => {
    const pages = pagesOf(section([{ kind: 'paragraph', runs: [{ text: words(1500) }] }]));
    const keys = new Set(
      pages.flatMap((page) =>
        bodyTexts(page).map((op) => (op.tag.kind === 'struct' ? op.tag.path.at(-1)?.key : '')),
      ),
    );
    expect(keys.size).toBe(1);
  });

  it('repeats the table header on each new page as an artifact and never splits a row', () => {
    const rows = Array.from({ length: 120 }, (_, index) => [
      { runs: [{ text: `CFSE.${index}` }] },
      { runs: [{ text: `${words(index % 7 === 0 ? 30 : 3, `m${index}-`)}` }] },
    ]);
    const pages = pagesOf(
      section([
        {
          kind: 'table',
          caption: 'Measures',
          columns: [{ header: 'Code' }, { header: 'Measure' }],
          rows,
        },
      ]),
    );
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      const headers = texts(page).filter((op) => op.text === 'Code');
      expect(headers).toHaveLength(1);
      expect(headers[0]?.tag.kind).toBe(index === 0 ? 'struct' : 'artifact');
    });
    // Every row's cells sit on exactly one page.
    const pageOfRow = new Map<string, Set<number>>();
    pages.forEach((page, pageIndex) => {
      for (const op of bodyTexts(page)) {
        const row =
          op.tag.kind === 'struct' ? op.tag.path.find((node) => node.tag === 'TR')?.key : undefined;
        if (row) pageOfRow.set(row, (pageOfRow.get(row) ?? new Set()).add(pageIndex));
      }
    });
    expect(pageOfRow.size).toBe(121);
    for (const pagesOfRow of pageOfRow.values()) expect(pagesOfRow.size).toBe(1);
  });

  it('moves a heading to the next page rather than leave it alone at the foot of a page', () => {
    // Fill the page to just above the bottom, then a heading and a paragraph.
    const filler: Block = { kind: 'spacer', height: PAGE.bottom - PAGE.top - 40 };
    const pages = pagesOf(
      section([
        { kind: 'paragraph', runs: [{ text: 'First.' }] },
        filler,
        { kind: 'heading', level: 2, runs: [{ text: 'Priority Two' }] },
        { kind: 'paragraph', runs: [{ text: words(60) }] },
      ]),
    );
    expect(pages).toHaveLength(2);
    expect(texts(pages[1] as PlacedPage).some((op) => op.text === 'Priority Two')).toBe(true);
  });

  it('stamps only the first page and marks every page, the first as content, of a marked section', () => {
    const pages = pagesOf(
      section([{ kind: 'paragraph', runs: [{ text: words(1500) }] }], {
        stamp: 'Agenda Item 6',
        marking: 'NOT FOR PUBLICATION',
      }),
    );
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      const artifacts = texts(page)
        .filter((op) => op.tag.kind === 'artifact')
        .map((op) => op.text);
      expect(artifacts.includes('Agenda Item 6')).toBe(index === 0);
      const marked = texts(page).filter((op) => op.text.includes('NOT FOR PUBLICATION'));
      expect(marked.length).toBeGreaterThan(0);
      // Read once, where it comes into force; a running artifact after that.
      expect(marked.every((op) => op.tag.kind === (index === 0 ? 'struct' : 'artifact'))).toBe(
        true,
      );
    });
  });

  it('starts a new page at a page break, and counts pages without drawing', () => {
    const value = section([
      { kind: 'paragraph', runs: [{ text: 'One' }] },
      { kind: 'page-break' },
      { kind: 'paragraph', runs: [{ text: 'Two' }] },
      { kind: 'page-break', marking: 'NOT FOR PUBLICATION' },
      { kind: 'paragraph', runs: [{ text: 'Three' }] },
    ]);
    const pages = pagesOf(value);
    expect(pages).toHaveLength(3);
    expect(countPages(value, context())).toBe(3);
    expect(
      texts(pages[2] as PlacedPage).some((op) => op.text.startsWith('NOT FOR PUBLICATION')),
    ).toBe(true);
    expect(
      texts(pages[1] as PlacedPage).some((op) => op.text.startsWith('NOT FOR PUBLICATION')),
    ).toBe(false);
  });

  it('tags list labels and bodies as Lbl and LBody inside LI inside L', () => {
    const [page] = pagesOf(
      section([
        { kind: 'list', items: [{ label: 'a)', runs: [{ text: 'Consider the report;' }] }] },
      ]),
    );
    const tags = bodyTexts(page as PlacedPage).map((op) =>
      op.tag.kind === 'struct' ? op.tag.path.map((node) => node.tag).join('/') : '',
    );
    expect(tags).toEqual(['Document/Sect/L/LI/Lbl', 'Document/Sect/L/LI/LBody']);
  });

  it('reports a missing glyph as a warning rather than failing', () => {
    const warnings: string[] = [];
    pagesOf(section([{ kind: 'paragraph', runs: [{ text: 'Ward 漢' }] }]), warnings);
    expect(warnings).toHaveLength(1);
  });

  it('splits only a row taller than a whole page, between lines, and finishes', () => {
    const pages = pagesOf(
      section([
        {
          kind: 'table',
          caption: null,
          columns: [{ header: 'Scheme' }, { header: 'Commentary' }],
          rows: [[{ runs: [{ text: 'Long' }] }, { runs: [{ text: words(3000) }] }]],
        },
      ]),
    );
    expect(pages.length).toBeGreaterThan(2);
    const printed = pages.flatMap((page) =>
      bodyTexts(page)
        .filter((op) => op.text !== 'Long' && op.text !== 'Scheme' && op.text !== 'Commentary')
        .map((op) => op.text),
    );
    expect(printed.join(' ')).toBe(words(3000));
    for (const page of pages)
      for (const op of bodyTexts(page)) expect(op.y).toBeLessThan(PAGE.bottom);
  });

  it('gives an empty section one page with its running header', () => {
    const pages = pagesOf(section([], { stamp: 'Agenda Item 1' }));
    expect(pages).toHaveLength(1);
    expect(texts(pages[0] as PlacedPage).map((op) => op.text)).toContain('Agenda Item 1');
  });

  it('is deterministic', () => {
    const value = section([{ kind: 'paragraph', runs: [{ text: words(800) }] }]);
    expect(JSON.stringify(pagesOf(value))).toBe(JSON.stringify(pagesOf(value)));
  });
});
