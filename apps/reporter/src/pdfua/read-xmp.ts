/**
 * Reads an XMP packet the way a validator does: with a conforming, namespace-aware XML parser
 * (saxes), so a packet that is not well-formed XML yields an error and no fields, not whatever a
 * text search can find in it. The PDF/UA checker (tests and the attachment pre-flight) and the
 * tests' PDF reader use it.
 */
import { SaxesParser } from 'saxes';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfuaid: 'http://www.aiim.org/pdfua/ns/id/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export type ParsedXmp = {
  /** `dc:title`, its `x-default` entry (else its first). */
  readonly title: string | null;
  /** `dc:description`, its `x-default` entry (else its first). */
  readonly description: string | null;
  /** `dc:language` entries, e.g. `['en-GB']`. */
  readonly languages: readonly string[];
  /** `pdfuaid:part`, as an element or an attribute of `rdf:Description`. */
  readonly pdfUaPart: number | null;
  readonly createDate: string | null;
  readonly modifyDate: string | null;
  readonly producer: string | null;
  readonly keywords: string | null;
};

export type XmpReading =
  | { readonly ok: true; readonly fields: ParsedXmp }
  | { readonly ok: false; readonly error: string };

type XmlElement = {
  readonly uri: string;
  readonly local: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  text: string;
};

const key = (uri: string, local: string): string => `${uri} ${local}`;

const parseXml = (xml: string): XmlElement => {
  const parser = new SaxesParser({ xmlns: true });
  const document: XmlElement = {
    uri: '',
    local: '',
    attributes: new Map(),
    children: [],
    text: '',
  };
  const open: XmlElement[] = [document];
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      attributes.set(key(attribute.uri, attribute.local), attribute.value);
    }
    const element: XmlElement = {
      uri: tag.uri ?? '',
      local: tag.local ?? tag.name,
      attributes,
      children: [],
      text: '',
    };
    open.at(-1)?.children.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current !== undefined) current.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  return document;
};

const descendants = (element: XmlElement): XmlElement[] =>
  element.children.flatMap((child) => [child, ...descendants(child)]);

/** Every `rdf:li` under `element`, with its `xml:lang` when set. */
const listItems = (element: XmlElement): { lang: string | null; text: string }[] =>
  descendants(element)
    .filter((child) => child.uri === NS.rdf && child.local === 'li')
    .map((li) => ({ lang: li.attributes.get(key(NS.xml, 'lang')) ?? null, text: li.text.trim() }));

/** Parses `xml` as an XMP packet; not well-formed XML gives the parser's error. */
export const readXmp = (xml: string): XmpReading => {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const all = descendants(root);
  const find = (uri: string, local: string): XmlElement | undefined =>
    all.find((element) => element.uri === uri && element.local === local);
  const simple = (uri: string, local: string): string | null => {
    const element = find(uri, local);
    if (element !== undefined) return element.text.trim();
    const attribute = all
      .filter((candidate) => candidate.uri === NS.rdf && candidate.local === 'Description')
      .map((description) => description.attributes.get(key(uri, local)))
      .find((value) => value !== undefined);
    return attribute ?? null;
  };
  const alternative = (uri: string, local: string): string | null => {
    const element = find(uri, local);
    if (element === undefined) return null;
    const items = listItems(element);
    return (items.find((item) => item.lang === 'x-default') ?? items[0])?.text ?? null;
  };
  const language = find(NS.dc, 'language');
  const part = simple(NS.pdfuaid, 'part');
  return {
    ok: true,
    fields: {
      title: alternative(NS.dc, 'title'),
      description: alternative(NS.dc, 'description'),
      languages: language === undefined ? [] : listItems(language).map((item) => item.text),
      pdfUaPart: part === null || !/^\d+$/.test(part) ? null : Number(part),
      createDate: simple(NS.xmp, 'CreateDate'),
      modifyDate: simple(NS.xmp, 'ModifyDate'),
      producer: simple(NS.pdf, 'Producer'),
      keywords: simple(NS.pdf, 'Keywords'),
    },
  };
};
