import { Injectable } from '@nestjs/common';
import {
  approveMinutes,
  DomainError,
  type LocalDate,
  localDate,
  type LocalTime,
  localTime,
  type Minute,
  type MinuteQuery,
  type MinuteResource,
  type MinutePage,
  type MinutesApproval,
  type MinutesOfMeetingPatch,
  type MinutesOfMeetingResource,
  type MinutesStatus,
  minuteRef,
  type MotionPage,
  type MotionQuery,
} from '@scrutineer/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ActionEntity } from '../actions/action.entity.js';
import { diffChanges, hasChanges, recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import {
  changedSince,
  filterUpdatedSince,
  pageOf,
  pageWindow,
  parseSort,
} from '../common/pagination.js';
import { ApiError, notFound } from '../common/problem.js';
import { toDateString } from '../common/values.js';
import { nowInstant } from '../common/versioned-row.js';
import {
  assertMinutesOpen,
  findVisibleMeeting,
  onlyVisibleMeetings,
} from '../meetings/meeting-access.js';
import { loadMinuteRows } from '../meetings/meeting-document.store.js';
import { assertMinuteExemptionFits } from '../meetings/exemption-region.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { ResolutionEntity } from '../resolutions/resolution.entity.js';
import { MinuteEntity } from './minute.entity.js';
import * as mapper from './minute.mapper.js';
import { MotionEntity } from './motion.entity.js';
import { reindexMeeting } from '../search/search-index.js';

const SORTABLE = { ref: 'minute.refSequence', takenOrder: 'minute.takenOrder' };

/** Checks a minute against the domain's numbering: the sequence is the number in the reference text. */
const assertMinute = (minute: Minute): Minute => {
  const parsed = minuteRef(minute.ref.text);
  if (parsed.sequence !== minute.ref.sequence) {
    throw new ApiError(
      'REQUEST.INVALID',
      `Minute ${minute.ref.text} has sequence ${minute.ref.sequence}, not ${parsed.sequence}.`,
      [
        {
          path: '$.ref.sequence',
          message: `must be ${parsed.sequence}, the number in ${minute.ref.text}`,
        },
      ],
    );
  }
  return minute;
};

@Injectable()
export class MinutesService {
  constructor(private readonly dataSource: DataSource) {}

  private async rowsOf(manager: EntityManager, minute: MinuteEntity): Promise<mapper.MinuteRows> {
    const [rows] = await loadMinuteRows(manager, [minute]);
    return rows as mapper.MinuteRows;
  }

  /** The minute as written, with the timestamps the database now holds. */
  private async reread(
    manager: EntityManager,
    id: string,
    caller: Caller,
  ): Promise<MinuteResource> {
    const minute = await manager.findOneByOrFail(MinuteEntity, { id });
    return mapper.toResponse(await this.rowsOf(manager, minute), caller);
  }

  async getRecord(meetingId: string, caller: Caller): Promise<MinutesOfMeetingResource> {
    const manager = this.dataSource.manager;
    const meeting = await findVisibleMeeting(manager, meetingId, caller);
    if (meeting.minutesStatus === null)
      throw new ApiError('RESOURCE.NOT_FOUND', `Meeting ${meetingId} has not been minuted yet.`);
    const minutes = await manager.find(MinuteEntity, {
      where: { meetingId },
      order: { position: 'ASC' },
    });
    return {
      meetingId,
      status: meeting.minutesStatus as MinutesStatus,
      approvedOn: toDateString(meeting.minutesApprovedOn) as LocalDate | null,
      closedAt: meeting.minutesClosedAt as LocalTime | null,
      minutes: (await loadMinuteRows(manager, minutes)).map((rows) =>
        mapper.toResponse(rows, caller),
      ),
      version: meeting.version,
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
    };
  }

  async list(query: MinuteQuery, caller: Caller): Promise<MinutePage> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager
      .createQueryBuilder(MinuteEntity, 'minute')
      .innerJoin(MeetingEntity, 'meeting', 'meeting.id = minute.meetingId');
    onlyVisibleMeetings(builder, 'meeting', caller);
    if (query.meetingId !== undefined)
      builder.andWhere('minute.meetingId = :meetingId', { meetingId: query.meetingId });
    filterUpdatedSince(builder, query, 'minute.updatedAt');
    for (const order of parseSort(query.sort, SORTABLE, [
      { column: 'meeting.date', direction: 'DESC' },
      { column: 'minute.meetingId', direction: 'ASC' },
      { column: 'minute.position', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.offset(offset).limit(limit).getManyAndCount();
    const loaded = await loadMinuteRows(this.dataSource.manager, rows);
    // loadMinuteRows orders by position within a meeting; keep the query's order across meetings.
    const byId = new Map(loaded.map((r) => [r.minute.id, r]));
    return pageOf(
      rows.map((row) => mapper.toResponse(byId.get(row.id) as mapper.MinuteRows, caller)),
      total,
      query,
    );
  }

  async get(id: string, caller: Caller): Promise<MinuteResource> {
    const minute = await this.dataSource.manager.findOne(MinuteEntity, { where: { id } });
    if (minute === null) throw notFound('minute', id);
    await findVisibleMeeting(this.dataSource.manager, minute.meetingId, caller).catch(() => {
      throw notFound('minute', id);
    });
    return mapper.toResponse(await this.rowsOf(this.dataSource.manager, minute), caller);
  }

  /** The motions in order, as a page; they change with their minute, so `updatedSince` is the minute's. */
  async motions(id: string, query: MotionQuery, caller: Caller): Promise<MotionPage> {
    const minute = await this.get(id, caller);
    const all = changedSince(minute.updatedAt, query) ? minute.motions : [];
    const { limit, offset } = pageWindow(query);
    return pageOf(all.slice(offset, offset + limit), all.length, query);
  }

  /** Starts the draft minutes of a meeting if there are none, or sets when the meeting closed. */
  async setRecord(
    meetingId: string,
    version: number,
    body: MinutesOfMeetingPatch,
    caller: Caller,
  ): Promise<MinutesOfMeetingResource> {
    await this.dataSource.transaction(async (manager) => {
      await loadForChange(manager, MeetingEntity, 'meeting', meetingId, version);
      const meeting = await assertMinutesOpen(manager, meetingId);
      const changes = {
        minutesStatus: 'draft',
        minutesClosedAt:
          body.closedAt === undefined
            ? meeting.minutesClosedAt
            : body.closedAt === null
              ? null
              : localTime(body.closedAt),
      };
      const diff = diffChanges(meeting, changes);
      if (!hasChanges(diff)) return;
      await updateVersioned(manager, MeetingEntity, 'meeting', meetingId, version, {
        ...changes,
        ...(meeting.minutesStatus === null ? { minutesPublishedAt: nowInstant() } : {}),
      });
      await recordAudit(manager, caller, {
        entity: 'minutes',
        entityId: meetingId,
        action: 'update',
        changes: diff,
      });
    });
    return this.getRecord(meetingId, caller);
  }

  /** The next meeting approves the minutes as a correct record; from then on they do not change. */
  async approve(
    meetingId: string,
    version: number,
    body: MinutesApproval,
    caller: Caller,
  ): Promise<MinutesOfMeetingResource> {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await loadForChange(manager, MeetingEntity, 'meeting', meetingId, version);
      await assertMinutesOpen(manager, meetingId);
      if (meeting.minutesStatus === null) {
        throw new DomainError(
          'LIFECYCLE.INVALID_TRANSITION',
          `Meeting ${meetingId} has no minutes to approve.`,
          { meetingId },
        );
      }
      const approved = approveMinutes(
        {
          status: 'draft',
          approvedOn: null,
          closedAt: meeting.minutesClosedAt as LocalTime | null,
          minutes: [],
        },
        localDate(body.approvedOn),
        toDateString(meeting.date) as LocalDate,
      );
      const changes = { minutesStatus: approved.status, minutesApprovedOn: approved.approvedOn };
      await updateVersioned(manager, MeetingEntity, 'meeting', meetingId, version, changes);
      await recordAudit(manager, caller, {
        entity: 'minutes',
        entityId: meetingId,
        action: 'approve',
        changes: diffChanges(meeting, changes),
      });
    });
    return this.getRecord(meetingId, caller);
  }

  private async writeChildren(manager: EntityManager, rows: mapper.MinuteRows): Promise<void> {
    if (rows.motions.length > 0) await manager.insert(MotionEntity, [...rows.motions]);
    if (rows.actions.length > 0) await manager.insert(ActionEntity, [...rows.actions]);
    if (rows.resolution !== null) await manager.insert(ResolutionEntity, rows.resolution);
  }

  async create(meetingId: string, body: Minute, caller: Caller): Promise<MinuteResource> {
    const minute = assertMinute(body);
    return this.dataSource.transaction(async (manager) => {
      const meeting = await assertMinutesOpen(manager, meetingId);
      await assertMinuteExemptionFits(manager, meetingId, minute);
      const position = (await manager.count(MinuteEntity, { where: { meetingId } })) + 1;
      const rows = mapper.toPersistence(minute, meetingId, position);
      await manager.insert(MinuteEntity, rows.minute);
      await this.writeChildren(manager, rows);
      if (meeting.minutesStatus === null) {
        await manager.update(
          MeetingEntity,
          { id: meetingId },
          {
            minutesStatus: 'draft',
            minutesPublishedAt: nowInstant(),
            version: meeting.version + 1,
          },
        );
      }
      await recordAudit(manager, caller, {
        entity: 'minute',
        entityId: rows.minute.id,
        action: 'create',
        changes: { meetingId, ...minute },
      });
      await reindexMeeting(manager, meetingId);
      return this.reread(manager, rows.minute.id, caller);
    });
  }

  async replace(
    id: string,
    version: number,
    body: Minute,
    caller: Caller,
  ): Promise<MinuteResource> {
    const minute = assertMinute(body);
    return this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, MinuteEntity, 'minute', id, version);
      await assertMinutesOpen(manager, current.meetingId);
      await assertMinuteExemptionFits(manager, current.meetingId, minute);
      const currentRows = await this.rowsOf(manager, current);
      const before = mapper.toDomain(currentRows);
      if (!hasChanges(diffChanges(before, minute))) return mapper.toResponse(currentRows, caller);
      const rows = mapper.toPersistence(
        minute,
        current.meetingId,
        current.position,
        id,
        version + 1,
      );
      const { id: _id, version: _version, ...fields } = rows.minute;
      await updateVersioned(manager, MinuteEntity, 'minute', id, version, fields);
      await manager.delete(MotionEntity, { minuteId: id });
      await manager.delete(ActionEntity, { minuteId: id });
      await manager.delete(ResolutionEntity, { minuteId: id });
      await this.writeChildren(manager, rows);
      await recordAudit(manager, caller, {
        entity: 'minute',
        entityId: id,
        action: 'update',
        changes: diffChanges(before, minute),
      });
      await reindexMeeting(manager, current.meetingId);
      return this.reread(manager, rows.minute.id, caller);
    });
  }

  async remove(id: string, version: number, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, MinuteEntity, 'minute', id, version);
      await assertMinutesOpen(manager, current.meetingId);
      const before = mapper.toDomain(await this.rowsOf(manager, current));
      await manager.delete(MinuteEntity, { id });
      await manager
        .createQueryBuilder()
        .update(MinuteEntity)
        .set({ position: () => 'position - 1' })
        .where('meeting_id = :meetingId AND position > :position', {
          meetingId: current.meetingId,
          position: current.position,
        })
        .execute();
      await recordAudit(manager, caller, {
        entity: 'minute',
        entityId: id,
        action: 'delete',
        changes: { meetingId: current.meetingId, ...before },
      });
      await reindexMeeting(manager, current.meetingId);
    });
  }
}
