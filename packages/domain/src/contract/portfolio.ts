/** The portfolios resource: `/api/v1/portfolios`. */
import { Portfolio, PortfolioCode, AuthorityId } from '../model/people.js';
import { Type, type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, PatchOf, Resource } from './common.js';

export const PortfolioResource = Resource(
  'PortfolioResource',
  Portfolio.properties,
  'A portfolio as stored: the domain’s Portfolio and the server’s version and timestamps.',
);
export type PortfolioResource = Shape<typeof PortfolioResource>;

export const PortfolioPage = Page(PortfolioResource);
export type PortfolioPage = Shape<typeof PortfolioPage>;

export const PortfolioPatch = PatchOf('PortfolioPatch', {
  name: Portfolio.properties.name,
  cabinetMember: Portfolio.properties.cabinetMember,
  directors: Portfolio.properties.directors,
});
export type PortfolioPatch = Shape<typeof PortfolioPatch>;

export const PortfolioQuery = ListQuery(['code', 'name'] as const, {
  authorityId: Type.Optional(AuthorityId),
});
export type PortfolioQuery = Shape<typeof PortfolioQuery>;

export const PortfolioParams = IdParam('code', 'The portfolio’s code, e.g. `CFSE`.');
export { Portfolio as PortfolioInput, PortfolioCode };
