import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL keeps each search entry's `tsvector` in its row (`STORAGE MAIN`), so ranking reads
 * the table's pages only. Left as it was (`EXTENDED`, the type's default), a vector that makes a
 * row pass the 2 KB TOAST threshold was moved to the TOAST table, uncompressed (a vector
 * compresses too little for pglz to keep it), and every match of a common word was a TOAST index
 * lookup and chunk reads, twice: once for `@@`, once for `ts_rank_cd` (issue 13 item 6: 47,535
 * buffers for `performance` on the bench council with 1,000 attached files, 3,269 after). MAIN
 * is moved out of line only as a last resort: the row's `body` (EXTENDED) is compressed and moved
 * first, and it is read only for the page's headlines. Rows written before this keep their
 * storage until rewritten: SEARCH_INDEX_VERSION 4 (search/search-index.ts) rebuilds every row at
 * the first start after it. SQLite has no such storage (FTS5 keeps its own index): nothing to do.
 */
export class SearchVectorInline1795445000000 implements MigrationInterface {
  name = 'SearchVectorInline1795445000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      `ALTER TABLE "search_entries" ALTER COLUMN "document" SET STORAGE MAIN`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      `ALTER TABLE "search_entries" ALTER COLUMN "document" SET STORAGE EXTENDED`,
    );
  }
}
