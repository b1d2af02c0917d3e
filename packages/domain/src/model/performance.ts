import type { Brand } from '../brand.js';
import { Maybe } from '../missing.js';
import {
  BrandedString,
  Closed,
  KindUnion,
  LIMITS,
  List,
  Nullable,
  StringEnum,
  Text,
  Type,
  Variant,
  type Shape,
} from '../schema/kit.js';
import { MEASURE_CODE_PATTERN } from '../schema/patterns.js';
import { PeriodCode, ReportingPeriod } from './time.js';
import { PortfolioCode } from './people.js';

/**
 * A measure's code as the council writes it: `CFSE.28`, `CFSE.65`, older styles
 * `CFSE11` and `CFSE12(ii)` with a sub-part. Validated by `measureCode()`.
 */
export type MeasureCode = Brand<string, 'MeasureCode'>;
export const MeasureCode = BrandedString<MeasureCode>({
  title: 'MeasureCode',
  pattern: MEASURE_CODE_PATTERN.source,
  maxLength: 32,
  description: 'As the council writes it: `CFSE.28`, `CFSE11`, `CFSE12(ii)`.',
});

export const MEASURE_UNITS = [
  'percent',
  'count',
  'rate-per-1000',
  'rate-per-10000',
  'rate-per-100000',
  'days',
  'weeks',
  'pounds',
  'score',
] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];
export const MeasureUnit = StringEnum(MEASURE_UNITS, { title: 'MeasureUnit' });

export const POLARITIES = ['higher-is-better', 'lower-is-better'] as const;
/** Whether a higher or lower figure is better (a fall in re-referrals is an improvement). */
export type Polarity = (typeof POLARITIES)[number];
export const Polarity = StringEnum(POLARITIES, {
  title: 'Polarity',
  description: 'Whether a higher or a lower figure is better.',
});

export const MEASURE_FREQUENCIES = [
  'monthly',
  'quarterly',
  'termly',
  'annual',
  'academic-year',
] as const;
export type MeasureFrequency = (typeof MEASURE_FREQUENCIES)[number];
export const MeasureFrequency = StringEnum(MEASURE_FREQUENCIES, { title: 'MeasureFrequency' });

/** The most decimal places a figure is printed (and judged) with; `checkDecimals` uses it too. */
export const MAX_DECIMALS = 6;

/** The highest priority number an agreement or report gives ("Priority Two" is 2). */
export const MAX_PRIORITY_NUMBER = 99;

/** A priority's number, 1-based as the council numbers them. */
export const PriorityNumber = Type.Integer({
  minimum: 1,
  maximum: MAX_PRIORITY_NUMBER,
  description: '1-based, as the council numbers them ("Priority Two" is 2).',
});

export const PerformanceMeasure = Closed(
  {
    code: MeasureCode,
    portfolioCode: PortfolioCode,
    title: Text({ maxLength: 500 }),
    unit: MeasureUnit,
    polarity: Polarity,
    frequency: MeasureFrequency,
    /** Where the figure comes from, e.g. `DfE Statistical First Release`; null when the source does not say. */
    source: Nullable(
      Text({ maxLength: 500, description: 'Where the figure comes from; null when not said.' }),
    ),
    /** The priority (by number within the portfolio's agreement) it reports under. */
    priorityNumber: Nullable(PriorityNumber, {
      description: 'The priority (by number in the portfolio’s agreement) it reports under.',
    }),
    /** Decimal places to print. */
    decimals: Type.Integer({
      minimum: 0,
      maximum: MAX_DECIMALS,
      description: 'Decimal places to print.',
    }),
  },
  { title: 'PerformanceMeasure' },
);
export type PerformanceMeasure = Shape<typeof PerformanceMeasure>;

/** A figure in a measure's unit: any finite number (JSON has no others). */
const Figure = Type.Number();

/**
 * The band in which a miss is Amber, not Red.
 * Absolute: in the measure's unit (2 percentage points). Relative: percent of the target (5% of 78.8).
 */
export const TOLERANCE_KINDS = ['absolute', 'relative', 'none'] as const;
export const Tolerance = KindUnion(
  [
    Variant(
      'absolute',
      { amount: Type.Number({ minimum: 0, description: 'The band, in the measure’s unit.' }) },
      { title: 'AbsoluteTolerance' },
    ),
    Variant(
      'relative',
      {
        percent: Type.Number({
          minimum: 0,
          maximum: 100,
          description: 'The band as a percentage of the target.',
        }),
      },
      { title: 'RelativeTolerance' },
    ),
    Variant('none', {}, { title: 'NoTolerance', description: 'Any miss is Red.' }),
  ],
  { title: 'Tolerance', description: 'The band in which a miss is Amber, not Red.' },
);
export type Tolerance = Shape<typeof Tolerance>;

/** A year's target for one measure, set in the portfolio agreement. */
export const MeasureTarget = Closed(
  {
    measureCode: MeasureCode,
    unit: MeasureUnit,
    /** The figure to reach; `Unknown` where the agreement sets no target (e.g. a new measure, baseline year). */
    target: Maybe(Figure),
    tolerance: Tolerance,
    /** Why the tolerance is what it is: councils asked for tolerances to be explained. */
    toleranceRationale: Nullable(Text({ maxLength: 2000 })),
  },
  { title: 'MeasureTarget', description: 'A year’s target for one measure.' },
);
export type MeasureTarget = Shape<typeof MeasureTarget>;

export const RESULT_STATUSES = ['actual', 'forecast', 'provisional'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];
export const ResultStatus = StringEnum(RESULT_STATUSES, { title: 'ResultStatus' });

export const COMPARATOR_KINDS = [
  'regional-average',
  'england-average',
  'statistical-neighbours',
  'other',
] as const;
export type ComparatorKind = (typeof COMPARATOR_KINDS)[number];
export const ComparatorKind = StringEnum(COMPARATOR_KINDS, { title: 'ComparatorKind' });

export const Comparator = Closed(
  {
    kind: ComparatorKind,
    /** What the comparator is, as printed: `North West average`, `England average 2020/21`. */
    label: Text({ maxLength: 200, description: 'As printed, e.g. `England average 2020/21`.' }),
    value: Figure,
  },
  { title: 'Comparator' },
);
export type Comparator = Shape<typeof Comparator>;

/** One period's figure for one measure. */
export const MeasureResult = Closed(
  {
    measureCode: MeasureCode,
    period: ReportingPeriod,
    /** The figure, or why there is none yet ("data not yet available"). */
    value: Maybe(Figure),
    status: ResultStatus,
    comparators: List(Comparator, { maxItems: 20 }),
    commentary: Nullable(Text({ maxLength: 5000 })),
  },
  { title: 'MeasureResult', description: 'One period’s figure for one measure.' },
);
export type MeasureResult = Shape<typeof MeasureResult>;

export const RAG_STATUSES = ['green', 'amber', 'red', 'no-target', 'no-data'] as const;
/** The RAG status of a result against its target. Colours are always printed with their words. */
export type RagStatus = (typeof RAG_STATUSES)[number];
export const RagStatus = StringEnum(RAG_STATUSES, { title: 'RagStatus' });

export const RagAssessment = Closed(
  {
    status: RagStatus,
    /** The rule, in words a report can print: "Red: 61.2% is 17.6 percentage points below the target of 78.8%, outside the tolerance of 2 points." */
    explanation: Type.String({
      maxLength: LIMITS.paragraph,
      description: 'The rule, in words a report can print.',
    }),
  },
  { title: 'RagAssessment' },
);
export type RagAssessment = Shape<typeof RagAssessment>;

export const TREND_DIRECTIONS = ['improving', 'no-change', 'worsening', 'not-comparable'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];
export const TrendDirection = StringEnum(TREND_DIRECTIONS, { title: 'TrendDirection' });

export const TrendAssessment = Closed(
  {
    direction: TrendDirection,
    /** An arrow for tables (↑ ↓ →, or – when not comparable); the direction of the figure, not of "better". */
    arrow: Type.String({
      maxLength: 4,
      description: 'The direction of the figure (↑ ↓ →), or – when not comparable.',
    }),
    /** E.g. "Improving: down 2.1 percentage points, from 25.1% in Q2 2021/22 to 23.0% (lower is better)." */
    explanation: Type.String({ maxLength: LIMITS.paragraph }),
    /** The period compared against, when there is one. */
    previousPeriod: Nullable(PeriodCode),
  },
  { title: 'TrendAssessment' },
);
export type TrendAssessment = Shape<typeof TrendAssessment>;

/** A result's RAG and trend as the domain assessed them (`assessMeasureResults`); the API stores them (ADR007). */
export type ResultAssessment = { readonly rag: RagAssessment; readonly trend: TrendAssessment };

/** A result with its stored assessment: what the API serves and documents print. */
export type AssessedResult = MeasureResult & ResultAssessment;
