import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered PDFs by the SHA-256 of everything they are drawn from (renderer, job, data slice):
 * a changed meeting has a new key, so its old packs are never found again, only left to prune.
 * Bytes are `bytea` on PostgreSQL, `blob` on SQLite.
 */
export class RenderedDocuments1795437000000 implements MigrationInterface {
  name = 'RenderedDocuments1795437000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const bytes = queryRunner.connection.options.type === 'postgres' ? 'bytea' : 'blob';
    await queryRunner.query(
      `CREATE TABLE "rendered_documents" ("key" varchar(64) PRIMARY KEY NOT NULL, "kind" varchar(32) NOT NULL, "bytes" ${bytes} NOT NULL, "byte_length" integer NOT NULL, "created_at" varchar(30) NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rendered_documents"`);
  }
}
