import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a meeting's minutes first became readable by the public (the record started, as a draft
 * or imported whole): the instant the Atom feed's "minutes published" entry carries. Minutes
 * stored before this column came with their meeting (seeded or imported whole, where the record
 * is written with the meeting), so they are backfilled with the meeting's creation; the minutes
 * started later through the API before this migration are backfilled the same way, the earliest
 * they can have been published.
 */
export class MinutesPublishedAt1795438000000 implements MigrationInterface {
  name = 'MinutesPublishedAt1795438000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" ADD COLUMN "minutes_published_at" varchar(35)`);
    await queryRunner.query(
      `UPDATE "meetings" SET "minutes_published_at" = "created_at" WHERE "minutes_status" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_meetings_minutes_published_at" ON "meetings" ("minutes_published_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_meetings_agenda_published_at" ON "meetings" ("agenda_published_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_meetings_agenda_published_at"`);
    await queryRunner.query(`DROP INDEX "IX_meetings_minutes_published_at"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "minutes_published_at"`);
  }
}
