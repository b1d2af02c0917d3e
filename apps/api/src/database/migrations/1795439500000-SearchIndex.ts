import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search (`GET /api/v1/search`): one row per thing a reader can land on (an agenda
 * item, a report on it, a minute; `packages/domain` rules/search-text.ts) and audience (`public`
 * or `exempt`), kept current in the transaction of every write that changes a meeting's text
 * (search/search-index.ts). SQLite: an FTS5 index over the rows (external content, Porter
 * stemming), kept in step by triggers. PostgreSQL: a stored `tsvector` (English configuration,
 * title weighted above body) with a GIN index. The rows are written by the API, not here: at
 * start, a search index older than the code's (`search_index_state`) is rebuilt.
 */
export class SearchIndex1795439500000 implements MigrationInterface {
  name = 'SearchIndex1795439500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const id = postgres
      ? '"id" SERIAL PRIMARY KEY'
      : '"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL';
    const vector = postgres
      ? `, "document" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "body"), 'B')) STORED`
      : '';
    await queryRunner.query(
      `CREATE TABLE "search_entries" (${id}, "meeting_id" varchar(200) NOT NULL, "unit_key" varchar(300) NOT NULL, "audience" varchar(10) NOT NULL, "kind" varchar(20) NOT NULL, "number" varchar(30), "title" text NOT NULL, "body" text NOT NULL${vector})`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_search_entries_unit" ON "search_entries" ("meeting_id", "unit_key", "audience")`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_index_state" ("id" integer PRIMARY KEY NOT NULL, "version" integer NOT NULL)`,
    );
    if (postgres) {
      await queryRunner.query(
        `CREATE INDEX "IDX_search_entries_document" ON "search_entries" USING GIN ("document")`,
      );
      return;
    }
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "search_fts" USING fts5("title", "body", content='search_entries', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "search_entries_ai" AFTER INSERT ON "search_entries" BEGIN INSERT INTO "search_fts"("rowid", "title", "body") VALUES (new."id", new."title", new."body"); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "search_entries_ad" AFTER DELETE ON "search_entries" BEGIN INSERT INTO "search_fts"("search_fts", "rowid", "title", "body") VALUES ('delete', old."id", old."title", old."body"); END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') {
      await queryRunner.query(`DROP TRIGGER "search_entries_ad"`);
      await queryRunner.query(`DROP TRIGGER "search_entries_ai"`);
      await queryRunner.query(`DROP TABLE "search_fts"`);
    }
    await queryRunner.query(`DROP TABLE "search_index_state"`);
    await queryRunner.query(`DROP TABLE "search_entries"`);
  }
}
