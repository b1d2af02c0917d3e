/** The measures resource: `/api/v1/measures`. */
import { AgreementStatus } from '../model/agreement.js';
import { PortfolioCode } from '../model/people.js';
import { MAX_PRIORITY_NUMBER, MeasureTarget, PerformanceMeasure } from '../model/performance.js';
import { Closed, LIMITS, List, Nullable, Type, type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, PatchOf, Resource } from './common.js';
import { MeasureResultResource } from './result.js';

export const MeasureResource = Resource(
  'MeasureResource',
  PerformanceMeasure.properties,
  'A performance measure as stored: the domain’s PerformanceMeasure and the server’s version and timestamps.',
);
export type MeasureResource = Shape<typeof MeasureResource>;

export const MeasurePage = Page(MeasureResource);
export type MeasurePage = Shape<typeof MeasurePage>;

const { code: _code, portfolioCode: _portfolio, ...changeable } = PerformanceMeasure.properties;
/** What a PATCH may change: everything but the code and the portfolio. */
export const MeasurePatch = PatchOf('MeasurePatch', changeable);
export type MeasurePatch = Shape<typeof MeasurePatch>;

/** The sort fields of the measures list (the service's parseSort allows exactly these). */
export const MEASURE_SORTS = ['code', 'title', 'portfolio'] as const;
export const MeasureQuery = ListQuery(MEASURE_SORTS, {
  portfolio: Type.Optional(PortfolioCode),
  priority: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PRIORITY_NUMBER,
      description: 'Only measures reporting under this priority number.',
    }),
  ),
});
export type MeasureQuery = Shape<typeof MeasureQuery>;

export const MeasureParams = IdParam('code', 'The measure’s code, e.g. `CFSE.28`.');

/** One year of a measure's history: the target that year's agreement set and the year's results. */
export const MeasureYear = Closed(
  {
    year: Type.String({
      pattern: '^\\d{4}/\\d{2}$',
      description: 'The year: financial, or academic for academic-year results.',
    }),
    agreementStatus: Nullable(AgreementStatus, {
      description: 'The status of that year’s agreement; null when there is none.',
    }),
    target: Nullable(MeasureTarget, {
      description: 'The target that year’s agreement set; null when it set none.',
    }),
    results: List(MeasureResultResource, {
      maxItems: LIMITS.longList,
      description: 'The year’s results, in period order, each with its RAG and trend.',
    }),
  },
  { title: 'MeasureYear' },
);
export type MeasureYear = Shape<typeof MeasureYear>;

export const MeasureHistory = Closed(
  {
    measure: MeasureResource,
    years: List(MeasureYear, {
      maxItems: LIMITS.longList,
      description: 'Every year with a target or a result, oldest first.',
    }),
  },
  { title: 'MeasureHistory', description: 'A measure across every year.' },
);
export type MeasureHistory = Shape<typeof MeasureHistory>;

export { PerformanceMeasure as MeasureInput };
