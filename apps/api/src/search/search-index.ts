import {
  type PerformanceReport,
  searchEntries,
  searchFileShas,
  searchReportIds,
  type SearchEntry,
} from '@scrutineer/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { invalidateGeneration } from '../database/data-generations.js';
import { backfillFileConversions, backfillFileTexts } from '../files/file-text-backfill.js';
import { readFileTexts } from '../files/file-texts.js';
import { readMeetingDocument, readMeetingIds } from '../meetings/meeting-document.store.js';
import { readDomainReports } from '../performance-reports/report-reads.js';

/*
 * The search index (migration SearchIndex1795439500000) is derived data, kept current in the
 * transaction of every write that changes what a meeting says: each such write ends by calling
 * `reindexMeeting` (or `reindexMeetingsShowingReport`) with its own manager, so the index
 * commits or rolls back with the write. What is indexed, and for whom, is the domain's
 * (`searchEntries`); this module only stores it, with the text of the meeting's attached files
 * (`file_texts`, files/file-texts.ts).
 */

/**
 * Bump when `searchEntries` (packages/domain) changes what it indexes: the API rebuilds at start.
 * 3: attached files' text, and pending late papers for callers who may read them only.
 * 4: files’ text in parts of at most 8,000 characters (FILE_UNIT_CHARS), not 100,000.
 */
export const SEARCH_INDEX_VERSION = 4;

/** Marks a snippet's matches (U+E000 … U+E001); never left in indexed text. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

const insertEntries = async (
  manager: EntityManager,
  meetingId: string,
  entries: readonly SearchEntry[],
): Promise<void> => {
  // Chunks of 50 rows × 8 values stay under SQLite's bound-parameter limit.
  for (let start = 0; start < entries.length; start += 50) {
    const chunk = entries.slice(start, start + 50);
    const values: unknown[] = [];
    const rows = chunk.map((entry) => {
      values.push(
        meetingId,
        entry.key,
        entry.audience,
        entry.kind,
        entry.number,
        entry.title.replace(MARKERS, ' '),
        entry.body.replace(MARKERS, ' '),
        entry.document === undefined ? null : JSON.stringify(entry.document),
      );
      const at = values.length - 8;
      return `(${Array.from({ length: 8 }, (_, i) => placeholder(manager, at + i)).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO "search_entries" ("meeting_id", "unit_key", "audience", "kind", "number", "title", "body", "file_document") VALUES ${rows.join(', ')}`,
      values,
    );
  }
};

const placeholder = (manager: EntityManager, index: number): string =>
  manager.connection.options.type === 'postgres' ? `$${index + 1}` : '?';

const reportsOf = async (
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, PerformanceReport>> =>
  new Map((await readDomainReports(manager, ids)).map((report) => [report.id, report]));

/** Replaces the meeting's entries with what it says now (none once it is deleted). */
export const reindexMeeting = async (manager: EntityManager, meetingId: string): Promise<void> => {
  await invalidateGeneration(manager, 'search');
  await manager.query(
    `DELETE FROM "search_entries" WHERE "meeting_id" = ${placeholder(manager, 0)}`,
    [meetingId],
  );
  const document = await readMeetingDocument(manager, meetingId);
  if (document === null) return;
  const reports = await reportsOf(manager, searchReportIds(document));
  const fileTexts = await readFileTexts(manager, searchFileShas(document));
  await insertEntries(manager, meetingId, searchEntries(document, reports, fileTexts));
};

/** After a performance report changes: every meeting whose agenda carries it. */
export const reindexMeetingsShowingReport = async (
  manager: EntityManager,
  reportId: string,
): Promise<void> => {
  const documents: { meetingId: string }[] = await manager.query(
    `SELECT DISTINCT "item"."meeting_id" AS "meetingId" FROM "item_documents" "document" INNER JOIN "agenda_items" "item" ON "item"."id" = "document"."agenda_item_id" WHERE "document"."content" LIKE ${placeholder(manager, 0)} ESCAPE '\\'`,
    [`%${JSON.stringify(reportId).replace(/[\\%_]/g, '\\$&')}%`],
  );
  for (const { meetingId } of documents) await reindexMeeting(manager, meetingId);
};

/**
 * Rebuilds every meeting's entries and records the index's version. Attached files stored
 * without their text (before it was read at upload) have it read first, so none is left
 * unsearchable, after Word documents without a current conversion are converted (files/file-text-backfill.ts).
 */
export const rebuildSearchIndex = async (manager: EntityManager): Promise<number> => {
  await backfillFileConversions(manager);
  await backfillFileTexts(manager);
  await invalidateGeneration(manager, 'search');
  await manager.query(`DELETE FROM "search_entries"`);
  const meetings = await readMeetingIds(manager);
  for (const id of meetings) await reindexMeeting(manager, id);
  await manager.query(`DELETE FROM "search_index_state"`);
  await manager.query(
    `INSERT INTO "search_index_state" ("id", "version") VALUES (1, ${SEARCH_INDEX_VERSION})`,
  );
  return meetings.length;
};

/** At start: rebuilds the index when it was built by other code (or never), in one transaction. */
export const ensureSearchIndex = async (dataSource: DataSource): Promise<boolean> => {
  const rows: { version: number | string }[] = await dataSource.query(
    `SELECT "version" FROM "search_index_state" WHERE "id" = 1`,
  );
  if (Number(rows[0]?.version) === SEARCH_INDEX_VERSION) return false;
  await dataSource.transaction((manager) => rebuildSearchIndex(manager));
  return true;
};
