import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['agenda_items', 'item_documents', 'minutes'] as const;

/**
 * Where the proper officer recorded it, the outcome of Schedule 12A's public interest test
 * (paragraph 10 in England, 21 in Wales) is stored beside the exempt paragraph, so the exclusion
 * resolution can print it. Existing exemptions recorded none: the column starts null.
 */
export class ExemptionPublicInterestTest1795433500000 implements MigrationInterface {
  name = 'ExemptionPublicInterestTest1795433500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD COLUMN "exempt_public_interest_test" text`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "exempt_public_interest_test"`);
  }
}
