/**
 * The DOCX package read directly (jszip, which mammoth uses too): whether it is a Word document
 * at all, and what its XML holds that mammoth passes over without a word — tracked changes,
 * comments, text boxes, embedded objects, charts, equations — so each becomes a warning.
 */
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { ReporterError } from '../errors.js';

/** How often the document has each feature the re-typeset report cannot show as Word does. */
export type DocxFeatureCounts = {
  readonly insertions: number;
  readonly deletions: number;
  readonly formatChanges: number;
  readonly comments: number;
  readonly textBoxes: number;
  readonly embeddedObjects: number;
  readonly charts: number;
  readonly equations: number;
  /** Paragraphs of Word's table of contents (styles TOC 1–9), left out. */
  readonly contentsEntries: number;
  /** Page header and footer parts that hold words (the pack prints its own). */
  readonly headersAndFooters: number;
};

export type DocxPackage = {
  readonly features: DocxFeatureCounts;
  /**
   * The size each inline or floating picture of the main document was placed at, in points, in
   * document order (`wp:extent`); mammoth gives an image's bytes but not its size.
   */
  readonly drawingSizes: readonly { readonly width: number; readonly height: number }[];
};

const WORD_MAIN =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const OFFICE_DOCUMENT_REL =
  /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/officeDocument"/;

const invalid = (reason: string, message: string): ReporterError =>
  new ReporterError('REPORTER.INVALID_DOCX', message, { reason });

const count = (xml: string, pattern: RegExp): number => xml.match(pattern)?.length ?? 0;

/**
 * The most a package may unpack to, by its own entries' sizes: a 50 MB upload of pictures
 * unpacks to about as much, and a ZIP bomb (a few KB unpacking to gigabytes) is refused before
 * anything inflates it.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** EMU (English Metric Units) per point. */
const EMU_PER_PT = 12_700;

/** Word writes a text box twice (DrawingML, and VML for older readers): count the first only. */
const withoutFallbacks = (xml: string): string =>
  xml.replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '');

/** The unpacked size an entry of the package declares (its central directory's word). */
const declaredSize = (file: JSZip.JSZipObject): number =>
  (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;

/** The CRC-32 of its unpacked bytes an entry declares. */
const declaredCrc = (file: JSZip.JSZipObject): number | undefined =>
  (file as unknown as { _data?: { crc32?: number } })._data?.crc32;

/**
 * Inflates one entry chunk by chunk, keeping none, and stops as soon as it passes `most` bytes:
 * the bytes it unpacked to (one more chunk than `most` at the worst, a chunk being what one 16 KB
 * piece of the compressed stream inflates to) and their CRC-32. JSZip itself fails an entry that
 * inflates to fewer bytes than it declares.
 */
const inflatedWithin = (
  file: JSZip.JSZipObject,
  most: number,
): Promise<{ inflated: number; crc: number }> =>
  new Promise((resolve, reject) => {
    let seen = 0;
    let crc = 0;
    const stream = (
      file as unknown as {
        internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
      }
    ).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        seen += chunk.length;
        if (seen > most) {
          stream.pause();
          resolve({ inflated: seen, crc });
          return;
        }
        crc = crc32(chunk, crc);
      })
      .on('error', (error: Error) => reject(error))
      .on('end', () => resolve({ inflated: seen, crc }))
      .resume();
  });

/** The main document part's path, from the package relationships. */
const mainPartPath = async (zip: JSZip): Promise<string | null> => {
  const rels = await zip.file('_rels/.rels')?.async('string');
  if (!rels) return null;
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = match[0];
    if (!OFFICE_DOCUMENT_REL.test(tag)) continue;
    const target = /Target="([^"]+)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return null;
};

/**
 * Opens `bytes` as a Word package. Throws a ReporterError `REPORTER.INVALID_DOCX` (data.reason
 * `not-a-zip`, `not-a-word-document`, `damaged`, `too-large`) for anything else, never a bare crash.
 */
export const readDocxPackage = async (
  bytes: Uint8Array,
  maxUnpackedBytes = MAX_UNPACKED_BYTES,
): Promise<DocxPackage> => {
  let zip: JSZip;
  try {
    // The directory only: JSZip's own CRC check would inflate every entry before the sizes
    // below are checked. Each entry's CRC is checked below, as it is inflated, once.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw invalid(
      'not-a-zip',
      `The file is not a Word document (.docx): it is not a ZIP package (${String((error as Error).message ?? error)}).`,
    );
  }
  const unpacked = Object.values(zip.files).reduce((sum, file) => sum + declaredSize(file), 0);
  if (unpacked > maxUnpackedBytes) {
    throw invalid(
      'too-large',
      `The Word document unpacks to ${Math.ceil(unpacked / 1024 / 1024)} MB, more than the ${Math.floor(maxUnpackedBytes / 1024 / 1024)} MB a document may: it is refused unread.`,
    );
  }
  // The sizes checked above are the package's own word. A package that lies (an entry declared
  // at a few bytes that inflates to gigabytes) would otherwise be found out only once JSZip had
  // inflated it whole into memory, here or in mammoth: each entry is inflated once, streaming,
  // and dropped as soon as it passes what it declared.
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const declared = declaredSize(file);
    const { inflated, crc } = await inflatedWithin(file, declared).catch((error: unknown) => {
      throw invalid(
        'damaged',
        `The Word document is damaged: its part ${file.name} cannot be unpacked (${String((error as Error).message ?? error)}).`,
      );
    });
    if (inflated > declared)
      throw invalid(
        'too-large',
        `The Word document's part ${file.name} unpacks to more than the ${declared} bytes its package declares: it is refused, unread.`,
      );
    if (crc >>> 0 !== (declaredCrc(file) ?? -1) >>> 0)
      throw invalid(
        'damaged',
        `The Word document is damaged: its part ${file.name} does not match its checksum (CRC-32).`,
      );
  }
  const types = await zip
    .file('[Content_Types].xml')
    ?.async('string')
    .catch(() => null);
  const main = await mainPartPath(zip).catch(() => null);
  if (!types || !main) {
    throw invalid(
      'not-a-word-document',
      'The file is a ZIP package but not a Word document (.docx): it has no [Content_Types].xml or no main document.',
    );
  }
  const isWord = [...types.matchAll(/<Override\b[^>]*>/g)].some((match) => {
    const tag = match[0];
    const part = /PartName="([^"]*)"/.exec(tag)?.[1];
    const type = /ContentType="([^"]*)"/.exec(tag)?.[1];
    return part === `/${main}` && (type === WORD_MAIN || type === WORD_MACRO_MAIN);
  });
  if (!isWord) {
    throw invalid(
      'not-a-word-document',
      `The file is an Office package but not a Word document (.docx): its main part ${main} is not a WordprocessingML document.`,
    );
  }
  let xml: string;
  try {
    const part = zip.file(main);
    if (!part) throw new Error(`${main} is missing`);
    xml = await part.async('string');
  } catch (error) {
    throw invalid(
      'damaged',
      `The Word document is damaged: its main document cannot be read (${String((error as Error).message ?? error)}).`,
    );
  }
  const notes = await Promise.all(
    ['word/footnotes.xml', 'word/endnotes.xml'].map(
      async (path) =>
        (await zip
          .file(path)
          ?.async('string')
          .catch(() => '')) ?? '',
    ),
  );
  const body = withoutFallbacks([xml, ...notes].join('\n'));
  const comments = await zip
    .file('word/comments.xml')
    ?.async('string')
    .catch(() => '');
  const margins = await Promise.all(
    Object.keys(zip.files)
      .filter((path) => /^word\/(header|footer)\d*\.xml$/.test(path))
      .map(
        async (path) =>
          (await zip
            .file(path)
            ?.async('string')
            .catch(() => '')) ?? '',
      ),
  );
  const features: DocxFeatureCounts = {
    // A move is a deletion where the text was and an insertion where it went.
    insertions: count(body, /<w:(ins|moveTo)[\s>/]/g),
    deletions: count(body, /<w:(del|moveFrom)[\s>/]/g),
    formatChanges: count(body, /<w:(rPr|pPr|tblPr|trPr|tcPr|sectPr)Change[\s>/]/g),
    comments: Math.max(
      count(body, /<w:commentReference[\s>/]/g),
      count(comments ?? '', /<w:comment[\s>]/g),
    ),
    textBoxes: count(body, /<w:txbxContent[\s>/]/g),
    embeddedObjects: count(body, /<w:(object|embed)[\s>/]/g),
    // Charts, and SmartArt diagrams (which mammoth also passes over).
    charts: count(body, /<(c:chart|dgm:relIds)[\s>/]/g),
    equations: count(body, /<m:oMath[\s>/]/g),
    contentsEntries: count(xml, /<w:pStyle w:val="TOC\d"/gi),
    headersAndFooters: margins.filter((part) =>
      [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].some(
        (text) => (text[1] ?? '').trim() !== '',
      ),
    ).length,
  };
  const drawingSizes = [...withoutFallbacks(xml).matchAll(/<w:drawing[\s>][\s\S]*?<\/w:drawing>/g)]
    .filter((drawing) => /<pic:pic[\s>]/.test(drawing[0]))
    .map((drawing) => {
      const extent = /<wp:extent\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(drawing[0]);
      return {
        width: Number(extent?.[1] ?? 0) / EMU_PER_PT,
        height: Number(extent?.[2] ?? 0) / EMU_PER_PT,
      };
    });
  return { features, drawingSizes };
};
