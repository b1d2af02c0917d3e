import type { AttachmentChecks, AttachmentMediaType, ConvertedReport } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import type { FileText } from './file-texts.js';

/** What the store knows of a file besides its bytes. */
export type StoredFileFacts = {
  readonly sha256: string;
  readonly mediaType: AttachmentMediaType;
  readonly byteLength: number;
  /** A PDF's pages; null for a Word document. */
  readonly pageCount: number | null;
  /** The accessibility pre-flight made when it was stored; null for a file stored before files were checked. */
  readonly checks: AttachmentChecks | null;
};

/** A file to store: its bytes and what inspecting them found (its text, when search reads it). */
export type FileToStore = StoredFileFacts & {
  readonly bytes: Buffer;
  /** Its words for search (file-texts.ts), stored with it; absent for a file search never reads. */
  readonly text?: FileText;
  /**
   * A Word document's conversion, the one inspecting it made (file-conversions.ts), stored with
   * it; absent for a PDF.
   */
  readonly conversion?: ConvertedReport;
};

/**
 * Where attached files' bytes live, addressed by their SHA-256 (ADR019). Every call takes the
 * caller's transaction, so a file is written with the document row that names it and both are
 * rolled back together. The database store is the only one today; an object store (S3) would
 * keep these facts in `stored_files` and move the bytes, without any caller changing.
 */
export interface FileStore {
  /**
   * Stores the bytes under their SHA-256 (the same bytes stored before are kept as they are),
   * and their text when it was read and a Word document's conversion, in the caller's
   * transaction.
   */
  put(manager: EntityManager, file: FileToStore): Promise<void>;
  /** The bytes, or null when no file has this SHA-256. */
  get(manager: EntityManager, sha256: string): Promise<Buffer | null>;
  /** The facts of those of `sha256s` that are stored (to check a body that names files). */
  has(manager: EntityManager, sha256s: readonly string[]): Promise<Map<string, StoredFileFacts>>;
  /**
   * Deletes those of `sha256s` that no document names any more, and returns how many went. A
   * file another transaction has just taken into use is left (its delete is undone, not failed).
   */
  deleteUnreferenced(manager: EntityManager, sha256s: readonly string[]): Promise<number>;
}

/** Nest's injection token of the FileStore. */
export const FILE_STORE = Symbol('FileStore');
