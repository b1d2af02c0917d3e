import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attached files (issue 12, ADR019): the bytes of every PDF or Word paper attached to an agenda
 * item, once per SHA-256 however many documents carry them. Bytes are `bytea` on PostgreSQL,
 * `blob` on SQLite, so a database backup holds every paper. A document that is a file names its
 * row in `item_documents.file_sha256`; the foreign key refuses to delete a file still in use.
 */
export class StoredFiles1795440000000 implements MigrationInterface {
  name = 'StoredFiles1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const bytes = queryRunner.connection.options.type === 'postgres' ? 'bytea' : 'blob';
    await queryRunner.query(
      `CREATE TABLE "stored_files" ("sha256" varchar(64) PRIMARY KEY NOT NULL, "media_type" varchar(100) NOT NULL, "byte_length" integer NOT NULL, "page_count" integer, "bytes" ${bytes} NOT NULL, "created_at" varchar(30) NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "item_documents" ADD COLUMN "file_sha256" varchar(64) REFERENCES "stored_files" ("sha256")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_item_documents_file_sha256" ON "item_documents" ("file_sha256")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_item_documents_file_sha256"`);
    // SQLite cannot DROP COLUMN one in a foreign key: TypeORM rebuilds the table there.
    await queryRunner.dropColumn('item_documents', 'file_sha256');
    await queryRunner.query(`DROP TABLE "stored_files"`);
  }
}
