import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  type TableColumnOptions,
  type TableForeignKeyOptions,
  type TableIndexOptions,
} from 'typeorm';

/*
 * Portfolios, officer contacts, agreements (and their lines), measures, measure results and
 * performance reports. Written with the driver-neutral schema API so one migration serves
 * SQLite and PostgreSQL. Money is integer pence in bigint columns; figures that are not money
 * (targets, results) are double precision; calendar dates are date columns.
 */

const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const version: TableColumnOptions = { name: 'version', type: 'integer', default: 1 };
const text = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable,
});
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const integer = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable,
});
const pence = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable,
});
const figure = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'double precision',
  isNullable,
});
const date = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable,
});
const index = (table: string, columns: string[], isUnique = false): TableIndexOptions => ({
  name: `${isUnique ? 'UQ' : 'IX'}_${table}_${columns.join('_')}`,
  columnNames: columns,
  isUnique,
});
const references = (
  column: string,
  table: string,
  referenced: string,
  onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT',
): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: [referenced],
  onDelete,
});

/** A child table of an agreement: its lines go when the agreement goes. */
const agreementLines = (name: string, columns: TableColumnOptions[]): Table =>
  new Table({
    name,
    columns: [id, integer('agreement_id'), integer('position'), ...columns],
    foreignKeys: [references('agreement_id', 'agreements', 'id', 'CASCADE')],
    indices: [index(name, ['agreement_id', 'position'], true)],
  });

const tables = (): Table[] => [
  new Table({
    name: 'portfolios',
    columns: [
      { ...varchar('code', 16), isPrimary: true },
      varchar('authority_id', 64),
      varchar('name', 300),
      varchar('cabinet_member_name', 200, true),
      varchar('cabinet_member_id', 64, true),
      text('directors'),
      version,
    ],
    indices: [index('portfolios', ['authority_id'])],
  }),
  new Table({
    name: 'officer_contacts',
    columns: [
      id,
      varchar('portfolio_code', 16),
      varchar('name', 200),
      varchar('role', 300),
      varchar('email', 254, true),
      varchar('phone', 50, true),
      version,
    ],
    foreignKeys: [references('portfolio_code', 'portfolios', 'code')],
    indices: [index('officer_contacts', ['portfolio_code', 'name'])],
  }),
  new Table({
    name: 'measures',
    columns: [
      { ...varchar('code', 32), isPrimary: true },
      varchar('portfolio_code', 16),
      varchar('title', 500),
      varchar('unit', 32),
      varchar('polarity', 32),
      varchar('frequency', 32),
      varchar('source', 500, true),
      integer('priority_number', true),
      integer('decimals'),
      version,
    ],
    foreignKeys: [references('portfolio_code', 'portfolios', 'code')],
    indices: [index('measures', ['portfolio_code'])],
  }),
  new Table({
    name: 'agreements',
    columns: [
      id,
      varchar('portfolio_code', 16),
      varchar('year', 7),
      varchar('status', 16),
      varchar('considered_committee_id', 64, true),
      date('considered_date', true),
      varchar('approved_body', 200, true),
      date('approved_date', true),
      version,
    ],
    foreignKeys: [references('portfolio_code', 'portfolios', 'code')],
    indices: [
      index('agreements', ['portfolio_code', 'year'], true),
      index('agreements', ['year']),
      index('agreements', ['status']),
    ],
  }),
  agreementLines('agreement_priorities', [
    integer('number'),
    varchar('title', 500),
    text('outcomes'),
  ]),
  new Table({
    name: 'agreement_targets',
    columns: [
      id,
      integer('agreement_id'),
      integer('position'),
      varchar('measure_code', 32),
      varchar('unit', 32),
      figure('target', true),
      varchar('target_unknown_reason', 500, true),
      varchar('tolerance_kind', 16),
      figure('tolerance_amount', true),
      text('tolerance_rationale', true),
    ],
    foreignKeys: [
      references('agreement_id', 'agreements', 'id', 'CASCADE'),
      references('measure_code', 'measures', 'code'),
    ],
    indices: [
      index('agreement_targets', ['agreement_id', 'measure_code'], true),
      index('agreement_targets', ['measure_code']),
    ],
  }),
  agreementLines('agreement_revenue_lines', [varchar('service', 300), pence('budget')]),
  agreementLines('agreement_reserves', [
    varchar('name', 300),
    pence('balance'),
    pence('planned_use', true),
    text('purpose', true),
  ]),
  agreementLines('agreement_savings', [
    varchar('reference', 64, true),
    varchar('title', 500),
    pence('target'),
  ]),
  agreementLines('agreement_capital_lines', [
    varchar('scheme', 300),
    pence('budget'),
    varchar('funding_source', 300, true),
  ]),
  new Table({
    name: 'measure_results',
    columns: [
      id,
      varchar('measure_code', 32),
      // Copied from the measure so the list filters by portfolio without a join.
      varchar('portfolio_code', 16),
      // The period's year as written: a financial year `2021/22`, or an academic year `2020/21`.
      varchar('year', 7),
      varchar('period_code', 16),
      varchar('period_kind', 16),
      date('period_start'),
      date('period_end'),
      figure('value', true),
      varchar('value_unknown_reason', 500, true),
      varchar('status', 16),
      text('comparators'),
      text('commentary', true),
      // The assessment is derived by the domain on every write that can change it (the result,
      // its target, its measure, the previous period's result) and kept so lists can filter by it.
      varchar('rag_status', 16),
      text('rag_explanation'),
      varchar('trend_direction', 16),
      varchar('trend_arrow', 4),
      text('trend_explanation'),
      varchar('trend_previous_period', 16, true),
      version,
    ],
    foreignKeys: [
      references('measure_code', 'measures', 'code'),
      references('portfolio_code', 'portfolios', 'code'),
    ],
    indices: [
      index('measure_results', ['measure_code', 'period_code'], true),
      index('measure_results', ['year', 'period_start']),
      index('measure_results', ['period_code']),
      index('measure_results', ['rag_status']),
      index('measure_results', ['period_start', 'measure_code']),
    ],
  }),
  new Table({
    name: 'performance_reports',
    columns: [
      { ...varchar('id', 64), isPrimary: true },
      varchar('portfolio_code', 16),
      varchar('year', 7),
      varchar('kind', 32),
      varchar('period_code', 16),
      varchar('report_to', 300),
      date('date'),
      text('report_of'),
      varchar('title', 500),
      text('sections'),
      text('recommendations'),
      text('part_one'),
      text('financial_commentary'),
      text('further_information'),
      text('contacts'),
      version,
    ],
    foreignKeys: [references('portfolio_code', 'portfolios', 'code')],
    indices: [
      index('performance_reports', ['portfolio_code', 'year', 'kind'], true),
      index('performance_reports', ['year']),
      index('performance_reports', ['kind']),
      index('performance_reports', ['date']),
    ],
  }),
  new Table({
    name: 'performance_report_money_lines',
    columns: [
      id,
      varchar('report_id', 64),
      // revenue | reserve | savings | capital (Part Two's four tables).
      varchar('kind', 16),
      integer('position'),
      varchar('label', 500),
      // Budget (revenue, capital), balance (reserve) or target (savings).
      pence('amount'),
      pence('forecast', true),
      varchar('forecast_unknown_reason', 500, true),
      text('commentary', true),
    ],
    foreignKeys: [references('report_id', 'performance_reports', 'id', 'CASCADE')],
    indices: [index('performance_report_money_lines', ['report_id', 'kind', 'position'], true)],
  }),
];

const RESULTS_LIST_INDEX = 'IX_measure_results_portfolio_code_year_period_start_desc_measure_code';

export class PerformanceAndResources1795425054668 implements MigrationInterface {
  name = 'PerformanceAndResources1795425054668';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables()) await queryRunner.createTable(table, false, true, true);
    // The usual list (one portfolio's year, newest period first, then by measure) read in index
    // order, with no sort step. TableIndex cannot say DESC per column; this SQL is the same on
    // SQLite and PostgreSQL.
    await queryRunner.query(
      `CREATE INDEX "${RESULTS_LIST_INDEX}" ON "measure_results" ("portfolio_code", "year", "period_start" DESC, "measure_code")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "${RESULTS_LIST_INDEX}"`);
    for (const table of tables().reverse())
      await queryRunner.dropTable(table.name, true, true, true);
  }
}
