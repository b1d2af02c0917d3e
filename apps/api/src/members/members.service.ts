import { Injectable } from '@nestjs/common';
import type { Member, MemberId } from '@scrutineer/domain';
import { DataSource, In } from 'typeorm';
import { diffChanges, hasChanges, recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import {
  filterUpdatedSince,
  type Page,
  pageOf,
  pageWindow,
  parseSort,
} from '../common/pagination.js';
import { ApiError, notFound } from '../common/problem.js';
import type {
  CreateMemberDto,
  MemberQueryDto,
  MemberResponseDto,
  UpdateMemberDto,
} from './dto/member.dto.js';
import { MemberEntity } from './member.entity.js';
import * as mapper from './member.mapper.js';

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 180) || 'member';

@Injectable()
export class MembersService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: MemberQueryDto): Promise<Page<MemberResponseDto>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager.createQueryBuilder(MemberEntity, 'member');
    if (query.name !== undefined)
      builder.andWhere('LOWER(member.name) LIKE :name', { name: `%${query.name.toLowerCase()}%` });
    if (query.party !== undefined)
      builder.andWhere('member.party = :party', { party: query.party });
    filterUpdatedSince(builder, query, 'member.updatedAt');
    for (const order of parseSort(query.sort, { name: 'member.name', party: 'member.party' }, [
      { column: 'member.name', direction: 'ASC' },
      { column: 'member.id', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(mapper.toResponse), total, query);
  }

  async get(id: string): Promise<MemberResponseDto> {
    const member = await this.dataSource.manager.findOne(MemberEntity, { where: { id } });
    if (member === null) throw notFound('member', id);
    return mapper.toResponse(member);
  }

  /** The members with these ids in the domain's shape, by id; ids with no member are left out. */
  async findDomain(ids: readonly string[]): Promise<Member[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.manager.find(MemberEntity, {
      where: { id: In([...new Set(ids)]) },
      order: { id: 'ASC' },
    });
    return rows.map(mapper.toDomain);
  }

  async create(dto: CreateMemberDto, caller: Caller): Promise<MemberResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const id = dto.id ?? slug(dto.name);
      if (await manager.exists(MemberEntity, { where: { id } })) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `A member with id ${JSON.stringify(id)} already exists.`,
          [
            {
              path: dto.id === undefined ? '$.name' : '$.id',
              message: 'already taken; give another id',
            },
          ],
        );
      }
      const member = {
        id: id as MemberId,
        name: dto.name,
        party: dto.party ?? null,
        ward: dto.ward ?? null,
      };
      const entity = mapper.toPersistence(member);
      await manager.insert(MemberEntity, entity);
      await recordAudit(manager, caller, {
        entity: 'member',
        entityId: id,
        action: 'create',
        changes: member,
      });
      return mapper.toResponse(entity);
    });
  }

  async update(
    id: string,
    version: number,
    dto: UpdateMemberDto,
    caller: Caller,
  ): Promise<MemberResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, MemberEntity, 'member', id, version);
      const changes: Partial<MemberEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.party !== undefined) changes.party = dto.party;
      if (dto.ward !== undefined) changes.ward = dto.ward;
      const diff = diffChanges(current, changes);
      if (!hasChanges(diff)) return mapper.toResponse(current);
      const stamp = await updateVersioned(manager, MemberEntity, 'member', id, version, changes);
      await recordAudit(manager, caller, {
        entity: 'member',
        entityId: id,
        action: 'update',
        changes: diff,
      });
      return mapper.toResponse({ ...current, ...changes, ...stamp });
    });
  }

  async remove(id: string, version: number, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, MemberEntity, 'member', id, version);
      // Seats refer to the member by id (set to null on delete); names in minutes stay as written.
      await manager.delete(MemberEntity, { id });
      await recordAudit(manager, caller, {
        entity: 'member',
        entityId: id,
        action: 'delete',
        changes: mapper.toDomain(current),
      });
    });
  }
}
