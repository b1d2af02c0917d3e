import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A committee's purpose (terms of reference), as the public site's committee page shows it:
 * nullable text up to the domain's 2,000 characters. Committees stored before it have none (null)
 * until a clerk sets it; nothing is guessed for them. The same statements on SQLite and PostgreSQL.
 */
export class CommitteePurpose1795441700000 implements MigrationInterface {
  name = 'CommitteePurpose1795441700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "committees" ADD COLUMN "purpose" varchar(2000)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQLite (3.35+) and PostgreSQL both drop a column that no index or key refers to.
    await queryRunner.query(`ALTER TABLE "committees" DROP COLUMN "purpose"`);
  }
}
