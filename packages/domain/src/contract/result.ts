/** The results resource: `/api/v1/results`, each result with the RAG and trend the API assessed (ADR007). */
import { PortfolioCode } from '../model/people.js';
import {
  MeasureCode,
  MeasureResult,
  RagAssessment,
  RagStatus,
  ResultStatus,
  TrendAssessment,
} from '../model/performance.js';
import { FinancialYear, LocalDate, PeriodCode } from '../model/time.js';
import { Closed, ReadOnly, Text, Type, type Shape } from '../schema/kit.js';
import { ListQuery, Page, Resource } from './common.js';

/** A numeric id the server assigns (a result's, an agreement's). */
export const NumericId = (description: string) =>
  Type.Integer({ minimum: 1, maximum: 2_147_483_647, description });

/** The path parameter of a resource with a numeric id. */
export const NumericIdParam = (description: string) => Closed({ id: NumericId(description) });

export const MeasureResultResource = Resource(
  'MeasureResultResource',
  {
    id: ReadOnly(NumericId('The result’s id.')),
    ...MeasureResult.properties,
    portfolioCode: ReadOnly(PortfolioCode),
    periodCode: ReadOnly(PeriodCode),
    periodLabel: ReadOnly(Text({ maxLength: 40, description: 'As printed, e.g. `Q3 2021/22`.' })),
    periodStart: ReadOnly(LocalDate),
    periodEnd: ReadOnly(LocalDate),
    rag: ReadOnly(RagAssessment),
    trend: ReadOnly(TrendAssessment),
  },
  'A measure’s result for one period, with the RAG and trend the API assessed and stored.',
);
export type MeasureResultResource = Shape<typeof MeasureResultResource>;

export const MeasureResultPage = Page(MeasureResultResource);
export type MeasureResultPage = Shape<typeof MeasureResultPage>;

/** The sort fields of the results list (the service's parseSort allows exactly these). */
export const RESULT_SORTS = ['period', 'measure', 'portfolio', 'value', 'rag'] as const;
export const MeasureResultQuery = ListQuery(RESULT_SORTS, {
  portfolio: Type.Optional(PortfolioCode),
  year: Type.Optional(FinancialYear),
  period: Type.Optional(PeriodCode),
  rag: Type.Optional(RagStatus),
  measure: Type.Optional(MeasureCode),
  status: Type.Optional(ResultStatus),
});
export type MeasureResultQuery = Shape<typeof MeasureResultQuery>;

export const MeasureResultParams = NumericIdParam('The result’s id.');

export { MeasureResult as MeasureResultInput };
