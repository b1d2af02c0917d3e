/**
 * `npm run bench:docx -w @scrutineer/reporter`: a long officer's Word report, written with the
 * `docx` package (sections each of a heading, paragraphs with bold words, a nested list, a
 * 12-row table and a picture), converted by `docxToReport` and printed by
 * `renderConvertedReport`. Prints the DOCX's size, the conversion's time and stored size, the
 * pages and the drawing time (fastest of --runs), and the process's peak RSS.
 *
 * Options: --sections 40 (about 2.5 pages each) --runs 3
 */
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { docxToReport, renderConvertedReport } from '@scrutineer/reporter';
import { makeTestPng } from '@scrutineer/reporter/testing';

const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
};

const SENTENCE =
  'The service saw demand rise across every locality this quarter, and the recovery plan sets out how waiting times will fall before the winter. ';

const cell = (text: string, bold = false): TableCell =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

const longReport = async (sections: number): Promise<Uint8Array> => {
  const png = makeTestPng(240, 160);
  const children = Array.from({ length: sections }, (_, section) => [
    new Paragraph({
      text: `${section + 1}. Locality ${section + 1}`,
      heading: HeadingLevel.HEADING_2,
    }),
    ...Array.from(
      { length: 8 },
      (_, paragraph) =>
        new Paragraph({
          children: [
            new TextRun(SENTENCE.repeat(2)),
            new TextRun({ text: `Figure ${section + 1}.${paragraph + 1}`, bold: true }),
            new TextRun(` ${SENTENCE}`),
          ],
        }),
    ),
    ...['Waiting times', 'Residential placements', 'Home care hours', 'Reablement'].map(
      (text, index) => new Paragraph({ text, bullet: { level: index % 2 } }),
    ),
    new Table({
      rows: [
        new TableRow({
          tableHeader: true,
          children: [cell('Measure', true), cell('Target', true), cell('Actual', true)],
        }),
        ...Array.from(
          { length: 12 },
          (_, row) =>
            new TableRow({
              children: [cell(`Measure ${row + 1}`), cell(`${80 + row}%`), cell(`${75 + row}%`)],
            }),
        ),
      ],
    }),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: 240, height: 160 },
          altText: { name: 'map', description: `Map of locality ${section + 1}` },
        }),
      ],
    }),
  ]);
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Adult Social Care: annual report',
            heading: HeadingLevel.HEADING_1,
          }),
          ...children.flat(),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
};

const sink = (): { out: Writable; bytes: () => number } => {
  let total = 0;
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      callback();
    },
  });
  return { out, bytes: () => total };
};

const main = async (): Promise<void> => {
  const sections = option('--sections', 40);
  const runs = option('--runs', 3);
  const docx = await longReport(sections);
  let convertMs = Infinity;
  let converted = await docxToReport(docx);
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    converted = await docxToReport(docx);
    convertMs = Math.min(convertMs, performance.now() - start);
  }
  const stored = Buffer.byteLength(JSON.stringify(converted));
  let renderMs = Infinity;
  let pages = 0;
  let pdfBytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const { out, bytes } = sink();
    const start = performance.now();
    const summary = await renderConvertedReport(
      converted.blocks,
      {
        title: 'Adult Social Care: annual report',
        councilName: 'Bench Council',
        colour: '#1D4F91',
      },
      out,
    );
    renderMs = Math.min(renderMs, performance.now() - start);
    pages = summary.pages;
    pdfBytes = bytes();
  }
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  const rows: [string, string][] = [
    ['sections', String(sections)],
    ['DOCX', kb(docx.length)],
    ['blocks', String(converted.blocks.length)],
    ['warnings', String(converted.warnings.length)],
    ['docxToReport (fastest)', `${convertMs.toFixed(0)} ms`],
    ['stored ConvertedReport (JSON)', kb(stored)],
    ['pages', String(pages)],
    [
      'renderConvertedReport (fastest)',
      `${renderMs.toFixed(0)} ms (${(renderMs / pages).toFixed(1)} ms/page)`,
    ],
    ['PDF', kb(pdfBytes)],
    ['peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(34)} ${value}`);
};

await main();
