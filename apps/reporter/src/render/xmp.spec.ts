import { Writable } from 'node:stream';
import { renderDocument, type RenderPlan } from './render-document.js';
import { xmpPacket } from './xmp.js';
import { readPdf, type ParsedPdf } from '../testing/read-pdf.js';
import { readXmp } from '../pdfua/read-xmp.js';

const TITLE = 'Children & Families <Scrutiny> "Special" Committee, 9 March 2022: agenda pack';
const SUBJECT = 'Agenda & reports for the meeting of 9 March 2022';
const KEYWORDS = 'agenda, Children & Families, 2022-03-09';
const CREATED = new Date(Date.UTC(2022, 2, 9, 10, 30, 0));

const plan: RenderPlan = {
  meta: {
    title: TITLE,
    subject: SUBJECT,
    author: 'Stockport Metropolitan Borough Council',
    keywords: KEYWORDS,
    councilName: 'Stockport Metropolitan Borough Council',
    colour: '#005EB8',
    headerMark: null,
  },
  sections: [
    {
      section: {
        id: 'only',
        tag: 'Sect',
        stamp: null,
        marking: null,
        blocks: [
          { kind: 'heading', level: 1, runs: [{ text: 'Agenda' }] },
          { kind: 'paragraph', runs: [{ text: 'Apologies for absence.' }] },
        ],
      },
    },
  ],
};

const renderToBuffer = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderDocument(plan, out, CREATED);
  return Buffer.concat(chunks);
};

describe('the XMP metadata of a rendered PDF', () => {
  let bytes: Buffer;
  let pdf: ParsedPdf;

  beforeAll(async () => {
    bytes = await renderToBuffer();
    pdf = await readPdf(bytes, { readFonts: false });
  });

  it('is well-formed XML even when the title holds &, < and a quote', () => {
    expect(pdf.metadata.xmp).not.toBeNull();
    expect(pdf.metadata.xmpError).toBeNull();
    expect(pdf.metadata.xmpTitle).toBe(TITLE);
    expect(pdf.metadata.pdfUaPart).toBe(1);
  });

  it('records the language, description, keywords, producer and dates the Info dictionary has', () => {
    expect(pdf.metadata.xmpFields).toEqual({
      title: TITLE,
      description: SUBJECT,
      languages: ['en-GB'],
      pdfUaPart: 1,
      createDate: '2022-03-09T10:30:00Z',
      modifyDate: '2022-03-09T10:30:00Z',
      producer: 'Scrutineer (pdfkit)',
      keywords: KEYWORDS,
    });
    expect(pdf.metadata.info).toMatchObject({
      Title: TITLE,
      Subject: SUBJECT,
      Keywords: KEYWORDS,
      Producer: 'Scrutineer (pdfkit)',
    });
    expect(pdf.metadata.lang).toBe('en-GB');
  });

  it('is the only metadata stream, uncompressed XML referenced from the catalog', () => {
    const raw = bytes.toString('latin1');
    const dictionaries = raw.match(/<<[^<>]*\/Type \/Metadata[^<>]*>>/g) ?? [];
    expect(dictionaries).toHaveLength(1);
    expect(dictionaries[0]).toContain('/Subtype /XML');
    expect(dictionaries[0]).not.toContain('/Filter');
    expect(raw).toMatch(/\/Type \/Catalog[^>]*\/Metadata \d+ 0 R/);
    // The packet is in the file as written, escaped.
    expect(raw).toContain('Children &amp; Families &lt;Scrutiny&gt; &quot;Special&quot;');
  });
});

describe(xmpPacket.name, () => {
  const fields = {
    title: 'A & B',
    language: 'en-GB',
    producer: 'Scrutineer',
    createDate: CREATED,
    modifyDate: CREATED,
  };

  it('leaves out dc:description, dc:creator and pdf:Keywords when there are none', () => {
    const reading = readXmp(xmpPacket(fields));
    expect(reading).toMatchObject({
      ok: true,
      fields: { title: 'A & B', description: null, keywords: null },
    });
    expect(xmpPacket(fields)).not.toContain('dc:creator');
  });

  it('drops characters XML 1.0 forbids rather than write a packet no parser reads', () => {
    const reading = readXmp(
      xmpPacket({ ...fields, title: 'Budget\u0007 report\uFFFE\uD800 \u{1F4C4}' }),
    );
    expect(reading).toMatchObject({ ok: true, fields: { title: 'Budget report \u{1F4C4}' } });
  });
});
