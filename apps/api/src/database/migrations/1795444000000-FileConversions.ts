import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Word attachment's conversion stored once, at upload (ADR017, issue 12). `file_conversions`
 * is its own table, keyed by the file's SHA-256 like `file_texts` (not a column of it: search's
 * text and the pack's blocks are read by different paths, and a PDF has text but no conversion):
 * `report` is the ConvertedReport as JSON (blocks and warnings, files/file-conversions.ts), made
 * by the converter of `converter_version` (the reporter's DOCX_CONVERTER_VERSION), written in the
 * upload's transaction with the file's row and deleted with it (the foreign key cascades). A file
 * stored before this migration, or converted by an older converter, is converted again by the
 * backfill at start (files/file-text-backfill.ts) or, failing that, when it is first read.
 * The same statements on SQLite and PostgreSQL.
 */
export class FileConversions1795444000000 implements MigrationInterface {
  name = 'FileConversions1795444000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "file_conversions" ("sha256" varchar(64) PRIMARY KEY NOT NULL REFERENCES "stored_files" ("sha256") ON DELETE CASCADE, "converter_version" integer NOT NULL, "report" text NOT NULL, "converted_at" varchar(30) NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "file_conversions"`);
  }
}
