import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exempt items an exclusion-of-the-public item covers, by published number, as a JSON list.
 * Existing items said none: null (absent from their documents). Plain ADD COLUMN on both databases.
 */
export class ExclusionCovers1795435000000 implements MigrationInterface {
  name = 'ExclusionCovers1795435000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD COLUMN "covers" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "covers"`);
  }
}
