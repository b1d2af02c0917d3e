/**
 * The document's XMP metadata packet, written by us rather than by pdfkit: pdfkit 0.20.2 puts the
 * title, subject and keywords into its XMP unescaped, so a title such as "Children & Families
 * Scrutiny Committee" makes the packet malformed XML and a validator finds neither the title nor
 * the PDF/UA identifier. Every value here is escaped, and the packet says what the Info
 * dictionary says (both are made from the same fields).
 */

/** What the packet records: the Info dictionary's fields and the document's language. */
export type XmpFields = {
  readonly title: string;
  /** BCP 47, e.g. `en-GB`: `dc:language`, the same as the catalog's `/Lang`. */
  readonly language: string;
  readonly author?: string | undefined;
  /** `dc:description`; left out when empty. */
  readonly subject?: string | undefined;
  readonly keywords?: string | undefined;
  readonly creatorTool?: string | undefined;
  readonly producer: string;
  readonly createDate: Date;
  readonly modifyDate: Date;
};

/** Whether XML 1.0 allows the code point at all (not controls but tab, LF, CR; not lone surrogates, U+FFFE/F). */
const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  code >= 0x10000;

/** `text` without the characters XML 1.0 forbids (a string's iterator keeps pairs, splits lone halves). */
const xmlChars = (text: string): string =>
  Array.from(text)
    .filter((char) => isXmlChar(char.codePointAt(0) ?? 0))
    .join('');

/** `text` as XML character data or an attribute value: escaped, with characters XML forbids dropped. */
export const escapeXml = (text: string): string =>
  xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** An XMP date (ISO 8601 in UTC, to the second), the same instant as the Info dictionary's `D:…Z`. */
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0] ?? ''}Z`;

const element = (name: string, value: string | undefined): string[] =>
  value === undefined || value === '' ? [] : [`   <${name}>${escapeXml(value)}</${name}>`];

const langAlt = (name: string, value: string | undefined): string[] =>
  value === undefined || value === ''
    ? []
    : [
        `   <${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`,
      ];

/** The whole XMP packet (`<?xpacket …?>` to `<?xpacket end="w"?>`), one rdf:Description. */
export const xmpPacket = (fields: XmpFields): string =>
  [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '   <dc:format>application/pdf</dc:format>',
    ...langAlt('dc:title', fields.title),
    ...(fields.author !== undefined && fields.author !== ''
      ? [
          `   <dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.author)}</rdf:li></rdf:Seq></dc:creator>`,
        ]
      : []),
    ...langAlt('dc:description', fields.subject),
    `   <dc:language><rdf:Bag><rdf:li>${escapeXml(fields.language)}</rdf:li></rdf:Bag></dc:language>`,
    ...element('xmp:CreateDate', xmpDate(fields.createDate)),
    ...element('xmp:ModifyDate', xmpDate(fields.modifyDate)),
    ...element('xmp:MetadataDate', xmpDate(fields.modifyDate)),
    ...element('xmp:CreatorTool', fields.creatorTool),
    ...element('pdf:Producer', fields.producer),
    ...element('pdf:Keywords', fields.keywords),
    '   <pdfuaid:part>1</pdfuaid:part>',
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');

/** The few pdfkit internals the packet replaces (pdfkit 0.20: no public API for its XMP). */
type PdfkitWithMetadata = {
  info: Record<string, unknown>;
  ref: (data: Record<string, unknown>) => {
    compress: boolean;
    write: (chunk: Uint8Array) => void;
    end: () => void;
  };
  _root: { data: Record<string, unknown> };
  endMetadata: () => void;
  endSubset: () => void;
};

const infoText = (info: Record<string, unknown>, key: string): string | undefined => {
  const value = info[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Makes `doc` write our packet as the catalog's `/Metadata` (Type Metadata, Subtype XML,
 * uncompressed) in place of pdfkit's, from the Info dictionary pdfkit writes (`doc.info` at the
 * end), so the two agree. pdfkit's `subset: 'PDF/UA'` stays on for what else it does (the fonts'
 * CIDSet): only its XMP is switched off, so the file has one metadata stream.
 */
export const useOwnXmp = (doc: object, language: string): void => {
  const pdf = doc as PdfkitWithMetadata;
  pdf.endSubset = () => undefined;
  pdf.endMetadata = () => {
    const { info } = pdf;
    const createDate = info['CreationDate'] instanceof Date ? info['CreationDate'] : new Date();
    const packet = xmpPacket({
      title: infoText(info, 'Title') ?? '',
      language,
      author: infoText(info, 'Author'),
      subject: infoText(info, 'Subject'),
      keywords: infoText(info, 'Keywords'),
      creatorTool: infoText(info, 'Creator'),
      producer: infoText(info, 'Producer') ?? 'Scrutineer',
      createDate,
      modifyDate: info['ModDate'] instanceof Date ? info['ModDate'] : createDate,
    });
    const stream = pdf.ref({ Type: 'Metadata', Subtype: 'XML' });
    stream.compress = false;
    stream.write(new TextEncoder().encode(packet));
    stream.end();
    pdf._root.data['Metadata'] = stream;
  };
};
