import type { AttachmentChecks, AttachmentMediaType } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import { invalidateGeneration } from '../database/data-generations.js';
import { placeholders } from './sql-placeholders.js';
import type { FileStore, FileToStore, StoredFileFacts } from './file-store.js';
import { putFileConversion } from './file-conversions.js';
import { putFileText } from './file-texts.js';

type Row = {
  sha256: string;
  media_type: string;
  byte_length: number | string;
  page_count: number | string | null;
  checks: string | null;
};

/** PostgreSQL's foreign key violation. */
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Files in the `stored_files` table, bytes as `bytea` (PostgreSQL) or `blob` (SQLite): raw SQL,
 * one table, two databases, like `rendered_documents`.
 */
export class DatabaseFileStore implements FileStore {
  private postgres(manager: EntityManager): boolean {
    return manager.connection.options.type === 'postgres';
  }

  async put(manager: EntityManager, file: FileToStore): Promise<void> {
    // On a file already stored, the upsert still takes the row's lock, so a transaction
    // deleting it as unreferenced waits for this one and then finds it in use. The checks are
    // written again: the same bytes give the same checks, and a file stored before files were
    // checked gets them when it is uploaded again.
    await manager.query(
      `INSERT INTO "stored_files" ("sha256", "media_type", "byte_length", "page_count", "bytes", "created_at", "checks") VALUES (${placeholders(manager, 7)}) ON CONFLICT ("sha256") DO UPDATE SET "media_type" = excluded."media_type", "checks" = excluded."checks"`,
      [
        file.sha256,
        file.mediaType,
        file.byteLength,
        file.pageCount,
        file.bytes,
        new Date().toISOString(),
        file.checks === null ? null : JSON.stringify(file.checks),
      ],
    );
    // A meeting's answer shows a file document's stored facts (its checks): kept ones are stale.
    await invalidateGeneration(manager, 'meetings');
    if (file.text !== undefined) await putFileText(manager, file.sha256, file.text);
    if (file.conversion !== undefined)
      await putFileConversion(manager, file.sha256, file.conversion);
  }

  async get(manager: EntityManager, sha256: string): Promise<Buffer | null> {
    const rows = (await manager.query(
      `SELECT "bytes" FROM "stored_files" WHERE "sha256" = ${placeholders(manager, 1)}`,
      [sha256],
    )) as { bytes: Buffer | Uint8Array }[];
    const bytes = rows[0]?.bytes;
    return bytes === undefined ? null : Buffer.from(bytes);
  }

  async has(
    manager: EntityManager,
    sha256s: readonly string[],
  ): Promise<Map<string, StoredFileFacts>> {
    const wanted = [...new Set(sha256s)];
    if (wanted.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT "sha256", "media_type", "byte_length", "page_count", "checks" FROM "stored_files" WHERE "sha256" IN (${placeholders(manager, wanted.length)})`,
      wanted,
    )) as Row[];
    return new Map(
      rows.map((row) => [
        row.sha256,
        {
          sha256: row.sha256,
          mediaType: row.media_type as AttachmentMediaType,
          byteLength: Number(row.byte_length),
          pageCount: row.page_count === null ? null : Number(row.page_count),
          checks: row.checks === null ? null : (JSON.parse(row.checks) as AttachmentChecks),
        },
      ]),
    );
  }

  async deleteUnreferenced(manager: EntityManager, sha256s: readonly string[]): Promise<number> {
    const candidates = [...new Set(sha256s)];
    if (candidates.length === 0) return 0;
    const sql = `DELETE FROM "stored_files" WHERE "sha256" IN (${placeholders(manager, candidates.length)}) AND NOT EXISTS (SELECT 1 FROM "item_documents" WHERE "item_documents"."file_sha256" = "stored_files"."sha256") AND NOT EXISTS (SELECT 1 FROM "pack_publications" WHERE "pack_publications"."sha256" = "stored_files"."sha256")`;
    if (!this.postgres(manager)) {
      // SQLite runs one transaction at a time: nothing can take the file into use meanwhile.
      const result = (await manager.query(sql, candidates)) as unknown;
      return changesOf(result);
    }
    // On PostgreSQL a concurrent upload may have just named the file: its foreign key then
    // refuses the delete. Undo only the delete, keep the file, and let the write go on.
    await manager.query('SAVEPOINT "delete_unreferenced_files"');
    try {
      const result = (await manager.query(sql, candidates)) as unknown;
      await manager.query('RELEASE SAVEPOINT "delete_unreferenced_files"');
      return changesOf(result);
    } catch (error) {
      if ((error as { code?: unknown }).code !== FOREIGN_KEY_VIOLATION) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT "delete_unreferenced_files"');
      return 0;
    }
  }
}

/** The rows a DELETE removed, as either driver reports it through TypeORM. */
const changesOf = (result: unknown): number => {
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  const changes = (result as { changes?: unknown; affected?: unknown } | null)?.changes;
  return typeof changes === 'number' ? changes : 0;
};
