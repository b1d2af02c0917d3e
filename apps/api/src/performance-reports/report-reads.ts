import type { PerformanceReport } from '@scrutineer/domain';
import { type EntityManager, In } from 'typeorm';
import { PerformanceReportEntity } from './performance-report.entity.js';
import { toDomain } from './performance-report.mapper.js';

/** These reports in the domain's shape, read in the caller's transaction (the search index's). */
export const readDomainReports = async (
  manager: EntityManager,
  ids: readonly string[],
): Promise<PerformanceReport[]> => {
  if (ids.length === 0) return [];
  const rows = await manager.find(PerformanceReportEntity, {
    where: { id: In([...ids]) },
    relations: { moneyLines: true },
  });
  return rows.map(toDomain);
};
