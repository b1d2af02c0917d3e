import { Logger } from '@nestjs/common';
import type { ConvertedBlock, ConvertedReport } from '@scrutineer/domain';
import { DOCX_CONVERTER_VERSION, docxToReport, isReporterError } from '@scrutineer/reporter';
import type { EntityManager } from 'typeorm';
import { placeholders } from './sql-placeholders.js';
import { ApiError } from '../common/problem.js';
import type { FileStore } from './file-store.js';

/*
 * A Word attachment's conversion (ADR017), stored once per SHA-256 in `file_conversions`
 * (migration FileConversions1795444000000): the ConvertedReport inspecting the upload made
 * (inspect-file.ts), as JSON, with the converter version that made it, written with the file's
 * row in the upload's transaction (DatabaseFileStore.put). What reads a Word document's
 * structure reads this row, never the DOCX: the converted route answers its JSON as stored, and
 * an agenda pack's render job carries its blocks (`convertedReports`). A file with no row of the
 * current DOCX_CONVERTER_VERSION (stored before conversions were, or by an older converter) is
 * converted again by the backfill at start (file-text-backfill.ts) or, should a read come
 * first, by that read, which stores it (`storedConversion`).
 */

const logger = new Logger('FileConversions');

let conversions = 0;

/**
 * The reporter's `docxToReport` as the API calls it, every time (upload, backfill, a read that
 * found none stored): its blocks and warnings, the ConvertedReport stored.
 */
export const convertDocx = async (bytes: Uint8Array): Promise<ConvertedReport> => {
  conversions += 1;
  const { blocks, warnings } = await docxToReport(bytes);
  return { blocks, warnings };
};

/** How many Word documents this process has converted (for tests: a read converts none). */
export const docxConversionCount = (): number => conversions;

/** Stores a file's conversion by the current converter, in the caller's transaction. */
export const putFileConversion = async (
  manager: EntityManager,
  sha256: string,
  report: ConvertedReport,
): Promise<void> => {
  await manager.query(
    `INSERT INTO "file_conversions" ("sha256", "converter_version", "report", "converted_at") VALUES (${placeholders(manager, 4)}) ON CONFLICT ("sha256") DO UPDATE SET "converter_version" = excluded."converter_version", "report" = excluded."report", "converted_at" = excluded."converted_at"`,
    [sha256, DOCX_CONVERTER_VERSION, JSON.stringify(report), new Date().toISOString()],
  );
};

/** The stored JSON of those of `sha256s` converted by the current converter. */
export const readFileConversions = async (
  manager: EntityManager,
  sha256s: readonly string[],
): Promise<Map<string, string>> => {
  const wanted = [...new Set(sha256s)];
  const found = new Map<string, string>();
  // Chunks stay under SQLite's bound-parameter limit.
  for (let start = 0; start < wanted.length; start += 500) {
    const chunk = wanted.slice(start, start + 500);
    const rows = (await manager.query(
      `SELECT "sha256", "report" FROM "file_conversions" WHERE "converter_version" = ${placeholders(manager, 1)} AND "sha256" IN (${placeholders(manager, chunk.length, 2)})`,
      [DOCX_CONVERTER_VERSION, ...chunk],
    )) as { sha256: string; report: string }[];
    for (const row of rows) found.set(row.sha256, row.report);
  }
  return found;
};

/**
 * A Word document's conversion as stored; when there is none by the current converter (the
 * backfill has not reached it), it is converted now and stored, so a read never fails for
 * want of it. Rejects with the converter's ReporterError when the bytes cannot be converted.
 */
export const storedConversion = async (
  manager: EntityManager,
  files: FileStore,
  sha256: string,
  stored?: string,
): Promise<string> => {
  const found = stored ?? (await readFileConversions(manager, [sha256])).get(sha256);
  if (found !== undefined) return found;
  const bytes = await files.get(manager, sha256);
  if (bytes === null) throw new ApiError('INTERNAL', `The file ${sha256} is missing.`);
  const report = await convertDocx(bytes);
  await putFileConversion(manager, sha256, report);
  logger.log(
    `Converted the Word document ${sha256}, stored without a current conversion, on read.`,
  );
  return JSON.stringify(report);
};

/**
 * The blocks of those of `sha256s` (Word documents a pack prints) that convert, stored ones
 * read and missing ones converted and stored (`storedConversion`); the rest (bytes the
 * converter refuses) are `unconverted`, for the reporter to print its notice of.
 */
export const packConversions = async (
  manager: EntityManager,
  files: FileStore,
  sha256s: readonly string[],
): Promise<{
  readonly blocks: Record<string, readonly ConvertedBlock[]>;
  readonly unconverted: readonly string[];
}> => {
  const stored = await readFileConversions(manager, sha256s);
  const blocks: Record<string, readonly ConvertedBlock[]> = {};
  const unconverted: string[] = [];
  for (const sha256 of new Set(sha256s)) {
    try {
      const json = await storedConversion(manager, files, sha256, stored.get(sha256));
      blocks[sha256] = (JSON.parse(json) as ConvertedReport).blocks;
    } catch (error) {
      if (!isReporterError(error) || error.code !== 'REPORTER.INVALID_DOCX') throw error;
      unconverted.push(sha256);
    }
  }
  return { blocks, unconverted };
};
