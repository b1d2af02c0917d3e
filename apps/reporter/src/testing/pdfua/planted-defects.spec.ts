/**
 * The checker fails as it should: each test takes a good PDF from our own reporter, plants exactly
 * one defect with pdf-lib (the table is `planted-defects.ts`), and expects the checker to report
 * that rule and no other (or, where the defect honestly breaks two rules, exactly those two).
 */
import { PDFString } from 'pdf-lib';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import { chooseSampleDocuments } from '../../cli/sample-command.js';
import { checkPdfUa, formatPdfUaFindings } from '../../pdfua/check-pdf-ua.js';
import { PDF_UA_RULES, type PdfUaRule } from '../../pdfua/findings.js';
import { DEFECTS, type Base } from './planted-defects.js';
import { element, name, plant } from './planting.js';
import { renderToBytes } from '../render-bytes.js';

describe('planted PDF/UA defects', () => {
  const bases = new Map<Base, Uint8Array>();

  beforeAll(async () => {
    const dataset = loadSampleCouncil();
    const documents = chooseSampleDocuments(dataset);
    const render = async (prefix: string) => {
      const document = documents.find((candidate) => candidate.fileName.startsWith(prefix));
      if (document === undefined) throw new Error(`No sample document ${prefix}`);
      return renderToBytes((out) => document.render(dataset, out, undefined));
    };
    bases.set('pprr', await render('pprr-'));
    bases.set('minutes', await render('stockport-2022-03-09-minutes'));
  }, 60_000);

  const baseOf = (base: Base): Uint8Array => {
    const bytes = bases.get(base);
    if (bytes === undefined) throw new Error(`No ${base} PDF`);
    return bytes;
  };

  it.each(['pprr', 'minutes'] as const)(
    'the %s PDF passes before planting, through pdf-lib and back',
    async (base) => {
      const untouched = await plant(baseOf(base), () => undefined);
      expect(formatPdfUaFindings(await checkPdfUa(untouched))).toBe('');
    },
  );

  it('a non-standard type the RoleMap maps to P passes', async () => {
    const bytes = await plant(baseOf('pprr'), (planting) => {
      element(planting, 'P').dict.set(name('S'), name('Paragraph'));
      planting.tree.root.set(name('RoleMap'), planting.document.context.obj({ Paragraph: 'P' }));
    });
    expect(formatPdfUaFindings(await checkPdfUa(bytes))).toBe('');
  });

  it('a /K array behind a reference passes (the reader follows it)', async () => {
    const bytes = await plant(baseOf('pprr'), (planting) => {
      const table = element(planting, 'Table');
      const k = table.dict.get(name('K'));
      if (k !== undefined) table.dict.set(name('K'), planting.document.context.register(k));
    });
    expect(formatPdfUaFindings(await checkPdfUa(bytes))).toBe('');
  });

  it('a Figure with /Alt passes', async () => {
    const bytes = await plant(baseOf('pprr'), (planting) => {
      const figure = element(planting, 'P');
      figure.dict.set(name('S'), name('Figure'));
      figure.dict.set(name('Alt'), PDFString.of('The council crest'));
    });
    expect(formatPdfUaFindings(await checkPdfUa(bytes))).toBe('');
  });

  it.each(DEFECTS)('%s (in the %s) is reported', async (_description, base, planter, expected) => {
    const findings = await checkPdfUa(await plant(baseOf(base), planter));
    const rules = [...new Set(findings.map((found) => found.rule))].sort();
    expect({ rules, findings: formatPdfUaFindings(findings) }).toMatchObject({
      rules: [...expected].sort(),
    });
  });

  it('says where: the TH, by page and structure path', async () => {
    const findings = await checkPdfUa(
      await plant(baseOf('pprr'), (planting) => element(planting, 'TH').dict.delete(name('A'))),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'tables.th_scope',
        where: { page: 1, path: expect.stringMatching(/\/Table\[\d+\]\/TR\[\d+\]\/TH\[1\]$/) },
      }),
    ]);
  });

  it('covers every rule with a planted defect', () => {
    const planted = new Set(DEFECTS.flatMap(([, , , expected]) => expected));
    expect(Object.keys(PDF_UA_RULES).filter((rule) => !planted.has(rule as PdfUaRule))).toEqual([]);
  });
});
