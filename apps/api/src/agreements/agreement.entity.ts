import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { penceColumn } from '../performance/columns.js';
import { VersionedRow } from '../common/versioned-row.js';

/** A Portfolio Performance and Resource Agreement: one portfolio's plan for one financial year. */
@Entity({ name: 'agreements' })
@Index(['portfolioCode', 'year'], { unique: true })
export class AgreementEntity extends VersionedRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'portfolio_code', type: 'varchar', length: 16 })
  portfolioCode: string;

  /** Financial year, `2021/22`. */
  @Index()
  @Column({ type: 'varchar', length: 7 })
  year: string;

  /** draft | considered | approved */
  @Index()
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'considered_committee_id', type: 'varchar', length: 64, nullable: true })
  consideredCommitteeId: string | null;

  @Column({ name: 'considered_date', type: 'date', nullable: true })
  consideredDate: string | null;

  @Column({ name: 'approved_body', type: 'varchar', length: 200, nullable: true })
  approvedBody: string | null;

  @Column({ name: 'approved_date', type: 'date', nullable: true })
  approvedDate: string | null;

  /** Optimistic concurrency: bumped by every change; callers send it back in If-Match. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @OneToMany(() => AgreementPriorityEntity, (line) => line.agreement)
  priorities: AgreementPriorityEntity[];

  @OneToMany(() => AgreementTargetEntity, (line) => line.agreement)
  targets: AgreementTargetEntity[];

  @OneToMany(() => AgreementRevenueLineEntity, (line) => line.agreement)
  revenueBudget: AgreementRevenueLineEntity[];

  @OneToMany(() => AgreementReserveEntity, (line) => line.agreement)
  reserves: AgreementReserveEntity[];

  @OneToMany(() => AgreementSavingsEntity, (line) => line.agreement)
  savings: AgreementSavingsEntity[];

  @OneToMany(() => AgreementCapitalLineEntity, (line) => line.agreement)
  capital: AgreementCapitalLineEntity[];
}

/** Columns every line of an agreement has: its agreement and its place in the agreement's list. */
abstract class AgreementLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'agreement_id', type: 'integer' })
  agreementId: number;

  /** 0-based order in the agreement, as printed. */
  @Column({ type: 'integer' })
  position: number;
}

@Entity({ name: 'agreement_priorities' })
export class AgreementPriorityEntity extends AgreementLine {
  @ManyToOne(() => AgreementEntity, (agreement) => agreement.priorities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'simple-json' })
  outcomes: string[];
}

@Entity({ name: 'agreement_targets' })
export class AgreementTargetEntity extends AgreementLine {
  @ManyToOne(() => AgreementEntity, (agreement) => agreement.targets, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;

  @Index()
  @Column({ name: 'measure_code', type: 'varchar', length: 32 })
  measureCode: string;

  @Column({ type: 'varchar', length: 32 })
  unit: string;

  /** Null when the agreement sets no target; `targetUnknownReason` then says why. */
  @Column({ type: 'double precision', nullable: true })
  target: number | null;

  @Column({ name: 'target_unknown_reason', type: 'varchar', length: 2000, nullable: true })
  targetUnknownReason: string | null;

  /** absolute | relative | none */
  @Column({ name: 'tolerance_kind', type: 'varchar', length: 16 })
  toleranceKind: string;

  /** In the measure's unit (absolute) or percent of the target (relative); null for none. */
  @Column({ name: 'tolerance_amount', type: 'double precision', nullable: true })
  toleranceAmount: number | null;

  @Column({ name: 'tolerance_rationale', type: 'text', nullable: true })
  toleranceRationale: string | null;
}

@Entity({ name: 'agreement_revenue_lines' })
export class AgreementRevenueLineEntity extends AgreementLine {
  @ManyToOne(() => AgreementEntity, (agreement) => agreement.revenueBudget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;

  @Column({ type: 'varchar', length: 300 })
  service: string;

  @Column({ type: 'bigint', transformer: penceColumn })
  budget: number;
}

@Entity({ name: 'agreement_reserves' })
export class AgreementReserveEntity extends AgreementLine {
  @ManyToOne(() => AgreementEntity, (agreement) => agreement.reserves, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'bigint', transformer: penceColumn })
  balance: number;

  @Column({ name: 'planned_use', type: 'bigint', nullable: true, transformer: penceColumn })
  plannedUse: number | null;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;
}

@Entity({ name: 'agreement_savings' })
export class AgreementSavingsEntity extends AgreementLine {
  @ManyToOne(() => AgreementEntity, (agreement) => agreement.savings, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'bigint', transformer: penceColumn })
  target: number;
}

@Entity({ name: 'agreement_capital_lines' })
export class AgreementCapitalLineEntity extends AgreementLine {
  @ManyToOne(() => AgreementEntity, (agreement) => agreement.capital, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;

  @Column({ type: 'varchar', length: 300 })
  scheme: string;

  @Column({ type: 'bigint', transformer: penceColumn })
  budget: number;

  @Column({ name: 'funding_source', type: 'varchar', length: 300, nullable: true })
  fundingSource: string | null;
}

export const agreementEntities = [
  AgreementEntity,
  AgreementPriorityEntity,
  AgreementTargetEntity,
  AgreementRevenueLineEntity,
  AgreementReserveEntity,
  AgreementSavingsEntity,
  AgreementCapitalLineEntity,
];
