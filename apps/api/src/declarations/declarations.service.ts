import { Injectable } from '@nestjs/common';
import type {
  DeclarationInput,
  DeclarationPage,
  DeclarationQuery,
  DeclarationResource,
} from '@scrutineer/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { diffChanges, hasChanges, recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import { filterUpdatedSince, pageOf, pageWindow, parseSort } from '../common/pagination.js';
import { notFound } from '../common/problem.js';
import {
  assertMinutesOpen,
  findVisibleMeeting,
  onlyVisibleMeetings,
} from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { DeclarationEntity } from './declaration.entity.js';
import * as mapper from './declaration.mapper.js';

const SORTABLE = { member: 'declaration.memberName', interest: 'declaration.interest' };

@Injectable()
export class DeclarationsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: DeclarationQuery, caller: Caller): Promise<DeclarationPage> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager
      .createQueryBuilder(DeclarationEntity, 'declaration')
      .innerJoin(MeetingEntity, 'meeting', 'meeting.id = declaration.meetingId');
    onlyVisibleMeetings(builder, 'meeting', caller);
    if (query.meetingId !== undefined)
      builder.andWhere('declaration.meetingId = :meetingId', { meetingId: query.meetingId });
    if (query.memberId !== undefined)
      builder.andWhere('declaration.memberId = :memberId', { memberId: query.memberId });
    if (query.interest !== undefined)
      // Any of the kinds declared: the JSON list holds each kind once, quoted.
      builder.andWhere('declaration.interests LIKE :interest', {
        interest: `%"${query.interest}"%`,
      });
    filterUpdatedSince(builder, query, 'declaration.updatedAt');
    for (const order of parseSort(query.sort, SORTABLE, [
      { column: 'meeting.date', direction: 'DESC' },
      { column: 'declaration.meetingId', direction: 'ASC' },
      { column: 'declaration.position', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.offset(offset).limit(limit).getManyAndCount();
    return pageOf(rows.map(mapper.toResponse), total, query);
  }

  async get(id: string, caller: Caller): Promise<DeclarationResource> {
    const row = await this.dataSource.manager.findOne(DeclarationEntity, { where: { id } });
    if (row === null) throw notFound('declaration', id);
    await findVisibleMeeting(this.dataSource.manager, row.meetingId, caller).catch(() => {
      throw notFound('declaration', id);
    });
    return mapper.toResponse(row);
  }

  /** A declaration makes the meeting's declarations "made"; bumping the meeting's version tells other writers. */
  private async touchMeeting(manager: EntityManager, meetingId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({
        declarationsKind: 'made',
        declarationsItemNumbers: () => 'NULL',
        version: () => 'version + 1',
      })
      .where('id = :meetingId', { meetingId })
      .execute();
  }

  async create(
    meetingId: string,
    declaration: DeclarationInput,
    caller: Caller,
  ): Promise<DeclarationResource> {
    return this.dataSource.transaction(async (manager) => {
      await assertMinutesOpen(manager, meetingId);
      const position = (await manager.count(DeclarationEntity, { where: { meetingId } })) + 1;
      const row = mapper.toPersistence(declaration, meetingId, position);
      await manager.insert(DeclarationEntity, row);
      await this.touchMeeting(manager, meetingId);
      await recordAudit(manager, caller, {
        entity: 'declaration',
        entityId: row.id,
        action: 'create',
        changes: { meetingId, ...declaration },
      });
      return mapper.toResponse(await manager.findOneByOrFail(DeclarationEntity, { id: row.id }));
    });
  }

  async replace(
    id: string,
    version: number,
    declaration: DeclarationInput,
    caller: Caller,
  ): Promise<DeclarationResource> {
    return this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, DeclarationEntity, 'declaration', id, version);
      await assertMinutesOpen(manager, current.meetingId);
      const diff = diffChanges(mapper.toDomain(current), declaration);
      if (!hasChanges(diff)) return mapper.toResponse(current);
      const row = mapper.toPersistence(
        declaration,
        current.meetingId,
        current.position,
        id,
        version + 1,
      );
      const { id: _id, version: _version, ...fields } = row;
      await updateVersioned(manager, DeclarationEntity, 'declaration', id, version, fields);
      await recordAudit(manager, caller, {
        entity: 'declaration',
        entityId: id,
        action: 'update',
        changes: diff,
      });
      return mapper.toResponse(await manager.findOneByOrFail(DeclarationEntity, { id }));
    });
  }

  async remove(id: string, version: number, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, DeclarationEntity, 'declaration', id, version);
      await assertMinutesOpen(manager, current.meetingId);
      await manager.delete(DeclarationEntity, { id });
      await manager
        .createQueryBuilder()
        .update(DeclarationEntity)
        .set({ position: () => 'position - 1' })
        .where('meeting_id = :meetingId AND position > :position', {
          meetingId: current.meetingId,
          position: current.position,
        })
        .execute();
      if (!(await manager.exists(DeclarationEntity, { where: { meetingId: current.meetingId } }))) {
        // The last one gone: the meeting no longer says declarations were made.
        await manager.update(
          MeetingEntity,
          { id: current.meetingId },
          { declarationsKind: 'not-recorded' },
        );
      }
      await recordAudit(manager, caller, {
        entity: 'declaration',
        entityId: id,
        action: 'delete',
        changes: { meetingId: current.meetingId, ...mapper.toDomain(current) },
      });
    });
  }
}
