// The drawn pack read lazily and written back as an incremental update (incremental.ts): what is
// appended is read back by hand (every cross-reference entry must point at its object), by
// pdf-lib, by pdfjs and by qpdf, which reports a table it has to repair.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { renderToBytes } from '../testing/render-bytes.js';
import { openLazyPack } from './incremental.js';
import { mergeAttachments } from './merge.js';
import { buildAgendaPackModel, renderAgendaPack, type RenderSummary } from '../index.js';
import { renderDocument } from '../render/render-document.js';
import { readPdf } from '../testing/read-pdf.js';
import { taggedReport, withAttachedFiles } from '../fixtures/attachments.fixture.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** The entries of the last cross-reference table, and the trailer after it, read by hand. */
const lastTable = (
  bytes: Uint8Array,
): { entries: { object: number; generation: number; offset: number }[]; trailer: string } => {
  const text = latin1(bytes);
  const at = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const end = text.indexOf('trailer', at);
  const tokens = text
    .slice(at + 4, end)
    .trim()
    .split(/\s+/);
  const entries = [];
  for (let index = 0; index < tokens.length;) {
    const first = Number(tokens[index]);
    const count = Number(tokens[index + 1]);
    index += 2;
    for (let n = 0; n < count; n += 1, index += 3) {
      if (tokens[index + 2] === 'n')
        entries.push({
          object: first + n,
          generation: Number(tokens[index + 1]),
          offset: Number(tokens[index]),
        });
    }
  }
  return { entries, trailer: text.slice(end, text.indexOf('startxref', end)) };
};

const MEETING = sampleIds.stockportMarch2022;

const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

/** qpdf's exit status: 0 clean, 2 errors, 3 warnings (a table it had to repair among them). */
const qpdfCheck = (bytes: Uint8Array): { status: number | null; output: string } => {
  const folder = mkdtempSync(join(tmpdir(), 'incremental-'));
  try {
    const file = join(folder, 'pack.pdf');
    writeFileSync(file, bytes);
    const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

describe('the drawn pack as an incremental update', () => {
  let drawn: Uint8Array;

  beforeAll(async () => {
    drawn = await renderToBytes((out) =>
      renderAgendaPack(loadSampleCouncil(), MEETING, 'public', out),
    );
  }, 60_000);

  it('parses only the objects looked up, and appends them and the new ones after pdfkit’s bytes', async () => {
    const pack = openLazyPack(drawn);
    expect(pack).toBeDefined();
    const { context, catalog, pages, save } = pack as NonNullable<typeof pack>;
    const whole = await PDFDocument.load(drawn, { updateMetadata: false });
    expect(pages).toEqual(whole.getPages().map((page) => page.ref));

    catalog.set(PDFName.of('Lang'), PDFString.of('cy'));
    const added = context.register(context.obj({ Note: PDFString.of('added by the merge') }));
    const firstPage = context.lookup(pages[0], PDFDict);
    const contents = firstPage.get(PDFName.of('Contents'));
    expect(contents).toBeInstanceOf(PDFRef);
    const bytes = await save();

    // pdfkit's bytes are untouched: the update follows them.
    expect(Buffer.from(bytes.subarray(0, drawn.byteLength)).equals(Buffer.from(drawn))).toBe(true);
    const { entries, trailer } = lastTable(bytes);
    // The catalog, the page tree and its pages, the new object: not the pack's other objects.
    const written = entries.map((item) => item.object);
    const root = Number(/\/Root (\d+) 0 R/.exec(latin1(drawn))?.[1]);
    expect(written).toEqual(expect.arrayContaining([root, added.objectNumber]));
    expect(written).not.toContain((contents as PDFRef).objectNumber);
    expect(entries.length).toBeLessThan(pages.length + 10);
    expect(entries.length).toBeLessThan(whole.context.enumerateIndirectObjects().length / 10);
    // Every entry points at its object.
    for (const { object, generation, offset } of entries) {
      expect(latin1(bytes.subarray(offset, offset + 24))).toMatch(
        new RegExp(`^${object} ${generation} obj\\b`),
      );
    }
    const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(drawn))?.[1];
    expect(trailer).toContain(`/Prev ${previous}`);
    expect(trailer).toContain(`/Root ${root} 0 R`);
    expect(trailer).toMatch(/\/Info \d+ 0 R/);

    const reread = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(reread.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(cy)');
    expect(reread.getPageCount()).toBe(pages.length);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    expect(document.numPages).toBe(pages.length);
    expect((await document.getMetadata()).info).toBeDefined();
    await document.destroy();
    if (hasQpdf) {
      const check = qpdfCheck(bytes);
      expect(check.output).toContain('No syntax or stream encoding errors');
      expect(check.status).toBe(0);
    }
  }, 60_000);

  it('leaves a deleted object out of the update', async () => {
    const pack = openLazyPack(drawn) as NonNullable<ReturnType<typeof openLazyPack>>;
    const { context, pages } = pack;
    const page = context.lookup(pages[0], PDFDict);
    const contents = page.get(PDFName.of('Contents'));
    const stream = context.lookup(contents);
    expect(stream).toBeDefined();
    expect(contents).toBeInstanceOf(PDFRef);
    context.delete(contents as PDFRef);
    expect(context.lookup(contents)).toBeUndefined();
    const written = lastTable(await pack.save()).entries.map((item) => item.object);
    expect(written).toContain(pages[0]?.objectNumber);
    expect(written).not.toContain((contents as PDFRef).objectNumber);
  });

  it('throws, rather than drop an object, when the table points where the object is not', () => {
    const text = latin1(drawn);
    const pack = openLazyPack(drawn) as NonNullable<ReturnType<typeof openLazyPack>>;
    const page = pack.context.lookup(pack.pages[0], PDFDict);
    const contents = page.get(PDFName.of('Contents')) as PDFRef;
    // Its entry in pdfkit's table, pointed 7 bytes later (same length: the table stays whole).
    const at = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
    const entryAt = text.indexOf('\n', at + 5) + 1 + contents.objectNumber * 20;
    const offset = Number(text.slice(entryAt, entryAt + 10));
    expect(text.slice(offset).startsWith(`${contents.objectNumber} 0 obj`)).toBe(true);
    const moved = Buffer.from(drawn);
    moved.write(String(offset + 7).padStart(10, '0'), entryAt, 'latin1');
    const broken = openLazyPack(new Uint8Array(moved)) as NonNullable<
      ReturnType<typeof openLazyPack>
    >;
    const brokenPage = broken.context.lookup(broken.pages[0], PDFDict);
    expect(() => broken.context.lookup(brokenPage.get(PDFName.of('Contents')))).toThrow(
      `object ${contents.objectNumber} 0 at byte ${offset + 7}, where it is not`,
    );
  });

  it('declines a file that is not one classic cross-reference table, for the whole-file merge', async () => {
    const whole = await PDFDocument.load(drawn, { updateMetadata: false });
    // A cross-reference stream (object streams).
    expect(openLazyPack(await whole.save({ useObjectStreams: true }))).toBeUndefined();
    // A file already updated: its table is one of a chain.
    const once = openLazyPack(drawn) as NonNullable<ReturnType<typeof openLazyPack>>;
    expect(openLazyPack(await once.save())).toBeUndefined();
    // Not a PDF, or cut short.
    expect(openLazyPack(new TextEncoder().encode('not a pdf'))).toBeUndefined();
    expect(openLazyPack(drawn.subarray(0, drawn.byteLength - 200))).toBeUndefined();
  });

  it('merges a pack it declines (object streams) by loading and saving it whole, to the same pages', async () => {
    // The pack drawn with pages reserved for one tagged attachment, as renderAgendaPack draws it.
    const base = loadSampleCouncil();
    const report = {
      title: 'Appendix A: Third quarter performance',
      bytes: await taggedReport(base, sampleIds.cfseQ3Update2021),
    };
    const dataset = await withAttachedFiles(base, MEETING, [
      { itemNumber: '5', fixtures: [report] },
    ]);
    const model = buildAgendaPackModel(dataset, MEETING, 'public', { mergeAttachedPdfs: true });
    let summary: RenderSummary | undefined;
    const reserved = await renderToBytes(async (out) => {
      summary = await renderDocument(
        {
          meta: model.meta,
          front: model.front,
          sections: model.items.map((item) => ({ section: item.section, itemNumber: item.number })),
        },
        out,
        new Date(Date.UTC(2022, 2, 1)),
      );
    });
    const plan = {
      attachments: (summary?.attachments ?? []).map((attachment) => ({
        ...attachment,
        load: () => report.bytes,
      })),
    };
    expect(plan.attachments).toHaveLength(1);
    const streams = await (
      await PDFDocument.load(reserved, { updateMetadata: false })
    ).save({ useObjectStreams: true });
    expect(openLazyPack(streams)).toBeUndefined();

    const lazy = await mergeAttachments(reserved, plan);
    const whole = await mergeAttachments(streams, plan);
    expect(latin1(lazy.bytes).match(/startxref/g)).toHaveLength(2);
    expect(latin1(whole.bytes).match(/startxref/g)).toHaveLength(1);
    expect(whole.grafted).toEqual(lazy.grafted);
    expect(lazy.grafted).toEqual([true]);
    const [a, b] = await Promise.all(
      [lazy.bytes, whole.bytes].map((bytes) => readPdf(bytes, { readFonts: false })),
    );
    expect(b?.pages).toEqual(a?.pages);
    expect(JSON.stringify(b?.structTree)).toEqual(JSON.stringify(a?.structTree));
    expect(JSON.stringify(b?.outline)).toEqual(JSON.stringify(a?.outline));
  }, 60_000);
});
