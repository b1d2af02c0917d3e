import type {
  Comparator,
  MeasureResult,
  RagAssessment,
  RagStatus,
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
  unknown,
} from '@scrutineer/domain';
import type { ResultResponseDto } from './dto/measure-result.dto.js';
import { MeasureResultEntity } from './measure-result.entity.js';

export type Assessment = { readonly rag: RagAssessment; readonly trend: TrendAssessment };

export const toDomain = (entity: MeasureResultEntity): MeasureResult => ({
  measureCode: measureCode(entity.measureCode),
  period: parsePeriodCode(entity.periodCode),
  value:
    entity.value === null ? unknown(entity.valueUnknownReason ?? 'No figure given') : entity.value,
  status: entity.status as ResultStatus,
  comparators: entity.comparators,
  commentary: entity.commentary,
});

/** The assessment columns of a result, as the domain assessed it. */
export const assessmentColumns = ({ rag, trend }: Assessment) => ({
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
  assessment: Assessment,
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

export const toResponse = (entity: MeasureResultEntity): ResultResponseDto => {
  const period = parsePeriodCode(entity.periodCode);
  return {
    id: entity.id,
    measureCode: entity.measureCode,
    portfolioCode: entity.portfolioCode,
    period: {
      code: entity.periodCode,
      label: periodLabel(period),
      kind: entity.periodKind,
      year: entity.year,
      start: entity.periodStart,
      end: entity.periodEnd,
    },
    value: entity.value,
    valueUnknownReason: entity.valueUnknownReason,
    status: entity.status,
    comparators: entity.comparators,
    commentary: entity.commentary,
    rag: { status: entity.ragStatus as RagStatus, explanation: entity.ragExplanation },
    trend: {
      direction: entity.trendDirection as TrendDirection,
      arrow: entity.trendArrow,
      explanation: entity.trendExplanation,
      previousPeriod: entity.trendPreviousPeriod,
    },
    version: entity.version,
  };
};
