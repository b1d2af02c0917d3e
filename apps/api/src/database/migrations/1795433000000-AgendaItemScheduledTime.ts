import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time an agenda schedules an item for ("10:40"), `HH:MM` like a meeting's start time. Items
 * that exist already gave none: the column is null for them (plain ADD COLUMN on both databases;
 * TypeORM's addColumn would rebuild the SQLite table and cascade deletes into item documents).
 */
export class AgendaItemScheduledTime1795433000000 implements MigrationInterface {
  name = 'AgendaItemScheduledTime1795433000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD COLUMN "scheduled_time" varchar(5)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "scheduled_time"`);
  }
}
