import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns that hold why a figure is unknown (`{ kind: 'unknown', reason }`, ADR006). */
const REASON_COLUMNS = [
  ['measure_results', 'value_unknown_reason'],
  ['agreement_targets', 'target_unknown_reason'],
  ['performance_report_money_lines', 'forecast_unknown_reason'],
] as const;

/**
 * An unknown fact's reason may be as long as the domain's `Unknown` schema allows (2,000
 * characters); these columns held 500, so PostgreSQL refused a longer reason the API had
 * accepted. SQLite does not enforce a varchar's length: nothing to change there.
 */
export class UnknownReasonWidth1795431000000 implements MigrationInterface {
  name = 'UnknownReasonWidth1795431000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    for (const [table, column] of REASON_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE varchar(2000)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    for (const [table, column] of REASON_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE varchar(500)`);
    }
  }
}
