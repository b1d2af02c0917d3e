import { Injectable } from '@nestjs/common';
import type {
  Authority,
  AuthorityInput,
  AuthorityPage,
  AuthorityQuery,
  AuthorityResource,
} from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import { diffChanges, hasChanges, recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import { filterUpdatedSince, pageOf, pageWindow, parseSort } from '../common/pagination.js';
import { ApiError, notFound } from '../common/problem.js';
import { committeeIdsOfAuthority } from '../committees/committee-authority.js';
import { assertMeetingsFitRegion } from '../meetings/exemption-region.js';
import { AuthorityEntity } from './authority.entity.js';
import * as mapper from './authority.mapper.js';

@Injectable()
export class AuthoritiesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuthorityQuery): Promise<AuthorityPage> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager.createQueryBuilder(AuthorityEntity, 'authority');
    filterUpdatedSince(builder, query, 'authority.updatedAt');
    for (const order of parseSort(query.sort, { name: 'authority.name' }, [
      { column: 'authority.name', direction: 'ASC' },
      { column: 'authority.id', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(mapper.toResponse), total, query);
  }

  async get(id: string): Promise<AuthorityResource> {
    const authority = await this.dataSource.manager.findOne(AuthorityEntity, { where: { id } });
    if (authority === null) throw notFound('authority', id);
    return mapper.toResponse(authority);
  }

  /** The authority in the domain's shape (documents built from several resources); 404 when none. */
  async findDomain(id: string): Promise<Authority> {
    const authority = await this.dataSource.manager.findOne(AuthorityEntity, { where: { id } });
    if (authority === null) throw notFound('authority', id);
    return mapper.toDomain(authority);
  }

  async create(authority: AuthorityInput, caller: Caller): Promise<AuthorityResource> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.exists(AuthorityEntity, { where: { id: authority.id } })) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `An authority with id ${JSON.stringify(authority.id)} already exists.`,
          [{ path: '$.id', message: 'is already used by another authority' }],
        );
      }
      await manager.insert(AuthorityEntity, mapper.toPersistence(authority));
      await recordAudit(manager, caller, {
        entity: 'authority',
        entityId: authority.id,
        action: 'create',
        changes: authority,
      });
    });
    return this.get(authority.id);
  }

  async replace(
    id: string,
    version: number,
    authority: AuthorityInput,
    caller: Caller,
  ): Promise<AuthorityResource> {
    if (authority.id !== id) {
      throw new ApiError('REQUEST.INVALID', 'An authority’s id cannot change.', [
        { path: '$.id', message: `must be ${id}` },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, AuthorityEntity, 'authority', id, version);
      const diff = diffChanges(mapper.toDomain(current), authority);
      if (!hasChanges(diff)) return;
      if (authority.region !== mapper.toDomain(current).region)
        await assertMeetingsFitRegion(
          manager,
          await committeeIdsOfAuthority(manager, id),
          authority.region,
          '$.region',
        );
      const { id: _id, version: _version, ...fields } = mapper.toPersistence(authority);
      await updateVersioned(manager, AuthorityEntity, 'authority', id, version, fields);
      await recordAudit(manager, caller, {
        entity: 'authority',
        entityId: id,
        action: 'update',
        changes: diff,
      });
    });
    return this.get(id);
  }
}
