import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table whose rows are a resource of the API (common/versioned-row.ts). */
const RESOURCE_TABLES = [
  'authorities',
  'members',
  'committees',
  'meetings',
  'agenda_items',
  'declarations',
  'minutes',
  'actions',
  'resolutions',
  'portfolios',
  'officer_contacts',
  'measures',
  'agreements',
  'measure_results',
  'performance_reports',
] as const;

/**
 * `created_at` and `updated_at` on every resource (ISO 8601 UTC text, like the other instants),
 * with `updated_at` indexed for `updatedSince`. Rows that exist already did not record when they
 * were made, so both start at the time of this migration: a syncing client sees them all once.
 * The columns keep that time as their default (SQLite cannot drop a default without rebuilding
 * the table, so PostgreSQL keeps it too, alike); the app always writes both itself.
 */
export class ResourceTimestamps1795430000000 implements MigrationInterface {
  name = 'ResourceTimestamps1795430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date().toISOString();
    for (const table of RESOURCE_TABLES) {
      // Plain ALTER TABLE … ADD COLUMN, the same on both databases: TypeORM's addColumn rebuilds
      // a SQLite table, which would cascade deletes into the rows that refer to it.
      for (const column of ['created_at', 'updated_at']) {
        await queryRunner.query(
          `ALTER TABLE "${table}" ADD COLUMN "${column}" varchar(35) NOT NULL DEFAULT '${now}'`,
        );
      }
      await queryRunner.query(`CREATE INDEX "IX_${table}_updated_at" ON "${table}" ("updated_at")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...RESOURCE_TABLES].reverse()) {
      await queryRunner.query(`DROP INDEX "IX_${table}_updated_at"`);
      for (const column of ['updated_at', 'created_at']) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      }
    }
  }
}
