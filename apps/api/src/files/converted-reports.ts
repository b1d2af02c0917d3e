import type { ConvertedReport } from '@scrutineer/domain';
import { DOCX_CONVERTER_VERSION, docxToReport } from '@scrutineer/reporter';

/** How many conversions are kept, and how many bytes of JSON they may hold together. */
export const CONVERTED_CACHE_MAX_ENTRIES = 64;
export const CONVERTED_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The strong entity tag of a Word document's converted form: its file's SHA-256 and the
 * converter's version (the same bytes convert to the same blocks under the same version), and the
 * content coding the body goes out in, since a compressed body is another representation
 * (RFC 9110 §8.8.3). It is known before anything is read or converted.
 */
export const convertedTag = (sha256: string, coding: string | null): string =>
  `"${sha256}-docx${DOCX_CONVERTER_VERSION}${coding === null ? '' : `-${coding}`}"`;

/**
 * Word documents converted (`docxToReport`, the converter the pack prints them with) and kept as
 * their JSON, least recently used dropped first, by SHA-256: a file's bytes never change under
 * it, so an entry is never stale. Bounded by count and by the JSON's bytes (a conversion holds
 * its images, base64); one larger than the whole budget is answered but not kept. Two readers
 * of one document at once share one conversion.
 */
export class ConvertedReportCache {
  private readonly kept = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<string>>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = CONVERTED_CACHE_MAX_ENTRIES,
    private readonly maxBytes = CONVERTED_CACHE_MAX_BYTES,
  ) {}

  /** Entries and bytes kept now (for tests and metrics). */
  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.kept.size, bytes: this.bytes };
  }

  /** The conversion's JSON; `load` is asked for the bytes only when it is not kept. */
  async json(
    sha256: string,
    load: () => Promise<Buffer>,
    onLookup?: (hit: boolean) => void,
  ): Promise<string> {
    const kept = this.kept.get(sha256);
    if (kept !== undefined) {
      onLookup?.(true);
      this.kept.delete(sha256);
      this.kept.set(sha256, kept);
      return kept;
    }
    onLookup?.(false);
    const pending = this.inflight.get(sha256);
    if (pending !== undefined) return pending;
    const made = (async () => {
      const { blocks, warnings } = await docxToReport(await load());
      const report: ConvertedReport = { blocks, warnings };
      return JSON.stringify(report);
    })();
    this.inflight.set(sha256, made);
    try {
      const json = await made;
      this.keep(sha256, json);
      return json;
    } finally {
      this.inflight.delete(sha256);
    }
  }

  private keep(sha256: string, json: string): void {
    const size = Buffer.byteLength(json);
    if (size > this.maxBytes) return;
    this.kept.set(sha256, json);
    this.bytes += size;
    while (this.kept.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.kept.keys().next();
      if (oldest.done === true) break;
      this.bytes -= Buffer.byteLength(this.kept.get(oldest.value) ?? '');
      this.kept.delete(oldest.value);
    }
  }
}
