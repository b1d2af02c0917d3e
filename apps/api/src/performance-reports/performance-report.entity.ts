import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type {
  OfficerContact,
  PriorityUpdate,
  Recommendations,
  ReportSection,
} from '@scrutineer/domain';
import { penceColumn } from '../performance/columns.js';
import { VersionedRow } from '../common/versioned-row.js';

/**
 * A Portfolio Performance and Resource Report (PPRR). Its prose parts are stored as JSON;
 * Part Two's money lines have their own table so amounts stay bigint pence.
 */
@Entity({ name: 'performance_reports' })
@Index(['portfolioCode', 'year', 'kind'], { unique: true })
export class PerformanceReportEntity extends VersionedRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ name: 'portfolio_code', type: 'varchar', length: 16 })
  portfolioCode: string;

  @Index()
  @Column({ type: 'varchar', length: 7 })
  year: string;

  /** first-update | mid-year | third-quarter-update | annual */
  @Index()
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ name: 'period_code', type: 'varchar', length: 16 })
  periodCode: string;

  @Column({ name: 'report_to', type: 'varchar', length: 300 })
  reportTo: string;

  @Index()
  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'report_of', type: 'simple-json' })
  reportOf: string[];

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'simple-json' })
  sections: ReportSection[];

  @Column({ type: 'simple-json' })
  recommendations: Recommendations;

  @Column({ name: 'part_one', type: 'simple-json' })
  partOne: PriorityUpdate[];

  @Column({ name: 'financial_commentary', type: 'simple-json' })
  financialCommentary: string[];

  @Column({ name: 'further_information', type: 'simple-json' })
  furtherInformation: string[];

  @Column({ type: 'simple-json' })
  contacts: OfficerContact[];

  /** Optimistic concurrency: bumped by every change; callers send it back in If-Match. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @OneToMany(() => ReportMoneyLineEntity, (line) => line.report)
  moneyLines: ReportMoneyLineEntity[];
}

export type MoneyLineKind = 'revenue' | 'reserve' | 'savings' | 'capital';

/** One line of Part Two: a revenue, reserve, savings or capital line with its forecast. */
@Entity({ name: 'performance_report_money_lines' })
@Index(['reportId', 'kind', 'position'], { unique: true })
export class ReportMoneyLineEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'report_id', type: 'varchar', length: 64 })
  reportId: string;

  @ManyToOne(() => PerformanceReportEntity, (report) => report.moneyLines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: PerformanceReportEntity;

  @Column({ type: 'varchar', length: 16 })
  kind: MoneyLineKind;

  @Column({ type: 'integer' })
  position: number;

  /** The service, reserve, savings title or capital scheme. */
  @Column({ type: 'varchar', length: 500 })
  label: string;

  /** Budget (revenue, capital), balance (reserve) or target (savings), in pence. */
  @Column({ type: 'bigint', transformer: penceColumn })
  amount: number;

  @Column({ type: 'bigint', nullable: true, transformer: penceColumn })
  forecast: number | null;

  @Column({ name: 'forecast_unknown_reason', type: 'varchar', length: 2000, nullable: true })
  forecastUnknownReason: string | null;

  @Column({ type: 'text', nullable: true })
  commentary: string | null;
}
