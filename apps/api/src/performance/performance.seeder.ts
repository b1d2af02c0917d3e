import type {
  CouncilDataset,
  MeasureResult,
  MeasureTarget,
  OfficerContact,
} from '@scrutineer/domain';
import { assessMeasureResults, periodCode } from '@scrutineer/domain';
import type { EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { AgreementEntity } from '../agreements/agreement.entity.js';
import { toPersistence as agreementRows } from '../agreements/agreement.mapper.js';
import { insertAgreementLines } from '../agreements/agreements.service.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { toPersistence as measureRow } from '../measures/measure.mapper.js';
import { OfficerContactEntity } from '../officer-contacts/officer-contact.entity.js';
import { toPersistence as contactRow } from '../officer-contacts/officer-contact.mapper.js';
import { PortfolioEntity } from '../portfolios/portfolio.entity.js';
import { toPersistence as portfolioRow } from '../portfolios/portfolio.mapper.js';
import { insertReport } from '../performance-reports/performance-reports.service.js';
import { MeasureResultEntity } from '../results/measure-result.entity.js';
import { toPersistence as resultRow } from '../results/measure-result.mapper.js';

/** Rows per INSERT: well inside SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 200;

const insertInChunks = async <T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> => {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.insert(target, rows.slice(i, i + CHUNK) as never);
  }
};

/** Each portfolio's officer contacts: the distinct people its reports name. */
const contactsByPortfolio = (dataset: CouncilDataset): Map<string, OfficerContact[]> => {
  const contacts = new Map<string, Map<string, OfficerContact>>();
  for (const report of dataset.performanceReports) {
    const forPortfolio = contacts.get(report.portfolioCode) ?? new Map<string, OfficerContact>();
    for (const contact of report.contacts)
      forPortfolio.set(`${contact.name}|${contact.role}`, contact);
    contacts.set(report.portfolioCode, forPortfolio);
  }
  return new Map([...contacts].map(([code, byName]) => [code, [...byName.values()]]));
};

/**
 * Loads the performance side of a data set: portfolios, officer contacts, measures, agreements,
 * results (assessed by the domain as they go in) and performance reports.
 */
export const seedPerformance = async (
  manager: EntityManager,
  dataset: CouncilDataset,
): Promise<void> => {
  await insertInChunks(manager, PortfolioEntity, dataset.portfolios.map(portfolioRow));
  const contacts = [...contactsByPortfolio(dataset)].flatMap(([code, list]) =>
    list.map((contact) => contactRow(code, contact)),
  );
  await insertInChunks(manager, OfficerContactEntity, contacts);
  await insertInChunks(manager, MeasureEntity, dataset.measures.map(measureRow));

  const targets = new Map<string, Map<string, MeasureTarget>>();
  for (const agreement of dataset.agreements) {
    const saved = await manager.save(AgreementEntity, agreementRows(agreement, 0).agreement);
    await insertAgreementLines(manager, agreementRows(agreement, saved.id));
    for (const target of agreement.targets) {
      const forMeasure = targets.get(target.measureCode) ?? new Map<string, MeasureTarget>();
      forMeasure.set(agreement.year, target);
      targets.set(target.measureCode, forMeasure);
    }
  }

  const resultsByMeasure = new Map<string, MeasureResult[]>();
  for (const result of dataset.results) {
    const list = resultsByMeasure.get(result.measureCode) ?? [];
    list.push(result);
    resultsByMeasure.set(result.measureCode, list);
  }
  const rows: MeasureResultEntity[] = [];
  for (const measure of dataset.measures) {
    const results = resultsByMeasure.get(measure.code) ?? [];
    const assessments = assessMeasureResults(
      measure,
      targets.get(measure.code) ?? new Map(),
      results,
    );
    for (const result of results) {
      const assessment = assessments.get(periodCode(result.period));
      if (assessment !== undefined) rows.push(resultRow(result, measure.portfolioCode, assessment));
    }
  }
  await insertInChunks(manager, MeasureResultEntity, rows);

  for (const report of dataset.performanceReports) await insertReport(manager, report);
};
