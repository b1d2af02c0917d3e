/**
 * A Word report made at test time with the `docx` package (a dev dependency, like everything in
 * `testing/`): what an officer's report holds — headings at three levels, paragraphs with bold
 * and italic words, a bulleted and a numbered list each with a nested level, a table with a
 * header row, an image with alt text, a footnote — and, for the clerk's warnings, what cannot be
 * re-typeset: a text box, a tracked insertion and deletion, a comment, a paragraph in a style
 * the style map does not know, and an embedded object (patched into the XML, which `docx`
 * cannot write). No binary is committed: the same call gives the same document.
 */
import { deflateSync } from 'node:zlib';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
  WidthType,
} from 'docx';
import JSZip from 'jszip';

/** Every piece of text the fixture's body holds that must reach the PDF, in reading order. */
export const DOCX_FIXTURE_TEXT = [
  'Adult Social Care: Quarter 2 Update',
  'Purpose of the report',
  'This report sets out how the service performed between July and September.',
  'Key findings',
  'Waiting times',
  'Residential placements',
  'Home care hours',
  'Reablement',
  'Next steps',
  'Agree the recovery plan',
  'Review the budget',
  'Performance against target',
  'Measure',
  'Target',
  'Actual',
  'Assessments completed within 28 days',
  'Map of the county’s four localities',
  'Background papers',
] as const;

/** The image's alt text, as the officer wrote it in Word. */
export const DOCX_FIXTURE_ALT = 'Map of the county’s four localities, each shaded by waiting time';

/** The footnote's words. */
export const DOCX_FIXTURE_FOOTNOTE = 'Source: the council’s case management system, October 2026.';

export type DocxFixtureOptions = {
  /** Leave out the text box, tracked changes, comment, odd style and embedded object. */
  readonly clean?: boolean;
  /** A marker printed in the report's first paragraph (the exempt-leak tests plant one). */
  readonly marker?: string;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const pngChunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A small RGB PNG: four coloured quarters, `width` × `height` pixels. */
export const makeTestPng = (width = 120, height = 80): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const colours = [
    [0x1f, 0x4e, 0x79],
    [0x9c, 0xc3, 0xe6],
    [0xf4, 0xb1, 0x83],
    [0xa9, 0xd0, 0x8e],
  ] as const;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < width; x += 1) {
      const colour = colours[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)] ?? colours[0];
      raw.set(colour, row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
};

const change = { author: 'A. Officer', date: '2026-10-01T09:00:00Z' };

const cell = (text: string, bold = false): TableCell =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** An embedded OLE object (a spreadsheet pasted into Word), as Word writes it. */
const EMBEDDED_OBJECT_XML =
  '<w:p><w:r><w:object w:dxaOrig="1440" w:dyaOrig="720"><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1234567890"/></w:object></w:r></w:p>';

/** The fixture DOCX's bytes. */
export const makeDocxReport = async (options: DocxFixtureOptions = {}): Promise<Uint8Array> => {
  const clean = options.clean ?? false;
  const firstParagraph: (TextRun | InsertedTextRun | DeletedTextRun)[] = [
    new TextRun('This report sets out how the service performed between July and September.'),
  ];
  if (options.marker) firstParagraph.push(new TextRun(` ${options.marker}`));
  if (!clean) {
    firstParagraph.push(
      new InsertedTextRun({ text: ' Figures were revised in October.', id: 1, ...change }),
      new DeletedTextRun({ text: ' Figures are provisional.', id: 2, ...change }),
    );
  }
  const document = new Document({
    creator: 'A. Officer',
    title: 'Adult Social Care: Quarter 2 Update',
    styles: {
      paragraphStyles: [
        { id: 'CouncilQuote', name: 'Council Quote', basedOn: 'Normal', run: { italics: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            {
              level: 1,
              format: LevelFormat.LOWER_LETTER,
              text: '%2)',
              alignment: AlignmentType.START,
            },
          ],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph(DOCX_FIXTURE_FOOTNOTE)] } },
    comments: clean
      ? { children: [] }
      : {
          children: [
            {
              id: 0,
              author: 'B. Reviewer',
              date: new Date('2026-10-02T10:00:00Z'),
              children: [new Paragraph('Check these figures with finance.')],
            },
          ],
        },
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Adult Social Care: Quarter 2 Update',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({ text: 'Purpose of the report', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: firstParagraph }),
          new Paragraph({
            children: [
              new TextRun('Demand rose by '),
              new TextRun({ text: '12 per cent', bold: true }),
              new TextRun(' against the same quarter last year, '),
              new TextRun({ text: 'well above', italics: true }),
              new TextRun(' the forecast.'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: 'Key findings', heading: HeadingLevel.HEADING_3 }),
          new Paragraph({ text: 'Waiting times', bullet: { level: 0 } }),
          new Paragraph({ text: 'Residential placements', bullet: { level: 1 } }),
          new Paragraph({ text: 'Home care hours', bullet: { level: 1 } }),
          new Paragraph({ text: 'Reablement', bullet: { level: 0 } }),
          new Paragraph({ text: 'Next steps', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: 'Agree the recovery plan',
            numbering: { reference: 'steps', level: 0 },
          }),
          new Paragraph({
            text: 'with the provider forum',
            numbering: { reference: 'steps', level: 1 },
          }),
          new Paragraph({ text: 'Review the budget', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Performance against target', heading: HeadingLevel.HEADING_2 }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: [cell('Measure', true), cell('Target', true), cell('Actual', true)],
              }),
              new TableRow({
                children: [cell('Assessments completed within 28 days'), cell('85%'), cell('78%')],
              }),
              new TableRow({
                children: [cell('Reviews completed on time'), cell('90%'), cell('92%')],
              }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: makeTestPng(),
                transformation: { width: 240, height: 160 },
                altText: { name: 'Localities map', description: DOCX_FIXTURE_ALT },
              }),
            ],
          }),
          new Paragraph('Map of the county’s four localities'),
          ...(clean
            ? []
            : [
                new Paragraph({
                  children: [
                    new CommentRangeStart(0),
                    new TextRun('The overspend is expected to fall.'),
                    new CommentRangeEnd(0),
                    new TextRun({ children: [new CommentReference(0)] }),
                  ],
                }),
                new Paragraph({
                  children: [
                    new Textbox({
                      style: { width: '3in', height: '1in' },
                      children: [new Paragraph('Call-out: 1,200 people helped at home.')],
                    }),
                  ],
                }),
                new Paragraph({ style: 'CouncilQuote', text: 'Care is everyone’s business.' }),
              ]),
          new Paragraph({ text: 'Background papers', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('None.'),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  if (clean) return new Uint8Array(bytes);
  // `docx` writes no embedded objects: put one before the last paragraph, as Word would.
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('docx wrote no word/document.xml');
  const withObject = xml.replace(/(<w:p>(?:(?!<w:p>).)*?None\.)/s, `${EMBEDDED_OBJECT_XML}$1`);
  if (withObject === xml) throw new Error('could not place the embedded object');
  zip.file('word/document.xml', withObject);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
};

/** A 1 × 1 GIF: a format pdfkit cannot draw. */
const TINY_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
  'base64',
);

/**
 * A DOCX of the awkward cases: a page header, a table of contents, a heading that skips a
 * level, a link, a GIF (not drawn), a PNG with no alt text, a table with a merged cell and an
 * image in a cell.
 */
export const makeDocxEdgeCases = async (): Promise<Uint8Array> => {
  const png = (width: number, height: number, description?: string): ImageRun =>
    new ImageRun({
      type: 'png',
      data: makeTestPng(),
      transformation: { width, height },
      ...(description === undefined ? {} : { altText: { name: 'picture', description } }),
    });
  const document = new Document({
    styles: {
      paragraphStyles: [
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal' },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal' },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('OFFICIAL')] }) },
        children: [
          new Paragraph({ style: 'TOCHeading', text: 'Contents' }),
          new Paragraph({ style: 'TOC1', text: 'Budget monitoring\t1' }),
          new Paragraph({ style: 'TOC1', text: 'Capital programme\t2' }),
          new Paragraph({ text: 'Budget monitoring', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Capital programme', heading: HeadingLevel.HEADING_3 }),
          new Paragraph({
            children: [
              new TextRun('See the '),
              new ExternalHyperlink({
                link: 'https://www.example.gov.uk/budget',
                children: [new TextRun('budget pages')],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'gif',
                data: TINY_GIF,
                transformation: { width: 40, height: 40 },
                altText: { name: 'logo', description: 'The council’s crest' },
              }),
            ],
          }),
          new Paragraph({ children: [png(1600, 400)] }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: [cell('Scheme', true), cell('2026/27', true), cell('2027/28', true)],
              }),
              new TableRow({
                children: [
                  cell('Libraries'),
                  new TableCell({ columnSpan: 2, children: [new Paragraph('Paused')] }),
                ],
              }),
              new TableRow({
                children: [
                  cell('Roads'),
                  new TableCell({
                    children: [new Paragraph({ children: [png(20, 20, 'A tick')] })],
                  }),
                  cell('£2.1m'),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
};
