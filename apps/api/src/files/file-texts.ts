import { Logger } from '@nestjs/common';
import { convertedReportText, type FileTexts } from '@scrutineer/domain';
import { pdfText } from '@scrutineer/reporter';
import type { EntityManager } from 'typeorm';
import { placeholders } from './sql-placeholders.js';

/*
 * The text of attached files, for full-text search (migration FileTexts1795443000000): read once
 * per SHA-256, at upload, from what inspecting the file already did (inspect-file.ts: a Word
 * document's conversion is reused, a PDF's words are read by the reporter's `pdfText`), and
 * written with the file's row in the upload's transaction. What search finds of a file is its
 * first MAX_FILE_TEXT_BYTES of text; the rest is not indexed (`full_length` says how much there
 * was). Files stored before text was extracted get theirs on the next rebuild of the search
 * index (file-text-backfill.ts).
 */

/** What search reads of one file's text at most: its first 1 MiB (UTF-8). */
export const MAX_FILE_TEXT_BYTES = 1024 * 1024;

/** A file's text as stored: bounded to MAX_FILE_TEXT_BYTES, and how long it was before. */
export type FileText = { readonly text: string; readonly fullLength: number };

/** `text` cut to its first MAX_FILE_TEXT_BYTES of UTF-8 (never in the middle of a character). */
export const boundedText = (text: string): FileText => {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= MAX_FILE_TEXT_BYTES) return { text, fullLength: bytes.length };
  // A cut through a character decodes as U+FFFD at the end: leave it out.
  const cut = bytes
    .subarray(0, MAX_FILE_TEXT_BYTES)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return { text: cut, fullLength: bytes.length };
};

/** A Word document's words, from the conversion inspecting it made (`docxToReport`). */
export const docxText = (report: Parameters<typeof convertedReportText>[0]): FileText =>
  boundedText(convertedReportText(report));

const logger = new Logger('FileTexts');

/** A PDF's words (the reporter's `pdfText`); a PDF whose text cannot be read gives none (logged). */
export const readPdfText = async (bytes: Uint8Array, sha256 = ''): Promise<FileText> => {
  try {
    return boundedText(await pdfText(bytes));
  } catch (error) {
    logger.warn(
      `The text of a PDF ${sha256} could not be read, so search does not find its words: ${String(error)}`,
    );
    return boundedText('');
  }
};

/** Stores a file's text, in the caller's transaction (the same bytes give the same text). */
export const putFileText = async (
  manager: EntityManager,
  sha256: string,
  text: FileText,
): Promise<void> => {
  await manager.query(
    `INSERT INTO "file_texts" ("sha256", "text", "full_length", "extracted_at") VALUES (${placeholders(manager, 4)}) ON CONFLICT ("sha256") DO UPDATE SET "text" = excluded."text", "full_length" = excluded."full_length", "extracted_at" = excluded."extracted_at"`,
    [sha256, text.text, text.fullLength, new Date().toISOString()],
  );
};

/** The stored text of those of `sha256s` that have one. */
export const readFileTexts = async (
  manager: EntityManager,
  sha256s: readonly string[],
): Promise<FileTexts> => {
  const wanted = [...new Set(sha256s)];
  const texts = new Map<string, string>();
  // Chunks stay under SQLite's bound-parameter limit.
  for (let start = 0; start < wanted.length; start += 500) {
    const chunk = wanted.slice(start, start + 500);
    const rows = (await manager.query(
      `SELECT "sha256", "text" FROM "file_texts" WHERE "sha256" IN (${placeholders(manager, chunk.length)})`,
      chunk,
    )) as { sha256: string; text: string }[];
    for (const row of rows) texts.set(row.sha256, row.text);
  }
  return texts;
};
