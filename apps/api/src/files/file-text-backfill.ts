import { Logger } from '@nestjs/common';
import type { ConvertedReport } from '@scrutineer/domain';
import { DOCX_CONVERTER_VERSION } from '@scrutineer/reporter';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseFileStore } from './database-file-store.js';
import { convertDocx, putFileConversion, readFileConversions } from './file-conversions.js';
import { boundedText, docxText, type FileText, putFileText, readPdfText } from './file-texts.js';
import { DOCX } from './inspect-file.js';
import { placeholders } from './sql-placeholders.js';

/*
 * Files stored before their text was extracted at upload (FileTexts1795443000000 cannot read a
 * PDF) get it here, on the next rebuild of the search index: rebuildSearchIndex calls this first,
 * and the API rebuilds at the first start of code with a newer SEARCH_INDEX_VERSION (3 came with
 * file texts), so every old attached file is searchable once the new code has started.
 *
 * Word documents' conversions (file-conversions.ts) are backfilled here too: one stored before
 * conversions were (FileConversions1795444000000 cannot convert), or converted by another
 * converter than this code's DOCX_CONVERTER_VERSION, is converted again and stored, at every
 * start (`ensureFileConversions`, database/prepare.ts: one query when none is due) and first
 * thing in every rebuild of the index. A read that comes before it converts and stores the file
 * itself (`storedConversion`).
 */

const logger = new Logger('FileTexts');

// The database store is the only one today (files.module.ts); its bytes are read in the
// caller's transaction.
const store = new DatabaseFileStore();

/** Word documents with no conversion stored by the current converter. */
const unconverted = async (manager: EntityManager): Promise<string[]> => {
  const rows = (await manager.query(
    `SELECT "sha256" FROM "stored_files" WHERE "media_type" = ${placeholders(manager, 1)} AND NOT EXISTS (SELECT 1 FROM "file_conversions" WHERE "file_conversions"."sha256" = "stored_files"."sha256" AND "file_conversions"."converter_version" = ${placeholders(manager, 1, 2)}) ORDER BY "sha256"`,
    [DOCX, DOCX_CONVERTER_VERSION],
  )) as { sha256: string }[];
  return rows.map((row) => row.sha256);
};

/**
 * Converts every stored Word document that has no conversion by the current converter, stores
 * it, and returns how many were. A document the converter refuses is left without one, and said
 * so in the log (a read of it fails as its conversion does; the pack prints its notice).
 */
export const backfillFileConversions = async (manager: EntityManager): Promise<number> => {
  const due = await unconverted(manager);
  let converted = 0;
  for (const sha256 of due) {
    const bytes = await store.get(manager, sha256);
    if (bytes === null) continue;
    let report: ConvertedReport;
    try {
      report = await convertDocx(bytes);
    } catch (error) {
      logger.warn(
        `The Word document ${sha256} could not be converted (converter ${DOCX_CONVERTER_VERSION}), so none is stored: ${String(error)}`,
      );
      continue;
    }
    await putFileConversion(manager, sha256, report);
    converted += 1;
  }
  if (due.length > 0)
    logger.log(
      `Converted ${converted} of ${due.length} Word document(s) stored without a conversion by converter ${DOCX_CONVERTER_VERSION}.`,
    );
  return converted;
};

/**
 * At start: the conversion backfill, in a transaction, when any Word document is due one. Resolves
 * with how many were converted (0 after a single query when none is due).
 */
export const ensureFileConversions = async (dataSource: DataSource): Promise<number> => {
  if ((await unconverted(dataSource.manager)).length === 0) return 0;
  return dataSource.transaction((manager) => backfillFileConversions(manager));
};

/**
 * Extracts the text of every file an item document carries that has none stored (one stored
 * before text was extracted at upload, or by an import of an older database), one file at a
 * time, and returns how many. A Word document's text is its stored conversion's (converted now
 * only if it has none). A file whose text cannot be read is stored with none, and said so in
 * the log, so it is not read again at every rebuild.
 */
export const backfillFileTexts = async (manager: EntityManager): Promise<number> => {
  const missing = (await manager.query(
    `SELECT "sha256", "media_type" FROM "stored_files" WHERE EXISTS (SELECT 1 FROM "item_documents" WHERE "item_documents"."file_sha256" = "stored_files"."sha256") AND NOT EXISTS (SELECT 1 FROM "file_texts" WHERE "file_texts"."sha256" = "stored_files"."sha256")`,
  )) as { sha256: string; media_type: string }[];
  const conversions = await readFileConversions(
    manager,
    missing.filter((file) => file.media_type === DOCX).map((file) => file.sha256),
  );
  for (const { sha256, media_type: mediaType } of missing) {
    let text: FileText = boundedText('');
    try {
      const stored = conversions.get(sha256);
      if (stored !== undefined) text = docxText(JSON.parse(stored) as ConvertedReport);
      else {
        const bytes = await store.get(manager, sha256);
        if (bytes !== null)
          text =
            mediaType === 'application/pdf'
              ? await readPdfText(bytes, sha256)
              : docxText(await convertDocx(bytes));
      }
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
