import { Injectable } from '@nestjs/common';
import {
  type ActionPage,
  type ActionPatch,
  type ActionQuery,
  type ActionResource,
  localDate,
} from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import { diffChanges, hasChanges, recordAudit } from '../audit/audit.js';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import { filterUpdatedSince, pageOf, pageWindow, parseSort } from '../common/pagination.js';
import { notFound } from '../common/problem.js';
import { toDateString } from '../common/values.js';
import { findVisibleMeeting, onlyVisibleMeetings } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ActionEntity } from './action.entity.js';
import * as mapper from './action.mapper.js';
import { reindexMeeting } from '../search/search-index.js';

const SORTABLE = { due: 'action.due', status: 'action.status', owner: 'action.owner' };

@Injectable()
export class ActionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Actions of exempt minutes are left out for callers who may not read exempt content: not listed, not counted. */
  async list(query: ActionQuery, caller: Caller): Promise<ActionPage> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'action')
      .innerJoin(MeetingEntity, 'meeting', 'meeting.id = action.meetingId');
    onlyVisibleMeetings(builder, 'meeting', caller);
    if (!canReadExempt(caller))
      builder.andWhere('action.isExempt = :isExempt', { isExempt: false });
    if (query.meetingId !== undefined)
      builder.andWhere('action.meetingId = :meetingId', { meetingId: query.meetingId });
    if (query.status !== undefined)
      builder.andWhere('action.status = :status', { status: query.status });
    if (query.owner !== undefined)
      builder.andWhere('action.owner = :owner', { owner: query.owner });
    if (query.dueBefore !== undefined)
      builder.andWhere('action.due <= :dueBefore', { dueBefore: localDate(query.dueBefore) });
    filterUpdatedSince(builder, query, 'action.updatedAt');
    for (const order of parseSort(query.sort, SORTABLE, [
      { column: 'meeting.date', direction: 'DESC' },
      { column: 'action.meetingId', direction: 'ASC' },
      { column: 'action.id', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.offset(offset).limit(limit).getManyAndCount();
    return pageOf(rows.map(mapper.toResponse), total, query);
  }

  async get(id: string, caller: Caller): Promise<ActionResource> {
    const action = await this.dataSource.manager.findOne(ActionEntity, { where: { id } });
    if (action === null || (action.isExempt && !canReadExempt(caller)))
      throw notFound('action', id);
    await findVisibleMeeting(this.dataSource.manager, action.meetingId, caller).catch(() => {
      throw notFound('action', id);
    });
    return mapper.toResponse(action);
  }

  /** Follow-up (status, owner, due date) goes on after the minutes are approved; the minuted text does not change here. */
  async update(
    id: string,
    version: number,
    body: ActionPatch,
    caller: Caller,
  ): Promise<ActionResource> {
    return this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, ActionEntity, 'action', id, version);
      const changes: Partial<ActionEntity> = {};
      if (body.status !== undefined) changes.status = body.status;
      if (body.owner !== undefined) changes.owner = body.owner;
      if (body.due !== undefined) changes.due = body.due;
      const diff = diffChanges({ ...current, due: toDateString(current.due) }, changes);
      if (!hasChanges(diff)) return mapper.toResponse(current);
      const stamp = await updateVersioned(manager, ActionEntity, 'action', id, version, changes);
      await recordAudit(manager, caller, {
        entity: 'action',
        entityId: id,
        action: 'update',
        changes: diff,
      });
      await reindexMeeting(manager, current.meetingId);
      return mapper.toResponse({ ...current, ...changes, ...stamp });
    });
  }
}
