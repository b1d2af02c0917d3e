import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over attached files (issue 13 item 3). `file_texts` holds each stored file's
 * extracted text once per SHA-256, however many documents carry it (files/file-texts.ts: a PDF's
 * words, a Word report's converted text, at most its first 1 MiB of UTF-8; `full_length` is how long it was before the cut), written at upload in
 * the transaction of the file's row and deleted with it (the foreign key cascades). A file stored
 * before this migration has no text: the migration cannot read PDFs, so the next rebuild of the
 * search index (which SEARCH_INDEX_VERSION 3 makes happen at the first start after it) extracts
 * the text of every attached file that has none. `search_entries.file_document` is the attached
 * document a unit is the text of (JSON: title, file name, media type), null for any other unit.
 * The same statements on SQLite and PostgreSQL.
 */
export class FileTexts1795443000000 implements MigrationInterface {
  name = 'FileTexts1795443000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "file_texts" ("sha256" varchar(64) PRIMARY KEY NOT NULL REFERENCES "stored_files" ("sha256") ON DELETE CASCADE, "text" text NOT NULL, "full_length" integer NOT NULL, "extracted_at" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(`ALTER TABLE "search_entries" ADD COLUMN "file_document" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQLite (3.35+) and PostgreSQL both drop a column that no index or key refers to.
    await queryRunner.query(`ALTER TABLE "search_entries" DROP COLUMN "file_document"`);
    await queryRunner.query(`DROP TABLE "file_texts"`);
  }
}
