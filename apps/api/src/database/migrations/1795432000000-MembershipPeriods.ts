import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * `member_name` nullable or not. PostgreSQL alters the column in place (TypeORM's changeColumn
 * would drop and re-add it, losing every name). SQLite cannot, so TypeORM rebuilds the table:
 * `committee_memberships` is a leaf (nothing refers to it), so the rebuild cascades into nothing.
 */
const setMemberNameNullable = async (queryRunner: QueryRunner, isNullable: boolean) => {
  if (queryRunner.connection.driver.options.type === 'postgres') {
    await queryRunner.query(
      `ALTER TABLE "committee_memberships" ALTER COLUMN "member_name" ${isNullable ? 'DROP' : 'SET'} NOT NULL`,
    );
    return;
  }
  await queryRunner.changeColumn(
    'committee_memberships',
    'member_name',
    new TableColumn({ name: 'member_name', type: 'varchar', length: '200', isNullable }),
  );
};

/**
 * Committee membership over time: each seat becomes a period with a first and a last day (both
 * included, `date` columns; `to_date` null while it continues) and may be a vacancy (no member
 * name). Existing seats did not record when they began or ended, so both days start null: "from
 * before the record, still current", which is what the one list meant.
 */
export class MembershipPeriods1795432000000 implements MigrationInterface {
  name = 'MembershipPeriods1795432000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "committee_memberships" ADD COLUMN "from_date" date`);
    await queryRunner.query(`ALTER TABLE "committee_memberships" ADD COLUMN "to_date" date`);
    await setMemberNameNullable(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A vacancy has no member to keep; the one list of seats had none.
    await queryRunner.query(`DELETE FROM "committee_memberships" WHERE "member_name" IS NULL`);
    await setMemberNameNullable(queryRunner, false);
    await queryRunner.query(`ALTER TABLE "committee_memberships" DROP COLUMN "to_date"`);
    await queryRunner.query(`ALTER TABLE "committee_memberships" DROP COLUMN "from_date"`);
  }
}
