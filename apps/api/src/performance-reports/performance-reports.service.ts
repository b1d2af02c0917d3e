import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FinancialMonitoring,
  FinancialMonitoringResource,
  PartOne,
  PerformanceReport,
  PerformanceReportInput,
  PerformanceReportQuery,
  PerformanceReportResource,
  PerformanceReportSummaryResource,
} from '@scrutineer/domain';
import { periodCode, periodFinancialYear } from '@scrutineer/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { diffChanges, hasChanges, recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import {
  filterUpdatedSince,
  type Page,
  pageOf,
  pageWindow,
  parseSort,
} from '../common/pagination.js';
import { ApiError, notFound } from '../common/problem.js';
import { assertCanWritePortfolio } from '../performance/access.js';
import { reindexMeetingsShowingReport } from '../search/search-index.js';
import { assertPortfolioExists } from '../performance/references.js';
import { checkVersion, updateAtVersion } from '../common/concurrency.js';
import { PerformanceReportEntity, ReportMoneyLineEntity } from './performance-report.entity.js';
import {
  partTwoResponse,
  partTwoToDomain,
  partTwoToPersistence,
  reportIdFor,
  toDomain,
  toPersistence,
  toResponse,
  toSummary,
} from './performance-report.mapper.js';

const ENTITY = 'performance-report';

/** A report's content in the domain's shape; the period must fall in the report's year. */
const contentOf = (
  body: PerformanceReportInput,
  year: string,
): Omit<PerformanceReport, 'id' | 'portfolioCode' | 'year' | 'kind'> => {
  if (periodFinancialYear(body.period) !== year) {
    throw new ApiError(
      'REQUEST.INVALID',
      `The period ${periodCode(body.period)} is not in the report's year ${year}.`,
      [{ path: '$.period', message: `must be a period of the financial year ${year}` }],
    );
  }
  const { portfolioCode: _portfolio, year: _year, kind: _kind, ...content } = body;
  return content;
};

/** A replaced report stays the same portfolio's report of the same kind for the same year. */
const assertSameReport = (current: PerformanceReport, body: PerformanceReportInput): void => {
  const problems = (['portfolioCode', 'year', 'kind'] as const)
    .filter((field) => body[field] !== current[field])
    .map((field) => ({ path: `$.${field}`, message: `must stay ${current[field]}` }));
  if (problems.length > 0) {
    throw new ApiError(
      'REQUEST.INVALID',
      'A report’s portfolio, year and kind are fixed (they make its id); write a new report instead.',
      problems,
    );
  }
};

@Injectable()
export class PerformanceReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PerformanceReportQuery): Promise<Page<PerformanceReportSummaryResource>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource
      .getRepository(PerformanceReportEntity)
      .createQueryBuilder('report');
    if (query.portfolio !== undefined) {
      builder.andWhere('report.portfolioCode = :portfolio', { portfolio: query.portfolio });
    }
    if (query.year !== undefined) builder.andWhere('report.year = :year', { year: query.year });
    if (query.kind !== undefined) builder.andWhere('report.kind = :kind', { kind: query.kind });
    filterUpdatedSince(builder, query, 'report.updatedAt');
    for (const order of parseSort(
      query.sort,
      { date: 'report.date', portfolio: 'report.portfolioCode', year: 'report.year' },
      [
        { column: 'report.date', direction: 'DESC' },
        { column: 'report.id', direction: 'ASC' },
      ],
    )) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(toSummary), total, query);
  }

  async get(id: string): Promise<PerformanceReportResource> {
    return toResponse(await this.load(this.dataSource.manager, id));
  }

  /** The report in the domain's shape (what the reporter renders); 404 when none. */
  async findDomain(id: string): Promise<PerformanceReport> {
    return toDomain(await this.load(this.dataSource.manager, id));
  }

  async partTwo(id: string): Promise<FinancialMonitoringResource> {
    return partTwoResponse(partTwoToDomain(await this.load(this.dataSource.manager, id)));
  }

  async create(caller: Caller, body: PerformanceReportInput): Promise<PerformanceReportResource> {
    assertCanWritePortfolio(caller, body.portfolioCode);
    const report: PerformanceReport = {
      id: reportIdFor(body.portfolioCode, body.year, body.kind),
      portfolioCode: body.portfolioCode,
      year: body.year,
      kind: body.kind,
      ...contentOf(body, body.year),
    };
    await this.dataSource.transaction(async (manager) => {
      await assertPortfolioExists(manager, body.portfolioCode, '$.portfolioCode');
      if (
        await manager.existsBy(PerformanceReportEntity, {
          portfolioCode: report.portfolioCode,
          year: report.year,
          kind: report.kind,
        })
      ) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `Portfolio ${report.portfolioCode} already has a ${report.kind} report for ${report.year}.`,
          [{ path: '$.kind', message: 'the portfolio already has this report for this year' }],
        );
      }
      await insertReport(manager, report);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: report.id,
        action: 'create',
        changes: { ...body },
      });
      await reindexMeetingsShowingReport(manager, report.id);
    });
    return this.get(report.id);
  }

  async replace(
    caller: Caller,
    id: string,
    version: number,
    body: PerformanceReportInput,
  ): Promise<PerformanceReportResource> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      const current = toDomain(before);
      assertSameReport(current, body);
      const content = contentOf(body, current.year);
      if (!hasChanges(diffChanges({ ...current }, { ...content }))) return;
      const next: PerformanceReport = { ...current, ...content };
      const { report, moneyLines } = toPersistence(next);
      await manager.delete(ReportMoneyLineEntity, { reportId: id });
      if (moneyLines.length > 0) await manager.insert(ReportMoneyLineEntity, moneyLines);
      const { id: _id, ...columns } = report;
      await updateAtVersion(
        manager,
        PerformanceReportEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        {
          periodCode: columns.periodCode,
          reportTo: columns.reportTo,
          date: columns.date,
          reportOf: columns.reportOf,
          title: columns.title,
          sections: columns.sections,
          recommendations: columns.recommendations,
          partOne: columns.partOne,
          financialCommentary: columns.financialCommentary,
          furtherInformation: columns.furtherInformation,
          contacts: columns.contacts,
        },
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: id,
        action: 'update',
        changes: diffChanges({ ...current }, { ...contentOf(body, current.year) }),
      });
      await reindexMeetingsShowingReport(manager, id);
    });
    return this.get(id);
  }

  async replacePartOne(
    caller: Caller,
    id: string,
    version: number,
    body: PartOne,
  ): Promise<PerformanceReportResource> {
    const { partOne } = body;
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      const diff = diffChanges({ partOne: before.partOne }, { partOne });
      if (!hasChanges(diff)) return;
      await updateAtVersion(
        manager,
        PerformanceReportEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        {
          partOne,
        },
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: id,
        action: 'update-part-one',
        changes: diff,
      });
      await reindexMeetingsShowingReport(manager, id);
    });
    return this.get(id);
  }

  async replacePartTwo(
    caller: Caller,
    id: string,
    version: number,
    partTwo: FinancialMonitoring,
  ): Promise<FinancialMonitoringResource> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      const diff = diffChanges({ partTwo: partTwoToDomain(before) }, { partTwo });
      if (!hasChanges(diff)) return;
      await manager.delete(ReportMoneyLineEntity, { reportId: id });
      const lines = partTwoToPersistence(id, partTwo);
      if (lines.length > 0) await manager.insert(ReportMoneyLineEntity, lines);
      await updateAtVersion(
        manager,
        PerformanceReportEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        {
          financialCommentary: partTwo.commentary,
        },
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: id,
        action: 'update-part-two',
        changes: diff,
      });
      await reindexMeetingsShowingReport(manager, id);
    });
    return this.partTwo(id);
  }

  async remove(caller: Caller, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      await manager.delete(PerformanceReportEntity, { id });
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: id,
        action: 'delete',
        changes: { ...toSummary(before) },
      });
      await reindexMeetingsShowingReport(manager, id);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<PerformanceReportEntity> {
    const row = await manager.findOne(PerformanceReportEntity, {
      where: { id },
      relations: { moneyLines: true },
    });
    if (row === null) throw notFound(ENTITY, id);
    return row;
  }

  private async loadForChange(
    manager: EntityManager,
    caller: Caller,
    id: string,
    version: number,
  ): Promise<PerformanceReportEntity> {
    const row = await this.load(manager, id);
    assertCanWritePortfolio(caller, row.portfolioCode);
    return checkVersion(row, ENTITY, id, version);
  }
}

/** Writes a report and its Part Two lines (used by create and by the seeder). */
export const insertReport = async (
  manager: EntityManager,
  report: PerformanceReport,
): Promise<void> => {
  const { report: row, moneyLines } = toPersistence(report);
  await manager.insert(PerformanceReportEntity, row);
  if (moneyLines.length > 0) await manager.insert(ReportMoneyLineEntity, moneyLines);
};
