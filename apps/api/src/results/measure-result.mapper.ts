import type {
  AssessedResult,
  Comparator,
  LocalDate,
  MeasureResult,
  MeasureResultResource,
  PeriodCode,
  RagStatus,
  ResultAssessment,
  ResultStatus,
  TrendAssessment,
  TrendDirection,
} from '@scrutineer/domain';
import {
  isUnknown,
  measureCode,
  parsePeriodCode,
  periodCode,
  periodEnd,
  periodLabel,
  periodStart,
  portfolioCode,
  unknown,
} from '@scrutineer/domain';
import { MeasureResultEntity } from './measure-result.entity.js';

export const toDomain = (entity: MeasureResultEntity): MeasureResult => ({
  measureCode: measureCode(entity.measureCode),
  period: parsePeriodCode(entity.periodCode),
  value:
    entity.value === null ? unknown(entity.valueUnknownReason ?? 'No figure given') : entity.value,
  status: entity.status as ResultStatus,
  comparators: entity.comparators,
  commentary: entity.commentary,
});

/** The assessment the result's row stores (ADR007). */
export const storedAssessment = (
  entity: Pick<
    MeasureResultEntity,
    | 'ragStatus'
    | 'ragExplanation'
    | 'trendDirection'
    | 'trendArrow'
    | 'trendExplanation'
    | 'trendPreviousPeriod'
  >,
): ResultAssessment => ({
  rag: { status: entity.ragStatus as RagStatus, explanation: entity.ragExplanation },
  trend: {
    direction: entity.trendDirection as TrendDirection,
    arrow: entity.trendArrow,
    explanation: entity.trendExplanation,
    previousPeriod: entity.trendPreviousPeriod as TrendAssessment['previousPeriod'],
  },
});

/** The result with the assessment its row stores: what documents print. */
export const toAssessedDomain = (entity: MeasureResultEntity): AssessedResult => ({
  ...toDomain(entity),
  ...storedAssessment(entity),
});

/** The assessment columns of a result, as the domain assessed it. */
export const assessmentColumns = ({ rag, trend }: ResultAssessment) => ({
  ragStatus: rag.status,
  ragExplanation: rag.explanation,
  trendDirection: trend.direction,
  trendArrow: trend.arrow,
  trendExplanation: trend.explanation,
  trendPreviousPeriod: trend.previousPeriod,
});

/** The columns an officer writes: the figure (or why there is none), status, comparators, commentary. */
export const contentColumns = (
  result: Pick<MeasureResult, 'value' | 'status' | 'comparators' | 'commentary'>,
) => ({
  value: isUnknown(result.value) ? null : result.value,
  valueUnknownReason: isUnknown(result.value) ? result.value.reason : null,
  status: result.status,
  comparators: result.comparators.map((c): Comparator => ({
    kind: c.kind,
    label: c.label,
    value: c.value,
  })),
  commentary: result.commentary,
});

export const toPersistence = (
  result: MeasureResult,
  portfolioCode: string,
  assessment: ResultAssessment,
): MeasureResultEntity =>
  Object.assign(new MeasureResultEntity(), {
    measureCode: result.measureCode,
    portfolioCode,
    year: result.period.year,
    periodCode: periodCode(result.period),
    periodKind: result.period.kind,
    periodStart: periodStart(result.period),
    periodEnd: periodEnd(result.period),
    ...contentColumns(result),
    ...assessmentColumns(assessment),
  });

/** The resource: the domain's result, where it sits (portfolio, period dates) and its stored assessment. */
const resource = (
  fields: {
    readonly id: number;
    readonly portfolioCode: string;
    readonly periodCode: string;
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly version: number;
    readonly createdAt: string;
    readonly updatedAt: string;
  },
  result: MeasureResult,
  assessment: ResultAssessment,
): MeasureResultResource => ({
  id: fields.id,
  ...result,
  portfolioCode: portfolioCode(fields.portfolioCode),
  periodCode: fields.periodCode as PeriodCode,
  periodLabel: periodLabel(result.period),
  periodStart: fields.periodStart as LocalDate,
  periodEnd: fields.periodEnd as LocalDate,
  ...assessment,
  version: fields.version,
  createdAt: fields.createdAt,
  updatedAt: fields.updatedAt,
});

export const toResponse = (entity: MeasureResultEntity): MeasureResultResource =>
  resource(entity, toDomain(entity), storedAssessment(entity));

/** The columns the list reads (snake_case, as in the migration), in the order of its SELECT. */
const RESULT_ROW_NAMES = [
  'period_start',
  'period_end',
  'id',
  'measure_code',
  'portfolio_code',
  'year',
  'period_code',
  'period_kind',
  'value',
  'value_unknown_reason',
  'status',
  'comparators',
  'commentary',
  'rag_status',
  'rag_explanation',
  'trend_direction',
  'trend_arrow',
  'trend_explanation',
  'trend_previous_period',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ResultRow)[];

/** The columns the list reads, as plain SQL. */
export const RESULT_ROW_COLUMNS = RESULT_ROW_NAMES.map((column) =>
  column === 'period_start' || column === 'period_end'
    ? // As text on both drivers (pg would otherwise make a JavaScript Date of a date column).
      `CAST("${column}" AS VARCHAR(10)) AS "${column}"`
    : `"${column}"`,
).join(', ');

/** How many columns RESULT_ROW_COLUMNS reads: a column the SELECT adds after them is at this index. */
export const RESULT_ROW_LENGTH = RESULT_ROW_NAMES.length;

const at = Object.fromEntries(RESULT_ROW_NAMES.map((column, i) => [column, i])) as Record<
  (typeof RESULT_ROW_NAMES)[number],
  number
>;

/**
 * A row read as an array in RESULT_ROW_COLUMNS' order (better-sqlite3's raw mode, which builds
 * no object per row), as the row object the drivers give otherwise.
 */
export const resultRowOf = (values: readonly unknown[]): ResultRow => ({
  id: values[at.id] as number,
  measure_code: values[at.measure_code] as string,
  portfolio_code: values[at.portfolio_code] as string,
  year: values[at.year] as string,
  period_code: values[at.period_code] as string,
  period_kind: values[at.period_kind] as string,
  period_start: values[at.period_start] as string,
  period_end: values[at.period_end] as string,
  value: values[at.value] as number | null,
  value_unknown_reason: values[at.value_unknown_reason] as string | null,
  status: values[at.status] as string,
  comparators: values[at.comparators] as string,
  commentary: values[at.commentary] as string | null,
  rag_status: values[at.rag_status] as string,
  rag_explanation: values[at.rag_explanation] as string,
  trend_direction: values[at.trend_direction] as string,
  trend_arrow: values[at.trend_arrow] as string,
  trend_explanation: values[at.trend_explanation] as string,
  trend_previous_period: values[at.trend_previous_period] as string | null,
  version: values[at.version] as number,
  created_at: values[at.created_at] as string,
  updated_at: values[at.updated_at] as string,
});

/** A row of RESULT_ROW_COLUMNS as either driver returns it. */
export type ResultRow = {
  readonly id: number;
  readonly measure_code: string;
  readonly portfolio_code: string;
  readonly year: string;
  readonly period_code: string;
  readonly period_kind: string;
  readonly period_start: string;
  readonly period_end: string;
  readonly value: number | null;
  readonly value_unknown_reason: string | null;
  readonly status: string;
  /** JSON text (the entity's simple-json column). */
  readonly comparators: string;
  readonly commentary: string | null;
  readonly rag_status: string;
  readonly rag_explanation: string;
  readonly trend_direction: string;
  readonly trend_arrow: string;
  readonly trend_explanation: string;
  readonly trend_previous_period: string | null;
  readonly version: number;
  readonly created_at: string;
  readonly updated_at: string;
};

/** The same response as `toResponse`, from a plain row. */
export const rowToResponse = (row: ResultRow): MeasureResultResource =>
  resource(
    {
      id: Number(row.id),
      portfolioCode: row.portfolio_code,
      periodCode: row.period_code,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      version: Number(row.version),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    {
      measureCode: measureCode(row.measure_code),
      period: parsePeriodCode(row.period_code),
      value:
        row.value === null
          ? unknown(row.value_unknown_reason ?? 'No figure given')
          : Number(row.value),
      status: row.status as ResultStatus,
      comparators: JSON.parse(row.comparators) as Comparator[],
      commentary: row.commentary,
    },
    storedAssessment({
      ragStatus: row.rag_status,
      ragExplanation: row.rag_explanation,
      trendDirection: row.trend_direction,
      trendArrow: row.trend_arrow,
      trendExplanation: row.trend_explanation,
      trendPreviousPeriod: row.trend_previous_period,
    }),
  );
