import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Comparator } from '@scrutineer/domain';
import { VersionedRow } from '../common/versioned-row.js';

/**
 * One period's figure for one measure, with its RAG and trend as the domain assessed them when
 * it was last written (see performance/assessment-store.ts: kept current on every write that can change them).
 */
@Entity({ name: 'measure_results' })
@Index(['measureCode', 'periodCode'], { unique: true })
@Index(['year', 'periodStart'])
@Index(['periodStart', 'measureCode'])
export class MeasureResultEntity extends VersionedRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'measure_code', type: 'varchar', length: 32 })
  measureCode: string;

  /** The measure's portfolio, copied so lists filter by portfolio without a join. */
  @Column({ name: 'portfolio_code', type: 'varchar', length: 16 })
  portfolioCode: string;

  /** The period's year as written: financial `2021/22`, or academic for `AY` periods. */
  @Column({ type: 'varchar', length: 7 })
  year: string;

  /** `2021/22-Q3`, `2021/22-H1`, `2021/22`, `AY2020/21`, `2021/22-M07`. */
  @Index()
  @Column({ name: 'period_code', type: 'varchar', length: 16 })
  periodCode: string;

  @Column({ name: 'period_kind', type: 'varchar', length: 16 })
  periodKind: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  /** Null when there is no figure; `valueUnknownReason` then says why. */
  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ name: 'value_unknown_reason', type: 'varchar', length: 2000, nullable: true })
  valueUnknownReason: string | null;

  /** actual | forecast | provisional */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'simple-json' })
  comparators: Comparator[];

  @Column({ type: 'text', nullable: true })
  commentary: string | null;

  @Index()
  @Column({ name: 'rag_status', type: 'varchar', length: 16 })
  ragStatus: string;

  @Column({ name: 'rag_explanation', type: 'text' })
  ragExplanation: string;

  @Column({ name: 'trend_direction', type: 'varchar', length: 16 })
  trendDirection: string;

  @Column({ name: 'trend_arrow', type: 'varchar', length: 4 })
  trendArrow: string;

  @Column({ name: 'trend_explanation', type: 'text' })
  trendExplanation: string;

  @Column({ name: 'trend_previous_period', type: 'varchar', length: 16, nullable: true })
  trendPreviousPeriod: string | null;

  /** Optimistic concurrency: bumped by every change; callers send it back in If-Match. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
