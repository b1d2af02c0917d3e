import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Portfolio } from '@scrutineer/domain';
import { DataSource, In } from 'typeorm';
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
import { AgreementEntity } from '../agreements/agreement.entity.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { OfficerContactEntity } from '../officer-contacts/officer-contact.entity.js';
import { PerformanceReportEntity } from '../performance-reports/performance-report.entity.js';
import { checkVersion, updateAtVersion } from '../common/concurrency.js';
import type {
  PortfolioInput,
  PortfolioPatch,
  PortfolioQuery,
  PortfolioResource,
} from '@scrutineer/domain';
import { PortfolioEntity } from './portfolio.entity.js';
import { toDomain, toPersistence, toResponse } from './portfolio.mapper.js';

const ENTITY = 'portfolio';

@Injectable()
export class PortfoliosService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PortfolioQuery): Promise<Page<PortfolioResource>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.getRepository(PortfolioEntity).createQueryBuilder('portfolio');
    if (query.authorityId !== undefined) {
      builder.andWhere('portfolio.authorityId = :authorityId', { authorityId: query.authorityId });
    }
    filterUpdatedSince(builder, query, 'portfolio.updatedAt');
    for (const order of parseSort(query.sort, { code: 'portfolio.code', name: 'portfolio.name' }, [
      { column: 'portfolio.code', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(toResponse), total, query);
  }

  async get(code: string): Promise<PortfolioResource> {
    const row = await this.dataSource.getRepository(PortfolioEntity).findOneBy({ code });
    if (row === null) throw notFound(ENTITY, code);
    return toResponse(row);
  }

  /** The portfolios with these codes in the domain's shape, by code; unknown codes are left out. */
  async findDomain(codes: readonly string[]): Promise<Portfolio[]> {
    if (codes.length === 0) return [];
    const rows = await this.dataSource.getRepository(PortfolioEntity).find({
      where: { code: In([...new Set(codes)]) },
      order: { code: 'ASC' },
    });
    return rows.map(toDomain);
  }

  async create(caller: Caller, body: PortfolioInput): Promise<PortfolioResource> {
    const entity = toPersistence(body);
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(PortfolioEntity, { code: entity.code })) {
        throw new ApiError('RESOURCE.ALREADY_EXISTS', `Portfolio ${entity.code} already exists.`, [
          { path: '$.code', message: 'is already used by another portfolio' },
        ]);
      }
      await manager.insert(PortfolioEntity, entity);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: entity.code,
        action: 'create',
        changes: { ...body },
      });
    });
    return this.get(entity.code);
  }

  async update(
    caller: Caller,
    code: string,
    version: number,
    body: PortfolioPatch,
  ): Promise<PortfolioResource> {
    await this.dataSource.transaction(async (manager) => {
      const before = checkVersion(
        await manager.findOneBy(PortfolioEntity, { code }),
        ENTITY,
        code,
        version,
      );
      const changes: Partial<PortfolioEntity> = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.directors !== undefined ? { directors: [...body.directors] } : {}),
        ...(body.cabinetMember !== undefined
          ? {
              cabinetMemberName: body.cabinetMember?.name ?? null,
              cabinetMemberId: body.cabinetMember?.memberId ?? null,
            }
          : {}),
      };
      const diff = diffChanges({ ...before }, changes);
      if (!hasChanges(diff)) return;
      await updateAtVersion(
        manager,
        PortfolioEntity,
        ENTITY,
        { column: 'code', value: code },
        version,
        changes,
      );
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
      const before = checkVersion(
        await manager.findOneBy(PortfolioEntity, { code }),
        ENTITY,
        code,
        version,
      );
      const uses = await Promise.all(
        [MeasureEntity, AgreementEntity, PerformanceReportEntity, OfficerContactEntity].map(
          (target) => manager.countBy(target, { portfolioCode: code }),
        ),
      );
      if (uses.some((count) => count > 0)) {
        throw new ApiError(
          'RESOURCE.IN_USE',
          `Portfolio ${code} still has measures, agreements, reports or officer contacts; delete those first.`,
          [],
          { measures: uses[0], agreements: uses[1], reports: uses[2], officerContacts: uses[3] },
        );
      }
      await manager.delete(PortfolioEntity, { code });
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: code,
        action: 'delete',
        changes: toResponse(before),
      });
    });
  }
}
