import { type EntityManager, In } from 'typeorm';
import { PortfolioEntity } from './portfolio.entity.js';

/** The codes among `codes` that name no portfolio in the database, in the order given. */
export const missingPortfolioCodes = async (
  manager: EntityManager,
  codes: readonly string[],
): Promise<string[]> => {
  if (codes.length === 0) return [];
  const found = await manager.find(PortfolioEntity, {
    where: { code: In([...new Set(codes)]) },
    select: { code: true },
  });
  const known = new Set(found.map((portfolio) => portfolio.code));
  return codes.filter((code) => !known.has(code));
};
