/**
 * One benchmark measurement in a fresh process, so each run's peak memory is its own.
 *   node measure-child.js reporter <reportCount> <out.pdf>
 *   node measure-child.js tables <reportCount> <out.pdf>     (the plain-table pack, TABLE_PACK_PRESET)
 *   node measure-child.js html|html-pprr <reportCount> <out.html>  (a pack's model as HTML, not timed)
 *   node measure-child.js extract <pack.pdf> <out.ndjson>
 *   node measure-child.js floor|floor-tagged <pages.ndjson> <out.pdf>
 * Prints one JSON line: { pages, ms, peakRssMb, startRssMb }.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import {
  AGENDA_PACK_PRESET,
  TABLE_PACK_PRESET,
  buildSyntheticCouncil,
  buildSyntheticTablePack,
} from '@scrutineer/sample-council/synthetic';
import { packHtml } from './pack-html.js';

export type ChildResult = {
  readonly pages: number;
  /** Wall time of the measured work only (not process start, imports or building the data). */
  readonly ms: number;
  /** RSS high-water mark of the whole process, in MB. */
  readonly peakRssMb: number;
  /** RSS just before the measured work started, in MB. */
  readonly startRssMb: number;
};

/** One page of text as the reporter placed it: `[text, x, baselineY, fontSize]`, PDF points. */
export type PageText = {
  readonly width: number;
  readonly height: number;
  readonly items: [string, number, number, number][];
};

const CREATION_DATE = new Date(Date.UTC(2021, 10, 15, 9, 0, 0));
const megabytes = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const peakRssMb = (): number => megabytes(process.resourceUsage().maxRSS * 1024);

type Pack = 'pprr' | 'tables';

const buildPack = (pack: Pack, reportCount: number) =>
  pack === 'tables'
    ? buildSyntheticTablePack({ ...TABLE_PACK_PRESET, reports: reportCount })
    : buildSyntheticCouncil({ ...AGENDA_PACK_PRESET, portfolios: reportCount });

const measureReporter = async (
  pack: Pack,
  reportCount: number,
  outPath: string,
): Promise<ChildResult> => {
  const { renderAgendaPack } = await import('@scrutineer/reporter');
  const { dataset, meetingId } = buildPack(pack, reportCount);
  const startRssMb = megabytes(process.memoryUsage().rss);
  const out = createWriteStream(outPath);
  const start = performance.now();
  const summary = await renderAgendaPack(dataset, meetingId, 'public', out, {
    creationDate: CREATION_DATE,
  });
  if (!out.writableEnded) out.end();
  await finished(out);
  return {
    pages: summary.pages,
    ms: performance.now() - start,
    peakRssMb: peakRssMb(),
    startRssMb,
  };
};

/** Not timed: reads back what the reporter printed, with positions, one page per line. */
const extractText = async (pdfPath: string, outPath: string): Promise<ChildResult> => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(pdfPath));
  const document = await pdfjs.getDocument({ data, verbosity: 0 }).promise;
  const out = createWriteStream(outPath);
  const start = performance.now();
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    const page = await document.getPage(pageNumber);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PageText['items'] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , , x, y] = item.transform as number[];
      items.push([item.str, round(x ?? 0), round(y ?? 0), round(Math.hypot(a ?? 0, b ?? 0))]);
    }
    if (!out.write(`${JSON.stringify({ width, height, items } satisfies PageText)}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    page.cleanup();
  }
  out.end();
  await finished(out);
  const pages = document.numPages;
  await document.destroy();
  return { pages, ms: performance.now() - start, peakRssMb: peakRssMb(), startRssMb: 0 };
};

/**
 * The floor: pdfkit alone writes the same strings at the same places, one embedded Arimo TTF,
 * untagged, no measuring, wrapping or layout. Time spent parsing the input lines is subtracted.
 */
const writeFloor = async (
  ndjsonPath: string,
  outPath: string,
  isTagged: boolean,
): Promise<ChildResult> => {
  const require = createRequire(import.meta.url);
  const fontPath = require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf');
  const lines = createInterface({ input: createReadStream(ndjsonPath), crlfDelay: Infinity });
  const startRssMb = megabytes(process.memoryUsage().rss);
  const start = performance.now();
  let parsingMs = 0;
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: 'Floor', CreationDate: CREATION_DATE },
    ...(isTagged
      ? // @types/pdfkit 0.17 does not list PDF/UA among the subsets pdfkit 0.20 supports.
        ({
          pdfVersion: '1.7',
          tagged: true,
          lang: 'en-GB',
          displayTitle: true,
          subset: 'PDF/UA',
        } as object)
      : {}),
  });
  const out = createWriteStream(outPath);
  doc.pipe(out);
  doc.registerFont('Arimo', fontPath);
  const root = isTagged ? doc.struct('Document') : null;
  if (root !== null) doc.addStructure(root);
  let pages = 0;
  for await (const line of lines) {
    if (line === '') continue;
    const parseStart = performance.now();
    const page = JSON.parse(line) as PageText;
    parsingMs += performance.now() - parseStart;
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    doc.font('Arimo');
    for (const [text, x, baseline, size] of page.items) {
      // pdfkit places text by the top of its line box; the ascent of Arimo is about 0.9 em.
      const draw = () =>
        doc.fontSize(size).text(text, x, page.height - baseline - size * 0.9, { lineBreak: false });
      // Tagged: one P element per run of text, the least a tagged document needs.
      if (root === null) draw();
      else root.add(doc.struct('P', {}, draw));
    }
    pages += 1;
  }
  root?.end();
  doc.end();
  await finished(out);
  return { pages, ms: performance.now() - start - parsingMs, peakRssMb: peakRssMb(), startRssMb };
};

/** Not timed: a pack's document model as HTML, for Chromium (see pack-html.ts). */
const writeHtml = async (
  pack: Pack,
  reportCount: number,
  outPath: string,
): Promise<ChildResult> => {
  const { buildAgendaPackModel } = await import('@scrutineer/reporter');
  const { dataset, meetingId } = buildPack(pack, reportCount);
  const model = buildAgendaPackModel(dataset, meetingId, 'public');
  await writeFile(outPath, packHtml(model));
  return { pages: 0, ms: 0, peakRssMb: peakRssMb(), startRssMb: 0 };
};

const round = (value: number): number => Math.round(value * 100) / 100;

const [mode, argument, outPath] = process.argv.slice(2);
if (outPath === undefined || argument === undefined) {
  process.stderr.write(
    'usage: measure-child reporter|tables|html|extract|floor <input> <output>\n',
  );
  process.exit(2);
}
const result =
  mode === 'reporter' || mode === 'tables'
    ? await measureReporter(mode === 'tables' ? 'tables' : 'pprr', Number(argument), outPath)
    : mode === 'html' || mode === 'html-pprr'
      ? await writeHtml(mode === 'html' ? 'tables' : 'pprr', Number(argument), outPath)
      : mode === 'extract'
        ? await extractText(argument, outPath)
        : await writeFloor(argument, outPath, mode === 'floor-tagged');
process.stdout.write(`${JSON.stringify(result)}\n`);
