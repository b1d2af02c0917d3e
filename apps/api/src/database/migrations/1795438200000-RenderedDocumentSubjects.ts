import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each rendered PDF is of (the meeting or report, and the edition), so storing a new render
 * of the same document deletes the one it supersedes, and an index on `created_at` for the age
 * bound (RENDER_CACHE_MAX_AGE_DAYS). Rows from before have neither and go by age.
 */
export class RenderedDocumentSubjects1795438200000 implements MigrationInterface {
  name = 'RenderedDocumentSubjects1795438200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rendered_documents" ADD "subject_id" varchar(200)`);
    await queryRunner.query(`ALTER TABLE "rendered_documents" ADD "edition" varchar(20)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_rendered_documents_subject" ON "rendered_documents" ("kind", "subject_id", "edition")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_rendered_documents_created_at" ON "rendered_documents" ("created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_rendered_documents_created_at"`);
    await queryRunner.query(`DROP INDEX "IDX_rendered_documents_subject"`);
    await queryRunner.query(`ALTER TABLE "rendered_documents" DROP COLUMN "edition"`);
    await queryRunner.query(`ALTER TABLE "rendered_documents" DROP COLUMN "subject_id"`);
  }
}
