import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accessibility pre-flight of each attached file (issue 12, item 5), stored with its bytes
 * as JSON (`AttachmentChecks`: a PDF's tags, title, language, fonts and scanned pages; a Word
 * document's conversion warnings). Files stored before this have none (null): the API answers
 * `checks: null` ("not checked") and the publication check says so, rather than inventing a
 * result; uploading the same bytes again fills them in. They are not computed here: that would
 * run the PDF/UA checker and the Word conversion over every stored file inside the migration.
 */
export class StoredFileChecks1795441000000 implements MigrationInterface {
  name = 'StoredFileChecks1795441000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stored_files" ADD COLUMN "checks" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Both databases drop a plain column in place (SQLite from 3.35), so the table that item
    // documents refer to is not rebuilt.
    await queryRunner.query(`ALTER TABLE "stored_files" DROP COLUMN "checks"`);
  }
}
