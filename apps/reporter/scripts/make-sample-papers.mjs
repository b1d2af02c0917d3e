/* global process, Buffer */
// Build step (after tsc): makes the sample council's papers (packages/sample-council/src/papers.ts)
// and writes the sample council with them attached, as `scrutineer-pack --input` reads a data
// set with files beside it:
//
//   dist/sample-council/sample-council.json        the CouncilDataset, papers attached by SHA-256
//   dist/sample-council/files/<sha256>.pdf|.docx   each paper's bytes
//
// The Word report is made with the `docx` package (a dev dependency: build time only), the tagged
// appendix is drawn by this reporter (renderConvertedReport), the untagged ones with pdfkit (untagged, fonts embedded);
// page counts are read back with pdf-lib. Every
// date and name in the files is fixed, so the same sources give the same bytes (and SHA-256s).
// Nothing here is committed: it is build output, like the rest of dist/.
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { createRequire } from 'node:module';
import { PDFDocument } from 'pdf-lib';
import PDFKitDocument from 'pdfkit';
import {
  attachSamplePapers,
  loadSampleCouncil,
  samplePaperMediaType,
  samplePapers,
} from '@scrutineer/sample-council';
import { renderConvertedReport } from '../dist/index.js';

const require = createRequire(import.meta.url);
const FIXED_DATE = new Date('2022-03-01T09:00:00Z');
const AUTHOR = 'Director of Children’s Services';
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'dist', 'sample-council');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The Word report: Heading 1 title, Heading 2 sections, a bulleted list, a table with a header row. */
const makeDocx = async (paper) => {
  const children = [new Paragraph({ text: paper.heading, heading: HeadingLevel.HEADING_1 })];
  for (const section of paper.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }));
    for (const text of section.paragraphs) children.push(new Paragraph({ text }));
    for (const text of section.bullets ?? [])
      children.push(new Paragraph({ text, numbering: { reference: 'bullets', level: 0 } }));
  }
  if (paper.table) {
    const cell = (text, bold) =>
      new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: paper.table.header.map((text) => cell(text, true)),
          }),
          ...paper.table.rows.map(
            (row) => new TableRow({ children: row.map((text) => cell(text, false)) }),
          ),
        ],
      }),
    );
  }
  const document = new Document({
    creator: AUTHOR,
    lastModifiedBy: AUTHOR,
    title: paper.heading,
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }],
        },
      ],
    },
    sections: [{ children }],
  });
  const packed = await Packer.toBuffer(document);
  // `docx` stamps the time of packing into docProps/core.xml and every ZIP entry: pin both.
  const zip = await JSZip.loadAsync(packed);
  const fixed = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    let data = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml') {
      data = Buffer.from(
        Buffer.from(data)
          .toString('utf8')
          .replace(
            /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
            `$1${FIXED_DATE.toISOString().replace('.000', '')}$3`,
          ),
        'utf8',
      );
    }
    fixed.file(entry.name, data, { date: FIXED_DATE, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'DOS' });
};

/** The tagged appendix, drawn by this reporter in the council's style. */
const makeTaggedPdf = async (paper, authority) => {
  const runs = (text) => [{ text }];
  const blocks = [];
  for (const section of paper.sections) {
    blocks.push({ kind: 'heading', level: 1, runs: runs(section.heading) });
    for (const text of section.paragraphs) blocks.push({ kind: 'paragraph', runs: runs(text) });
    if (section.bullets)
      blocks.push({
        kind: 'list',
        items: section.bullets.map((text) => ({ depth: 0, ordered: false, runs: runs(text) })),
      });
  }
  if (paper.table)
    blocks.push({
      kind: 'table',
      headerRows: 1,
      rows: [paper.table.header, ...paper.table.rows].map((row) =>
        row.map((text) => ({ runs: runs(text) })),
      ),
    });
  const chunks = [];
  const out = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderConvertedReport(
    blocks,
    {
      title: paper.heading,
      councilName: authority.name,
      colour: authority.style.primaryColour,
      author: AUTHOR,
    },
    out,
    { creationDate: FIXED_DATE },
  );
  return new Uint8Array(Buffer.concat(chunks));
};

/**
 * An untagged PDF, as many word processors still write one: its fonts embedded with Unicode
 * mappings (pdfkit, Arimo), a title and a language, but no tags.
 */
const makeUntaggedPdf = (paper) =>
  new Promise((resolve, reject) => {
    const document = new PDFKitDocument({
      size: 'A4',
      margin: 72,
      lang: 'en-GB',
      info: {
        Title: paper.heading,
        Author: AUTHOR,
        Producer: 'Sample council papers',
        Creator: 'Sample council papers',
        CreationDate: FIXED_DATE,
        ModDate: FIXED_DATE,
      },
    });
    const chunks = [];
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
    document.registerFont(
      'regular',
      require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf'),
    );
    document.registerFont(
      'bold',
      require.resolve('@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf'),
    );
    document.font('bold').fontSize(16).text(paper.heading).moveDown(0.8);
    for (const section of paper.sections) {
      document.font('bold').fontSize(12).text(section.heading).moveDown(0.3);
      for (const text of section.paragraphs)
        document.font('regular').fontSize(11).text(text).moveDown(0.5);
    }
    document.end();
  });

const dataset = loadSampleCouncil();
const authorityOf = (paper) => {
  const meeting = dataset.meetings.find((document) => document.meeting.id === paper.meetingId);
  const committee = dataset.committees.find((c) => c.id === meeting?.meeting.committeeId);
  return dataset.authorities.find((a) => a.id === committee?.authorityId);
};

// Written to a new folder, then renamed over the old: a failed build leaves the last good one.
const staging = `${target}.tmp-${process.pid}`;
await rm(staging, { recursive: true, force: true });
await mkdir(join(staging, 'files'), { recursive: true });
const files = new Map();
for (const paper of samplePapers) {
  const bytes =
    paper.format === 'docx'
      ? await makeDocx(paper)
      : paper.format === 'tagged-pdf'
        ? await makeTaggedPdf(paper, authorityOf(paper))
        : await makeUntaggedPdf(paper);
  const hash = sha256(bytes);
  const mediaType = samplePaperMediaType(paper.format);
  const extension = paper.format === 'docx' ? 'docx' : 'pdf';
  await writeFile(join(staging, 'files', `${hash}.${extension}`), bytes);
  files.set(paper.id, {
    sha256: hash,
    mediaType,
    byteLength: bytes.byteLength,
    fileName: paper.fileName,
    ...(paper.format === 'docx'
      ? {}
      : {
          pageCount: (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount(),
        }),
  });
}
await writeFile(
  join(staging, 'sample-council.json'),
  `${JSON.stringify(attachSamplePapers(dataset, files), null, 2)}\n`,
);
await rm(target, { recursive: true, force: true });
await rename(staging, target);
