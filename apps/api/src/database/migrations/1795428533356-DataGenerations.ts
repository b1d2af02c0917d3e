import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * One row per area of data ("performance"): a token that every write transaction in that area
 * replaces. Caches of derived reads key on it, so an API process never serves a page older than
 * the last committed write, even when several processes share one database.
 */
export class DataGenerations1795428533356 implements MigrationInterface {
  name = 'DataGenerations1795428533356';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'data_generations',
        columns: [
          { name: 'area', type: 'varchar', length: '32', isPrimary: true },
          { name: 'token', type: 'varchar', length: '36' },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO "data_generations" ("area", "token") VALUES ('performance', 'initial')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('data_generations');
  }
}
