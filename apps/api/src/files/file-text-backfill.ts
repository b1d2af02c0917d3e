import { Logger } from '@nestjs/common';
import { docxToReport } from '@scrutineer/reporter';
import type { EntityManager } from 'typeorm';
import { DatabaseFileStore } from './database-file-store.js';
import { boundedText, docxText, type FileText, putFileText, readPdfText } from './file-texts.js';

/*
 * Files stored before their text was extracted at upload (FileTexts1795443000000 cannot read a
 * PDF) get it here, on the next rebuild of the search index: rebuildSearchIndex calls this first,
 * and the API rebuilds at the first start of code with a newer SEARCH_INDEX_VERSION (3 came with
 * file texts), so every old attached file is searchable once the new code has started.
 */

const logger = new Logger('FileTexts');

/**
 * Extracts the text of every file an item document carries that has none stored (one stored
 * before text was extracted at upload, or by an import of an older database), one file at a
 * time, and returns how many. A file whose text cannot be read is stored with none, and said
 * so in the log, so it is not read again at every rebuild.
 */
export const backfillFileTexts = async (manager: EntityManager): Promise<number> => {
  const missing = (await manager.query(
    `SELECT "sha256", "media_type" FROM "stored_files" WHERE EXISTS (SELECT 1 FROM "item_documents" WHERE "item_documents"."file_sha256" = "stored_files"."sha256") AND NOT EXISTS (SELECT 1 FROM "file_texts" WHERE "file_texts"."sha256" = "stored_files"."sha256")`,
  )) as { sha256: string; media_type: string }[];
  // The database store is the only one today (files.module.ts); its bytes are read in the
  // rebuild's transaction.
  const store = new DatabaseFileStore();
  for (const { sha256, media_type: mediaType } of missing) {
    const bytes = await store.get(manager, sha256);
    let text: FileText = boundedText('');
    try {
      if (bytes !== null)
        text =
          mediaType === 'application/pdf'
            ? await readPdfText(bytes, sha256)
            : docxText(await docxToReport(bytes));
    } catch (error) {
      logger.warn(
        `The text of stored file ${sha256} (${mediaType}) could not be read, so search does not find its words: ${String(error)}`,
      );
    }
    await putFileText(manager, sha256, text);
  }
  if (missing.length > 0)
    logger.log(`Extracted the text of ${missing.length} attached file(s) stored without it.`);
  return missing.length;
};
