import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MeasureHistory,
  MeasureInput,
  MeasurePatch,
  MeasureQuery,
  MeasureResource,
  MeasureYear,
  PerformanceMeasure,
} from '@scrutineer/domain';
import { checkTargetUnit } from '@scrutineer/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AgreementEntity, AgreementTargetEntity } from '../agreements/agreement.entity.js';
import { targetToDomain } from '../agreements/agreement.mapper.js';
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
import { reassessMeasures } from '../performance/assessment-store.js';
import { assertPortfolioExists } from '../performance/references.js';
import { checkVersion, updateAtVersion } from '../common/concurrency.js';
import { MeasureResultEntity } from '../results/measure-result.entity.js';
import { toResponse as resultResponse } from '../results/measure-result.mapper.js';
import { MeasureEntity } from './measure.entity.js';
import { toDomain, toPersistence, toResponse } from './measure.mapper.js';

const ENTITY = 'measure';

@Injectable()
export class MeasuresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: MeasureQuery): Promise<Page<MeasureResource>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.getRepository(MeasureEntity).createQueryBuilder('measure');
    if (query.portfolio !== undefined) {
      builder.andWhere('measure.portfolioCode = :portfolio', { portfolio: query.portfolio });
    }
    if (query.priority !== undefined) {
      builder.andWhere('measure.priorityNumber = :priority', { priority: query.priority });
    }
    filterUpdatedSince(builder, query, 'measure.updatedAt');
    for (const order of parseSort(
      query.sort,
      { code: 'measure.code', title: 'measure.title', portfolio: 'measure.portfolioCode' },
      [{ column: 'measure.code', direction: 'ASC' }],
    )) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(toResponse), total, query);
  }

  async get(code: string): Promise<MeasureResource> {
    return toResponse(await this.find(this.dataSource.manager, code));
  }

  /** The measures with these codes in the domain's shape, by code; unknown codes are left out. */
  async findDomain(codes: readonly string[]): Promise<PerformanceMeasure[]> {
    if (codes.length === 0) return [];
    const rows = await this.dataSource.manager.find(MeasureEntity, {
      where: { code: In([...new Set(codes)]) },
      order: { code: 'ASC' },
    });
    return rows.map(toDomain);
  }

  /** The measure's targets and results across every year: how long it has been missing its target. */
  async history(code: string): Promise<MeasureHistory> {
    const manager = this.dataSource.manager;
    const measure = await this.find(manager, code);
    const targets = await manager
      .createQueryBuilder(AgreementTargetEntity, 'target')
      .innerJoin(AgreementEntity, 'agreement', 'agreement.id = target.agreementId')
      .addSelect(['agreement.year', 'agreement.status'])
      .where('target.measureCode = :code', { code })
      .getRawAndEntities<{ agreement_year: string; agreement_status: string }>();
    const results = await manager.find(MeasureResultEntity, {
      where: { measureCode: code },
      order: { periodStart: 'ASC', periodEnd: 'ASC' },
    });
    type Year = { -readonly [K in keyof MeasureYear]: MeasureYear[K] } & {
      results: MeasureYear['results'][number][];
    };
    const years = new Map<string, Year>();
    const yearOf = (year: string): Year => {
      const existing = years.get(year);
      if (existing !== undefined) return existing;
      const created: Year = { year, agreementStatus: null, target: null, results: [] };
      years.set(year, created);
      return created;
    };
    targets.entities.forEach((entity, i) => {
      const raw = targets.raw[i];
      if (raw === undefined) return;
      const year = yearOf(raw.agreement_year);
      year.agreementStatus = raw.agreement_status as MeasureYear['agreementStatus'];
      year.target = targetToDomain(entity);
    });
    for (const result of results) yearOf(result.year).results.push(resultResponse(result));
    return {
      measure: toResponse(measure),
      years: [...years.values()].sort((a, b) => a.year.localeCompare(b.year)),
    };
  }

  async create(caller: Caller, body: MeasureInput): Promise<MeasureResource> {
    assertCanWritePortfolio(caller, body.portfolioCode);
    await this.dataSource.transaction(async (manager) => {
      await assertPortfolioExists(manager, body.portfolioCode, '$.portfolioCode');
      if (await manager.existsBy(MeasureEntity, { code: body.code })) {
        throw new ApiError('RESOURCE.ALREADY_EXISTS', `Measure ${body.code} already exists.`, [
          { path: '$.code', message: 'is already used by another measure' },
        ]);
      }
      await manager.insert(MeasureEntity, toPersistence(body));
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: body.code,
        action: 'create',
        changes: { ...body },
      });
    });
    return this.get(body.code);
  }

  async update(
    caller: Caller,
    code: string,
    version: number,
    body: MeasurePatch,
  ): Promise<MeasureResource> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, code, version);
      const changes = Object.fromEntries(
        Object.entries(body).filter(([, value]) => value !== undefined),
      );
      const next = toDomain(Object.assign(new MeasureEntity(), before, changes));
      if (next.unit !== before.unit) {
        const targets = await manager.findBy(AgreementTargetEntity, { measureCode: code });
        const problems = targets.flatMap((target) =>
          checkTargetUnit(targetToDomain(target), next, '$.unit'),
        );
        if (problems.length > 0) {
          throw new ApiError(
            'REQUEST.INVALID',
            `Measure ${code} has targets in ${before.unit}; change them before changing its unit.`,
            problems.map((p) => ({ path: p.path, message: p.message, code: p.code })),
          );
        }
      }
      const diff = diffChanges({ ...before }, changes);
      if (!hasChanges(diff)) return;
      await updateAtVersion(
        manager,
        MeasureEntity,
        ENTITY,
        { column: 'code', value: code },
        version,
        changes,
      );
      await reassessMeasures(manager, [code]);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: code,
        action: 'update',
        changes: diff,
      });
    });
    return this.get(code);
  }

  async remove(caller: Caller, code: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, code, version);
      const results = await manager.countBy(MeasureResultEntity, { measureCode: code });
      const targets = await manager.countBy(AgreementTargetEntity, { measureCode: code });
      if (results + targets > 0) {
        throw new ApiError(
          'RESOURCE.IN_USE',
          `Measure ${code} has ${results} result(s) and ${targets} target(s); it stays as part of the record.`,
          [],
          { results, targets },
        );
      }
      await manager.delete(MeasureEntity, { code });
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: code,
        action: 'delete',
        changes: { ...toResponse(before) },
      });
    });
  }

  private async find(manager: EntityManager, code: string): Promise<MeasureEntity> {
    const row = await manager.findOneBy(MeasureEntity, { code });
    if (row === null) throw notFound(ENTITY, code);
    return row;
  }

  /** 404, then 403 (officer of another portfolio), then 412 (stale version). */
  private async loadForChange(
    manager: EntityManager,
    caller: Caller,
    code: string,
    version: number,
  ): Promise<MeasureEntity> {
    const row = await this.find(manager, code);
    assertCanWritePortfolio(caller, row.portfolioCode);
    return checkVersion(row, ENTITY, code, version);
  }
}
