import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A declaration can name several kinds of interest ("personal and prejudicial"): `interests`
 * holds them as a JSON list, backfilled with the one kind each row had (`interest` stays, the
 * first kind, for sorting). A meeting can record that declarations were made without names
 * (`declarations_kind` `made-unnamed`) on the items in `declarations_item_numbers`; null for
 * every existing meeting. Plain ADD COLUMN on both databases (no SQLite table rebuild).
 */
export class DeclarationInterestsAndUnnamed1795434000000 implements MigrationInterface {
  name = 'DeclarationInterestsAndUnnamed1795434000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "declarations" ADD COLUMN "interests" text NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(`UPDATE "declarations" SET "interests" = '["' || "interest" || '"]'`);
    await queryRunner.query(`ALTER TABLE "meetings" ADD COLUMN "declarations_item_numbers" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The one kind a row could hold is its first; unnamed declarations become "not recorded".
    await queryRunner.query(
      `UPDATE "meetings" SET "declarations_kind" = 'not-recorded' WHERE "declarations_kind" = 'made-unnamed'`,
    );
    await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "declarations_item_numbers"`);
    await queryRunner.query(`ALTER TABLE "declarations" DROP COLUMN "interests"`);
  }
}
