import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeasureResult } from '@scrutineer/domain';
import { measureCode, parsePeriodCode, periodCode, unknown } from '@scrutineer/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { diffChanges, recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import { pageOf, pageWindow, parseSort } from '../common/pagination.js';
import { ApiError, notFound } from '../common/problem.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { assertCanWritePortfolio } from '../performance/access.js';
import { pendingKey, reassessMeasures } from '../performance/assessment.js';
import { checkVersion, updateAtVersion } from '../performance/versioning.js';
import type {
  CreateResultDto,
  ResultContentDto,
  ResultPageDto,
  ResultQueryDto,
  ResultResponseDto,
} from './dto/measure-result.dto.js';
import { MeasureResultEntity } from './measure-result.entity.js';
import { contentColumns, toDomain, toPersistence, toResponse } from './measure-result.mapper.js';

const ENTITY = 'measure-result';

const SORTS = {
  period: 'result.periodStart',
  measure: 'result.measureCode',
  portfolio: 'result.portfolioCode',
  value: 'result.value',
  rag: 'result.ragStatus',
} as const;

/** The officer's content of a result, in the domain's shape. */
const contentOf = (
  body: ResultContentDto,
): Pick<MeasureResult, 'value' | 'status' | 'comparators' | 'commentary'> => ({
  value: body.value ?? unknown(body.valueUnknownReason ?? 'No figure given'),
  status: body.status,
  comparators: body.comparators.map((c) => ({ kind: c.kind, label: c.label, value: c.value })),
  commentary: body.commentary,
});

@Injectable()
export class ResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ResultQueryDto): Promise<ResultPageDto> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.getRepository(MeasureResultEntity).createQueryBuilder('result');
    if (query.portfolio !== undefined) {
      builder.andWhere('result.portfolioCode = :portfolio', { portfolio: query.portfolio });
    }
    if (query.year !== undefined) builder.andWhere('result.year = :year', { year: query.year });
    if (query.period !== undefined) {
      builder.andWhere('result.periodCode = :period', {
        period: periodCode(parsePeriodCode(query.period)),
      });
    }
    if (query.rag !== undefined) builder.andWhere('result.ragStatus = :rag', { rag: query.rag });
    if (query.measure !== undefined)
      builder.andWhere('result.measureCode = :measure', { measure: query.measure });
    if (query.status !== undefined)
      builder.andWhere('result.status = :status', { status: query.status });
    for (const order of parseSort(query.sort, SORTS, [
      { column: 'result.periodStart', direction: 'DESC' },
      { column: 'result.measureCode', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    // Two queries: a window count in the page query measured twice as slow on SQLite.
    const [entities, total] = await builder.offset(offset).limit(limit).getManyAndCount();
    return pageOf(entities.map(toResponse), total, query) as ResultPageDto;
  }

  async get(id: number): Promise<ResultResponseDto> {
    return toResponse(await this.find(this.dataSource.manager, id));
  }

  /** Every result of these measures in the domain's shape, oldest period first (a report's trends need the history). */
  async findDomainForMeasures(codes: readonly string[]): Promise<MeasureResult[]> {
    if (codes.length === 0) return [];
    const rows = await this.dataSource.manager.find(MeasureResultEntity, {
      where: { measureCode: In([...new Set(codes)]) },
      order: { measureCode: 'ASC', periodStart: 'ASC', periodEnd: 'ASC' },
    });
    return rows.map(toDomain);
  }

  async create(caller: Caller, body: CreateResultDto): Promise<ResultResponseDto> {
    const result: MeasureResult = {
      measureCode: measureCode(body.measureCode),
      period: parsePeriodCode(body.period),
      ...contentOf(body),
    };
    const code = periodCode(result.period);
    const id = await this.dataSource.transaction(async (manager) => {
      const measure = await manager.findOneBy(MeasureEntity, { code: body.measureCode });
      if (measure === null) {
        throw new ApiError('REQUEST.INVALID', `There is no measure ${body.measureCode}.`, [
          {
            path: '$.measureCode',
            message: `no measure has the code ${JSON.stringify(body.measureCode)}`,
          },
        ]);
      }
      assertCanWritePortfolio(caller, measure.portfolioCode);
      if (
        await manager.existsBy(MeasureResultEntity, { measureCode: measure.code, periodCode: code })
      ) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `Measure ${measure.code} already has a result for ${code}; change that one instead.`,
          [{ path: '$.period', message: 'the measure already has a result for this period' }],
        );
      }
      const assessments = await reassessMeasures(manager, [], [result]);
      const assessment = assessments.get(pendingKey(measure.code, code));
      if (assessment === undefined) throw new Error(`No assessment for ${measure.code} ${code}`);
      const saved = await manager.save(
        MeasureResultEntity,
        toPersistence(result, measure.portfolioCode, assessment),
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(saved.id),
        action: 'create',
        changes: { ...body },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async replace(
    caller: Caller,
    id: number,
    version: number,
    body: ResultContentDto,
  ): Promise<ResultResponseDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      const changes = contentColumns(contentOf(body));
      await updateAtVersion(
        manager,
        MeasureResultEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        changes,
      );
      await reassessMeasures(manager, [before.measureCode]);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'update',
        changes: diffChanges({ ...before }, changes),
      });
    });
    return this.get(id);
  }

  async remove(caller: Caller, id: number, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      await manager.delete(MeasureResultEntity, { id });
      await reassessMeasures(manager, [before.measureCode]);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'delete',
        changes: { ...toResponse(before) },
      });
    });
  }

  private async find(manager: EntityManager, id: number): Promise<MeasureResultEntity> {
    const row = await manager.findOneBy(MeasureResultEntity, { id });
    if (row === null) throw notFound(ENTITY, String(id));
    return row;
  }

  private async loadForChange(
    manager: EntityManager,
    caller: Caller,
    id: number,
    version: number,
  ): Promise<MeasureResultEntity> {
    const row = await this.find(manager, id);
    assertCanWritePortfolio(caller, row.portfolioCode);
    return checkVersion(row, ENTITY, id, version);
  }
}
