import type { Brand } from '../brand.js';
import type { Maybe } from '../missing.js';
import type { PeriodCode, ReportingPeriod } from './time.js';
import type { PortfolioCode } from './people.js';

/**
 * A measure's code as the council writes it: `CFSE.28`, `CFSE.65`, older styles
 * `CFSE11` and `CFSE12(ii)` with a sub-part. Validated by `measureCode()`.
 */
export type MeasureCode = Brand<string, 'MeasureCode'>;

export type MeasureUnit =
  | 'percent'
  | 'count'
  | 'rate-per-1000'
  | 'rate-per-10000'
  | 'rate-per-100000'
  | 'days'
  | 'weeks'
  | 'pounds'
  | 'score';

/** Whether a higher or lower figure is better (a fall in re-referrals is an improvement). */
export type Polarity = 'higher-is-better' | 'lower-is-better';

export type MeasureFrequency = 'monthly' | 'quarterly' | 'termly' | 'annual' | 'academic-year';

export type PerformanceMeasure = {
  readonly code: MeasureCode;
  readonly portfolioCode: PortfolioCode;
  readonly title: string;
  readonly unit: MeasureUnit;
  readonly polarity: Polarity;
  readonly frequency: MeasureFrequency;
  /** Where the figure comes from, e.g. `DfE Statistical First Release`; null when the source does not say. */
  readonly source: string | null;
  /** The priority (by number within the portfolio's agreement) it reports under. */
  readonly priorityNumber: number | null;
  /** Decimal places to print. */
  readonly decimals: number;
};

/**
 * The band in which a miss is Amber, not Red.
 * Absolute: in the measure's unit (2 percentage points). Relative: percent of the target (5% of 78.8).
 */
export type Tolerance =
  | { readonly kind: 'absolute'; readonly amount: number }
  | { readonly kind: 'relative'; readonly percent: number }
  | { readonly kind: 'none' };

/** A year's target for one measure, set in the portfolio agreement. */
export type MeasureTarget = {
  readonly measureCode: MeasureCode;
  readonly unit: MeasureUnit;
  /** The figure to reach; `Unknown` where the agreement sets no target (e.g. a new measure, baseline year). */
  readonly target: Maybe<number>;
  readonly tolerance: Tolerance;
  /** Why the tolerance is what it is: councils asked for tolerances to be explained. */
  readonly toleranceRationale: string | null;
};

export type ResultStatus = 'actual' | 'forecast' | 'provisional';

export type ComparatorKind =
  'regional-average' | 'england-average' | 'statistical-neighbours' | 'other';

export type Comparator = {
  readonly kind: ComparatorKind;
  /** What the comparator is, as printed: `North West average`, `England average 2020/21`. */
  readonly label: string;
  readonly value: number;
};

/** One period's figure for one measure. */
export type MeasureResult = {
  readonly measureCode: MeasureCode;
  readonly period: ReportingPeriod;
  /** The figure, or why there is none yet ("data not yet available"). */
  readonly value: Maybe<number>;
  readonly status: ResultStatus;
  readonly comparators: readonly Comparator[];
  readonly commentary: string | null;
};

/** The RAG status of a result against its target. Colours are always printed with their words. */
export type RagStatus = 'green' | 'amber' | 'red' | 'no-target' | 'no-data';

export type RagAssessment = {
  readonly status: RagStatus;
  /** The rule, in words a report can print: "Red: 61.2% is 17.6 percentage points below the target of 78.8%, outside the tolerance of 2 points." */
  readonly explanation: string;
};

export type TrendDirection = 'improving' | 'no-change' | 'worsening' | 'not-comparable';

export type TrendAssessment = {
  readonly direction: TrendDirection;
  /** An arrow for tables (↑ ↓ →, or – when not comparable); the direction of the figure, not of "better". */
  readonly arrow: string;
  /** E.g. "Improving: down 2.1 percentage points, from 25.1% in Q2 2021/22 to 23.0% (lower is better)." */
  readonly explanation: string;
  /** The period compared against, when there is one. */
  readonly previousPeriod: PeriodCode | null;
};

/** A result's RAG and trend as the domain assessed them (`assessMeasureResults`); the API stores them (ADR007). */
export type ResultAssessment = { readonly rag: RagAssessment; readonly trend: TrendAssessment };

/** A result with its stored assessment: what the API serves and documents print. */
export type AssessedResult = MeasureResult & ResultAssessment;
