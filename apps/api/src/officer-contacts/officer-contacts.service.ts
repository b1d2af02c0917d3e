import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { notFound } from '../common/problem.js';
import { assertCanWritePortfolio } from '../performance/access.js';
import { assertPortfolioExists } from '../performance/references.js';
import { checkVersion, updateAtVersion } from '../common/concurrency.js';
import type {
  CreateOfficerContactDto,
  OfficerContactQueryDto,
  OfficerContactResponseDto,
  UpdateOfficerContactDto,
} from './dto/officer-contact.dto.js';
import { OfficerContactEntity } from './officer-contact.entity.js';
import { toPersistence, toResponse } from './officer-contact.mapper.js';

const ENTITY = 'officer-contact';

@Injectable()
export class OfficerContactsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: OfficerContactQueryDto): Promise<Page<OfficerContactResponseDto>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource
      .getRepository(OfficerContactEntity)
      .createQueryBuilder('contact');
    if (query.portfolio !== undefined) {
      builder.andWhere('contact.portfolioCode = :portfolio', { portfolio: query.portfolio });
    }
    filterUpdatedSince(builder, query, 'contact.updatedAt');
    for (const order of parseSort(
      query.sort,
      { name: 'contact.name', portfolio: 'contact.portfolioCode' },
      [
        { column: 'contact.portfolioCode', direction: 'ASC' },
        { column: 'contact.name', direction: 'ASC' },
        { column: 'contact.id', direction: 'ASC' },
      ],
    )) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(toResponse), total, query);
  }

  async get(id: number): Promise<OfficerContactResponseDto> {
    return toResponse(await this.find(this.dataSource.manager, id));
  }

  async create(caller: Caller, body: CreateOfficerContactDto): Promise<OfficerContactResponseDto> {
    assertCanWritePortfolio(caller, body.portfolioCode);
    const id = await this.dataSource.transaction(async (manager) => {
      await assertPortfolioExists(manager, body.portfolioCode, '$.portfolioCode');
      const entity = toPersistence(body.portfolioCode, {
        name: body.name,
        role: body.role,
        email: body.email ?? null,
        phone: body.phone ?? null,
      });
      const saved = await manager.save(OfficerContactEntity, entity);
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

  async update(
    caller: Caller,
    id: number,
    version: number,
    body: UpdateOfficerContactDto,
  ): Promise<OfficerContactResponseDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = checkVersion(await this.findOrNull(manager, id), ENTITY, id, version);
      assertCanWritePortfolio(caller, before.portfolioCode);
      const changes = Object.fromEntries(
        Object.entries(body).filter(([, value]) => value !== undefined),
      );
      const diff = diffChanges({ ...before }, changes);
      if (!hasChanges(diff)) return;
      await updateAtVersion(
        manager,
        OfficerContactEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        changes,
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'update',
        changes: diff,
      });
    });
    return this.get(id);
  }

  async remove(caller: Caller, id: number, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = checkVersion(await this.findOrNull(manager, id), ENTITY, id, version);
      assertCanWritePortfolio(caller, before.portfolioCode);
      await manager.delete(OfficerContactEntity, { id });
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'delete',
        changes: { ...toResponse(before) },
      });
    });
  }

  private findOrNull(manager: EntityManager, id: number): Promise<OfficerContactEntity | null> {
    return manager.findOneBy(OfficerContactEntity, { id });
  }

  private async find(manager: EntityManager, id: number): Promise<OfficerContactEntity> {
    const row = await this.findOrNull(manager, id);
    if (row === null) throw notFound(ENTITY, String(id));
    return row;
  }
}
