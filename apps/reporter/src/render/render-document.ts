import { Transform } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { DocumentMeta, Section } from '../model/document-model.js';
import type { MarkingBanner } from '../layout/placed.js';
import { countPages, layoutSection, type LayoutContext } from '../layout/layout.js';
import { createDrawState, drawPage, endSection, endStructure } from '../draw/draw.js';
import { pdfkitFonts, registerFonts } from '../draw/fonts.js';
import { useOwnXmp } from './xmp.js';

export type RenderOptions = {
  /** Pinned as the PDF's CreationDate and ModDate; the same data and date give the same bytes. */
  creationDate?: Date;
  /** Called after each page is written, with the number of pages so far. */
  onProgress?: (pagesDone: number) => void;
  /** Draw layout boxes over the pages. */
  debug?: boolean;
};

export type RenderSummary = {
  pages: number;
  /** Things a clerk should know: characters the font lacks, and so on. Each said once. */
  warnings: string[];
  /** Where each agenda item's documents start and end in the pack. */
  items?: { number: string; firstPage: number; lastPage: number }[];
  /**
   * The pages reserved for attached PDFs, in page order: what `mergeAttachments` needs to put
   * each file's pages there. Absent when the document reserves none.
   */
  attachments?: ReservedAttachment[];
};

/** Pages of the drawn document kept for an attached PDF (layout's `attached-pdf` block). */
export type ReservedAttachment = {
  /** What the file is loaded by (its SHA-256). */
  readonly file: string;
  readonly title: string;
  /** The agenda item it belongs to, when the document is a pack. */
  readonly itemNumber?: string;
  /** 1-based page of the document where its first page goes; the rest follow. */
  readonly firstPage: number;
  readonly pages: number;
  /** Stamped on its first page (`Agenda Item 5`), or null. */
  readonly stamp: string | null;
  /** The marking banner (`NOT FOR PUBLICATION …`) stamped on each of its pages, or null. */
  readonly marking: MarkingBanner | null;
};

/** A document to render: sections in order; `front` (if any) is made last, from the others' page ranges. */
export type RenderPlan = {
  readonly meta: DocumentMeta;
  readonly front?: (ranges: ReadonlyMap<string, { first: number; last: number }>) => Section;
  readonly sections: readonly { readonly section: Section; readonly itemNumber?: string }[];
};

/** Output that is backed up past this many bytes makes drawing wait for it to drain. */
const HIGH_WATER = 4 * 1024 * 1024;

const drained = async (
  streams: readonly { readableLength: number; writableLength?: number }[],
): Promise<void> => {
  const backlog = (): number =>
    streams.reduce((sum, stream) => sum + stream.readableLength + (stream.writableLength ?? 0), 0);
  while (backlog() > HIGH_WATER) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * The longest stretch of drawing between two turns of the event loop. `drained` resolves at once
 * while the output is not backed up, and a loop of promises that resolve at once never lets the
 * event loop turn: nothing reached the file until the last page was drawn, and a Ctrl-C (or, in
 * the API, every other request) waited for the whole pack.
 */
const MAX_BUSY_MS = 20;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Output chunks are gathered up to this size before they go to `out`. */
const CHUNK = 64 * 1024;

/**
 * pdfkit pushes every line of the cross-reference table as its own chunk: a million small
 * buffers for a 3,000-page tagged pack, all queued at once behind a file or socket. Gathering
 * them into 64 KB chunks keeps the end of a long pack from doubling the memory it needs.
 */
const coalescer = (): Transform => {
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    // Accept everything pdfkit writes at the end in one go (tens of MB as 64 KB chunks) rather
    // than push back and leave pdfkit queueing it as tiny buffers.
    readableHighWaterMark: 64 * 1024 * 1024,
    writableHighWaterMark: 64 * 1024 * 1024,
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK) {
        this.push(Buffer.concat(pending, size));
        pending = [];
        size = 0;
      }
      callback();
    },
    flush(callback) {
      if (size > 0) this.push(Buffer.concat(pending, size));
      callback();
    },
  });
};

/** Pages between full garbage collections while drawing (see `collector`). */
const PAGES_PER_COLLECTION = 200;

/**
 * What a long pack leaves behind is garbage (the heap after a collection stays near 50 MB from
 * 30 to 3,000 pages), but V8 lets old space grow far past that before collecting, so the
 * process's memory rose with the pack (500 MB at 3,000 pages). A full collection every
 * PAGES_PER_COLLECTION pages keeps it flat for a fraction of a millisecond a page. Only where the
 * host process opted in by exposing `gc` (the `scrutineer-pack` bin and the bench do): a library
 * must not change a server's V8 flags or pause its other requests.
 */
const collector = (): (() => void) | null => {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as () => void) : null;
};

const isStdio = (out: NodeJS.WritableStream): boolean =>
  out === process.stdout || out === process.stderr;

/**
 * Lays out and draws a document into `out`, page by page: each section is laid out lazily and
 * every page is drawn and handed to pdfkit (which streams it) before the next is made.
 */
export const renderDocument = async (
  plan: RenderPlan,
  out: NodeJS.WritableStream,
  creationDate: Date,
  options: RenderOptions = {},
): Promise<RenderSummary> => {
  const { meta } = plan;
  const lang = 'en-GB';
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: 'Scrutineer',
      Producer: 'Scrutineer (pdfkit)',
      CreationDate: creationDate,
      ModDate: creationDate,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  useOwnXmp(doc, lang);
  const gathered = coalescer();
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('error', reject);
    gathered.on('error', reject);
    out.on('error', reject);
    // stdout is never ended by pipe(): done when the last chunk has been handed to it.
    if (isStdio(out)) gathered.on('end', () => resolve());
    else {
      out.on('finish', () => resolve());
      out.on('close', () => resolve());
    }
  });
  registerFonts(doc);
  const warnings = new Set<string>();
  const fonts = pdfkitFonts(doc);
  const ctx: LayoutContext = {
    metrics: fonts.metrics,
    meta,
    warn: (message) => warnings.add(message),
  };

  // First pass: page counts, so the agenda can print exact ranges.
  const counts = plan.sections.map(({ section }) => countPages(section, ctx));
  const rangesFrom = (frontPages: number): Map<string, { first: number; last: number }> => {
    const ranges = new Map<string, { first: number; last: number }>();
    let next = frontPages + 1;
    plan.sections.forEach(({ section }, index) => {
      const count = counts[index] ?? 0;
      ranges.set(section.id, { first: next, last: next + count - 1 });
      next += count;
    });
    return ranges;
  };
  let front: Section | null = null;
  let frontPages = 0;
  if (plan.front) {
    frontPages = 1;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      front = plan.front(rangesFrom(frontPages));
      const pages = countPages(front, ctx);
      if (pages === frontPages) break;
      frontPages = pages;
    }
  }
  const ranges = rangesFrom(frontPages);

  doc.pipe(gathered).pipe(out);
  const state = createDrawState(doc, fonts, options.debug ?? false);
  let pageNumber = 0;
  let turnedAt = performance.now();
  const sections = front
    ? [front, ...plan.sections.map(({ section }) => section)]
    : plan.sections.map(({ section }) => section);
  const itemNumbers = new Map(
    plan.sections.map(({ section, itemNumber }) => [section.id, itemNumber]),
  );
  const attachments: ReservedAttachment[] = [];
  for (const section of sections) {
    for (const page of layoutSection(section, ctx)) {
      pageNumber += 1;
      if (page.attachment?.index === 0) {
        const itemNumber = itemNumbers.get(section.id);
        attachments.push({
          file: page.attachment.file,
          title: page.attachment.title,
          ...(itemNumber === undefined ? {} : { itemNumber }),
          firstPage: pageNumber,
          pages: page.attachment.pages,
          stamp: page.attachment.stamp,
          marking: page.attachment.marking,
        });
      }
      drawPage(state, page, pageNumber);
      options.onProgress?.(pageNumber);
      await drained([doc as unknown as { readableLength: number }, gathered]);
      if (performance.now() - turnedAt > MAX_BUSY_MS) {
        await nextTurn();
        turnedAt = performance.now();
      }
      if (pageNumber % PAGES_PER_COLLECTION === 0) collector()?.();
    }
    endSection(state, section.id);
  }
  endStructure(state);
  doc.end();
  await finished;
  const items = plan.sections
    .filter(({ itemNumber }) => itemNumber !== undefined)
    .map(({ section, itemNumber }) => {
      const range = ranges.get(section.id) ?? { first: 0, last: 0 };
      return { number: itemNumber ?? '', firstPage: range.first, lastPage: range.last };
    });
  return {
    pages: pageNumber,
    warnings: [...warnings],
    ...(plan.front ? { items } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
};
