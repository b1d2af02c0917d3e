import { Injectable } from '@nestjs/common';
import type { ResolutionPage, ResolutionQuery, ResolutionResource } from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { filterUpdatedSince, pageOf, pageWindow, parseSort } from '../common/pagination.js';
import { notFound } from '../common/problem.js';
import { findVisibleMeeting, onlyVisibleMeetings } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { MinuteEntity } from '../minutes/minute.entity.js';
import { ResolutionEntity } from './resolution.entity.js';
import * as mapper from './resolution.mapper.js';

/** Resolutions are written with their minute; these are the read routes. Exempt ones are invisible to the public. */
@Injectable()
export class ResolutionsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ResolutionQuery, caller: Caller): Promise<ResolutionPage> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager
      .createQueryBuilder(ResolutionEntity, 'resolution')
      .innerJoin(MeetingEntity, 'meeting', 'meeting.id = resolution.meetingId')
      .innerJoinAndMapOne(
        'resolution.minute',
        MinuteEntity,
        'minute',
        'minute.id = resolution.minuteId',
      );
    onlyVisibleMeetings(builder, 'meeting', caller);
    if (!canReadExempt(caller))
      builder.andWhere('resolution.isExempt = :isExempt', { isExempt: false });
    if (query.meetingId !== undefined)
      builder.andWhere('resolution.meetingId = :meetingId', { meetingId: query.meetingId });
    filterUpdatedSince(builder, query, 'resolution.updatedAt');
    for (const order of parseSort(query.sort, { date: 'meeting.date' }, [
      { column: 'meeting.date', direction: 'DESC' },
      { column: 'resolution.meetingId', direction: 'ASC' },
      { column: 'minute.position', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.offset(offset).limit(limit).getManyAndCount();
    return pageOf(
      rows.map((row) =>
        mapper.toResponse(row, (row as ResolutionEntity & { minute: MinuteEntity }).minute),
      ),
      total,
      query,
    );
  }

  async get(id: string, caller: Caller): Promise<ResolutionResource> {
    const resolution = await this.dataSource.manager.findOne(ResolutionEntity, { where: { id } });
    if (resolution === null || (resolution.isExempt && !canReadExempt(caller)))
      throw notFound('resolution', id);
    await findVisibleMeeting(this.dataSource.manager, resolution.meetingId, caller).catch(() => {
      throw notFound('resolution', id);
    });
    const minute = await this.dataSource.manager.findOneOrFail(MinuteEntity, {
      where: { id: resolution.minuteId },
    });
    return mapper.toResponse(resolution, minute);
  }
}
