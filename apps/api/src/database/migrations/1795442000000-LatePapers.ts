import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Late papers and the record of every pack published (issue 12 item 7). `late` on an agenda item
 * and on an item document is the domain's LatePaper as JSON (the chair's reason for urgency, when
 * it was added, the supplement that published it); null for a paper on the published agenda, as
 * every paper stored before it is. `pack_publications` keeps each publication of a pack (the
 * agenda pack, each supplementary agenda) in each edition: when, and the SHA-256 of its bytes,
 * which are kept in `stored_files` (the foreign key keeps them while the record names them). The
 * same statements on SQLite and PostgreSQL.
 */
export class LatePapers1795442000000 implements MigrationInterface {
  name = 'LatePapers1795442000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD COLUMN "late" text`);
    await queryRunner.query(`ALTER TABLE "item_documents" ADD COLUMN "late" text`);
    await queryRunner.query(
      `CREATE TABLE "pack_publications" ("id" varchar(36) PRIMARY KEY NOT NULL, "meeting_id" varchar(200) NOT NULL, "pack" varchar(20) NOT NULL, "supplement" integer, "edition" varchar(20) NOT NULL, "published_at" varchar(30) NOT NULL, "sha256" varchar(64) NOT NULL REFERENCES "stored_files" ("sha256"), "byte_length" integer NOT NULL, "page_count" integer)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_pack_publications_meeting" ON "pack_publications" ("meeting_id", "published_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_pack_publications_meeting"`);
    await queryRunner.query(`DROP TABLE "pack_publications"`);
    // SQLite (3.35+) and PostgreSQL both drop a column that no index or key refers to.
    await queryRunner.query(`ALTER TABLE "item_documents" DROP COLUMN "late"`);
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "late"`);
  }
}
