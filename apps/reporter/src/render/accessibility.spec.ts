import { renderToBytes as render } from '../testing/render-bytes.js';
import type { CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import { chooseSampleDocuments } from '../cli/sample-command.js';
import {
  flattenStruct,
  readPdf,
  type ParsedPdf,
  type PdfOutlineItem,
  type PdfStructNode,
} from '../testing/read-pdf.js';

/**
 * What a screen-reader user is told, read back from every sample document: the exempt
 * marking, the outline, mail links and totals.
 */

const MARKING = 'NOT FOR PUBLICATION – Schedule 12A';

/** H1–H3 headings in document order, once each (a heading continued on the next page counts once). */
const headings = (pdf: ParsedPdf): { level: number; text: string }[] => {
  const found: { level: number; text: string }[] = [];
  for (const page of pdf.structTree) {
    for (const node of flattenStruct(page)) {
      const match = /^H([1-3])$/.exec(node.role);
      if (!match) continue;
      found.push({ level: Number(match[1]), text: node.text });
    }
  }
  return found;
};

/** The outline in order, each entry with its depth (1 = top). */
const flattenOutline = (
  items: readonly PdfOutlineItem[],
  depth = 1,
): { title: string; depth: number }[] =>
  items.flatMap((item) => [
    { title: item.title, depth },
    ...flattenOutline(item.children, depth + 1),
  ]);

describe('what a screen reader hears in every sample document', () => {
  let dataset: CouncilDataset;
  const documents: { name: string; pdf: ParsedPdf }[] = [];
  const find = (prefix: string): ParsedPdf => {
    const found = documents.find((document) => document.name.startsWith(prefix));
    if (!found) throw new Error(`No sample document ${prefix}`);
    return found.pdf;
  };
  const pack = (edition: 'public' | 'confidential'): ParsedPdf => {
    const found = documents.find((document) => document.name.endsWith(`-agenda-${edition}.pdf`));
    if (!found) throw new Error(`No ${edition} pack`);
    return found.pdf;
  };

  beforeAll(async () => {
    dataset = loadSampleCouncil();
    for (const document of chooseSampleDocuments(dataset)) {
      const bytes = await render((out) => document.render(dataset, out, undefined));
      documents.push({ name: document.fileName, pdf: await readPdf(bytes, { readFonts: false }) });
    }
  }, 60_000);

  it('reads the exempt marking as the first paragraph where it comes into force, then as an artifact', () => {
    const pdf = pack('confidential');
    const marked = pdf.pages.flatMap((text, index) => (text.includes(MARKING) ? [index] : []));
    expect(marked.length).toBeGreaterThan(1);
    const tagged = marked.filter((index) =>
      (pdf.structTree[index] ?? []).some((node) =>
        flattenStruct([node]).some((child) => child.role === 'P' && child.text.startsWith(MARKING)),
      ),
    );
    // Announced once where it starts (the first marked page), not on every page after it.
    expect(tagged).toContain(marked[0]);
    expect(tagged.length).toBeLessThan(marked.length);
    // On the page where it is announced it is the section's first element, before its heading.
    const page = pdf.structTree[marked[0]!] ?? [];
    const section = flattenStruct(page).find((node) =>
      node.children.some((child) => child.role === 'P' && child.text.startsWith(MARKING)),
    );
    const first = section?.children[0];
    expect(first?.role).toBe('P');
    expect(first?.text.startsWith(MARKING)).toBe(true);
  });

  it('bookmarks every H1–H3 heading, nested by level, in the PPRR and in both packs', () => {
    for (const pdf of [find('pprr-'), pack('public'), pack('confidential')]) {
      const outline = flattenOutline(pdf.outline);
      const expected = headings(pdf);
      expect(outline.length).toBe(expected.length);
      // Bookmarks in heading order, and a heading one level below another nests one deeper.
      const levels = expected.map((heading) => heading.level);
      outline.forEach((entry, index) => {
        const before = index > 0 ? outline[index - 1]! : null;
        if (before && levels[index]! > levels[index - 1]!)
          expect(entry.depth).toBe(before.depth + 1);
        if (before && levels[index]! === levels[index - 1]!) expect(entry.depth).toBe(before.depth);
      });
    }
    const pprr = find('pprr-');
    expect(pprr.outline).toHaveLength(1);
    expect(flattenOutline(pprr.outline).length).toBeGreaterThanOrEqual(12);
    expect(
      flattenOutline(pprr.outline).some(
        (entry) => entry.title.startsWith('Priority 1:') && entry.depth === 3,
      ),
    ).toBe(true);
  });

  it('describes mail links by whom they reach, not as "mailto:"', () => {
    let mailLinks = 0;
    for (const { name, pdf } of documents) {
      for (const link of pdf.links.flat()) {
        if (!link.url?.startsWith('mailto:')) continue;
        mailLinks += 1;
        const address = link.url.slice('mailto:'.length);
        expect({ name, contents: link.contents }).toEqual({
          name,
          contents: expect.stringMatching(
            new RegExp(`^Email \\S.* \\(${address.replace(/[.+]/g, '\\$&')}\\)$`),
          ) as unknown,
        });
      }
      const linkNodes = pdf.structTree
        .flatMap((page) => flattenStruct(page))
        .filter((node) => node.role === 'Link' && node.text.includes('@'));
      for (const node of linkNodes)
        expect({ name, alt: node.alt }).toEqual({
          name,
          alt: expect.stringMatching(/^Email \S.* \(.+@.+\)$/) as unknown,
        });
    }
    expect(mailLinks).toBeGreaterThan(0);
  });

  it('heads the budget "Total" row with a row header, so it is announced as the total', () => {
    const rows = (pdf: ParsedPdf): PdfStructNode[] =>
      pdf.structTree.flatMap((page) => flattenStruct(page).filter((node) => node.role === 'TR'));
    const totals = rows(find('pprr-')).filter((row) => row.children[0]?.text === 'Total');
    expect(totals.length).toBeGreaterThan(0);
    for (const row of totals) {
      expect(row.children[0]?.role).toBe('TH');
      expect(row.children.slice(1).every((cell) => cell.role === 'TD')).toBe(true);
    }
  });
});
