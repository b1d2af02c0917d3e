import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FinancialMonitoring,
  Maybe,
  Pence,
  PerformanceReport,
  PriorityUpdate,
} from '@scrutineer/domain';
import {
  financialYear,
  localDate,
  measureCode,
  parsePeriodCode,
  pence,
  periodCode,
  periodFinancialYear,
  portfolioCode,
  unknown,
} from '@scrutineer/domain';
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
import { assertPortfolioExists } from '../performance/references.js';
import { checkVersion, updateAtVersion } from '../common/concurrency.js';
import type {
  CreateReportDto,
  FinancialMonitoringDto,
  PartOneDto,
  PartTwoResponseDto,
  PriorityUpdateDto,
  ReplaceReportDto,
  ReportQueryDto,
  ReportResponseDto,
  ReportSummaryDto,
} from './dto/performance-report.dto.js';
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

const forecast = (value: number | null, reason: string | null | undefined): Maybe<Pence> =>
  value === null ? unknown(reason ?? 'No forecast given') : pence(value);

export const partOneOf = (body: readonly PriorityUpdateDto[]): PriorityUpdate[] =>
  body.map((p) => ({
    priorityNumber: p.priorityNumber,
    title: p.title,
    highlights: p.highlights,
    exceptions: p.exceptions,
    measureCodes: p.measureCodes.map(measureCode),
  }));

export const partTwoOf = (body: FinancialMonitoringDto): FinancialMonitoring => ({
  revenue: body.revenue.map((l) => ({
    service: l.service,
    budget: pence(l.budget),
    forecast: forecast(l.forecast, l.forecastUnknownReason),
  })),
  reserves: body.reserves.map((l) => ({
    name: l.name,
    balance: pence(l.balance),
    forecastUse: forecast(l.forecastUse, l.forecastUnknownReason),
  })),
  savings: body.savings.map((l) => ({
    title: l.title,
    target: pence(l.target),
    forecast: forecast(l.forecast, l.forecastUnknownReason),
    commentary: l.commentary,
  })),
  capital: body.capital.map((l) => ({
    scheme: l.scheme,
    budget: pence(l.budget),
    forecast: forecast(l.forecast, l.forecastUnknownReason),
    commentary: l.commentary,
  })),
  commentary: body.commentary,
});

/** A report's content in the domain's shape; the period must fall in the report's year. */
const contentOf = (
  body: ReplaceReportDto,
  year: string,
): Omit<PerformanceReport, 'id' | 'portfolioCode' | 'year' | 'kind'> => {
  const period = parsePeriodCode(body.period);
  if (periodFinancialYear(period) !== year) {
    throw new ApiError(
      'REQUEST.INVALID',
      `The period ${body.period} is not in the report's year ${year}.`,
      [{ path: '$.period', message: `must be a period of the financial year ${year}` }],
    );
  }
  return {
    period,
    reportTo: body.reportTo,
    date: localDate(body.date),
    reportOf: body.reportOf,
    title: body.title,
    sections: body.sections,
    recommendations: body.recommendations,
    partOne: partOneOf(body.partOne),
    partTwo: partTwoOf(body.partTwo),
    furtherInformation: body.furtherInformation,
    contacts: body.contacts.map((c) => ({
      name: c.name,
      role: c.role,
      email: c.email ?? null,
      phone: c.phone ?? null,
    })),
  };
};

@Injectable()
export class PerformanceReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ReportQueryDto): Promise<Page<ReportSummaryDto>> {
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

  async get(id: string): Promise<ReportResponseDto> {
    return toResponse(await this.load(this.dataSource.manager, id));
  }

  /** The report in the domain's shape (what the reporter renders); 404 when none. */
  async findDomain(id: string): Promise<PerformanceReport> {
    return toDomain(await this.load(this.dataSource.manager, id));
  }

  async partTwo(id: string): Promise<PartTwoResponseDto> {
    return partTwoResponse(partTwoToDomain(await this.load(this.dataSource.manager, id)));
  }

  async create(caller: Caller, body: CreateReportDto): Promise<ReportResponseDto> {
    assertCanWritePortfolio(caller, body.portfolioCode);
    const year = financialYear(body.year);
    const report: PerformanceReport = {
      id: reportIdFor(body.portfolioCode, year, body.kind),
      portfolioCode: portfolioCode(body.portfolioCode),
      year,
      kind: body.kind,
      ...contentOf(body, year),
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
    });
    return this.get(report.id);
  }

  async replace(
    caller: Caller,
    id: string,
    version: number,
    body: ReplaceReportDto,
  ): Promise<ReportResponseDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      const current = toDomain(before);
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
        changes: diffChanges({ ...current, period: periodCode(current.period) }, { ...body }),
      });
    });
    return this.get(id);
  }

  async replacePartOne(
    caller: Caller,
    id: string,
    version: number,
    body: PartOneDto,
  ): Promise<ReportResponseDto> {
    const partOne = partOneOf(body.partOne);
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
    });
    return this.get(id);
  }

  async replacePartTwo(
    caller: Caller,
    id: string,
    version: number,
    body: FinancialMonitoringDto,
  ): Promise<PartTwoResponseDto> {
    const partTwo = partTwoOf(body);
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
