import type { EntityManager } from 'typeorm';
import { ApiError } from '../common/problem.js';
import { PortfolioEntity } from '../portfolios/portfolio.entity.js';

/** A body that names a portfolio that does not exist is a 400 at that field, not a foreign-key 500. */
export const assertPortfolioExists = async (
  manager: EntityManager,
  code: string,
  path: string,
): Promise<void> => {
  if (!(await manager.existsBy(PortfolioEntity, { code }))) {
    throw new ApiError('REQUEST.INVALID', `There is no portfolio ${code}.`, [
      { path, message: `no portfolio has the code ${JSON.stringify(code)}` },
    ]);
  }
};
