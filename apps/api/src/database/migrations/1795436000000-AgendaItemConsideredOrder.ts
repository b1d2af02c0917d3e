import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order in which a meeting took an agenda item, independent of its minutes (an item taken
 * out of order without a minute of its own). Existing items did not record it: null.
 */
export class AgendaItemConsideredOrder1795436000000 implements MigrationInterface {
  name = 'AgendaItemConsideredOrder1795436000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD COLUMN "considered_order" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "considered_order"`);
  }
}
