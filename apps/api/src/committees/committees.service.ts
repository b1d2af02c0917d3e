import { Injectable } from '@nestjs/common';
import type {
  Committee,
  CommitteeInput,
  CommitteeMembership,
  CommitteePage,
  CommitteeQuery,
  CommitteeResource,
  CommitteeSeatInput,
  CommitteeSeatPage,
  CommitteeSeatQuery,
  Problem,
} from '@scrutineer/domain';
import { isMembershipOn, membershipOn, membershipProblems } from '@scrutineer/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { loadRegionOfAuthority } from '../authorities/authority-region.js';
import { AuthorityEntity } from '../authorities/authority.entity.js';
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
import { assertMeetingsFitRegion } from '../meetings/exemption-region.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { MemberEntity } from '../members/member.entity.js';
import { CommitteeMembershipEntity } from './committee-membership.entity.js';
import { CommitteeEntity } from './committee.entity.js';
import * as mapper from './committee.mapper.js';

/** 400 naming each field when membership periods end before they start or overlap for one member. */
const assertPeriods = (problems: readonly Problem[]): void => {
  if (problems.length > 0)
    throw new ApiError(
      'REQUEST.INVALID',
      'Membership periods must end after they start, and a member holds one seat at a time.',
      problems.map((p) => ({ path: p.path, message: p.message, code: p.code })),
    );
};

@Injectable()
export class CommitteesService {
  constructor(private readonly dataSource: DataSource) {}

  private async seatsOf(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<CommitteeMembershipEntity[]> {
    return ids.length === 0
      ? []
      : manager.find(CommitteeMembershipEntity, { where: { committeeId: In([...ids]) } });
  }

  async list(query: CommitteeQuery): Promise<CommitteePage> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager.createQueryBuilder(CommitteeEntity, 'committee');
    if (query.authorityId !== undefined)
      builder.andWhere('committee.authorityId = :authorityId', { authorityId: query.authorityId });
    filterUpdatedSince(builder, query, 'committee.updatedAt');
    for (const order of parseSort(query.sort, { name: 'committee.name' }, [
      { column: 'committee.name', direction: 'ASC' },
      { column: 'committee.id', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    const seats = await this.seatsOf(
      this.dataSource.manager,
      rows.map((c) => c.id),
    );
    return pageOf(
      rows.map((c) =>
        mapper.toResponse(
          c,
          seats.filter((s) => s.committeeId === c.id),
        ),
      ),
      total,
      query,
    );
  }

  async get(id: string): Promise<CommitteeResource> {
    const committee = await this.dataSource.manager.findOne(CommitteeEntity, { where: { id } });
    if (committee === null) throw notFound('committee', id);
    return mapper.toResponse(committee, await this.seatsOf(this.dataSource.manager, [id]));
  }

  /** When any committee last changed (its row's `updatedAt`); null when there is none. */
  async lastChanged(): Promise<string | null> {
    const row = await this.dataSource.manager
      .createQueryBuilder(CommitteeEntity, 'committee')
      .select('MAX(committee.updatedAt)', 'at')
      .getRawOne<{ at: string | null }>();
    return row?.at ?? null;
  }

  /** The committee in the domain's shape, seats in order (documents built from it); 404 when none. */
  async findDomain(id: string): Promise<Committee> {
    const committee = await this.dataSource.manager.findOne(CommitteeEntity, { where: { id } });
    if (committee === null) throw notFound('committee', id);
    return mapper.toDomain(committee, await this.seatsOf(this.dataSource.manager, [id]));
  }

  /**
   * The membership periods as a page; with `on`, only those that include that day (the domain's
   * `membershipOn`: Chair first unless sorted otherwise). Periods change with their committee, so
   * `updatedSince` is the committee's.
   */
  async members(id: string, query: CommitteeSeatQuery): Promise<CommitteeSeatPage> {
    const committee = await this.dataSource.manager.findOne(CommitteeEntity, { where: { id } });
    if (committee === null) throw notFound('committee', id);
    const { limit, offset } = pageWindow(query);
    if (!changedSince(committee.updatedAt, query)) return pageOf([], 0, query);
    const builder = this.dataSource.manager
      .createQueryBuilder(CommitteeMembershipEntity, 'seat')
      .where('seat.committeeId = :id', { id });
    for (const order of parseSort(
      query.sort,
      { name: 'seat.memberName', role: 'seat.role', from: 'seat.fromDate' },
      [{ column: 'seat.position', direction: 'ASC' }],
    )) {
      builder.addOrderBy(order.column, order.direction);
    }
    if (query.on === undefined) {
      const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
      return pageOf(rows.map(mapper.seatToResponse), total, query);
    }
    // A committee holds tens of periods: the day's membership is chosen by the domain's rule.
    const on = query.on;
    const seats = (await builder.getMany()).map(mapper.seatToResponse);
    const chosen =
      query.sort === undefined
        ? (membershipOn({ memberships: seats }, on) as typeof seats)
        : seats.filter((seat) => isMembershipOn(seat, on));
    return pageOf(chosen.slice(offset, offset + limit), chosen.length, query);
  }

  private async assertReferences(manager: EntityManager, committee: Committee): Promise<void> {
    if (!(await manager.exists(AuthorityEntity, { where: { id: committee.authorityId } }))) {
      throw new ApiError(
        'RESOURCE.NOT_FOUND',
        `No authority with id ${JSON.stringify(committee.authorityId)}.`,
        [{ path: '$.authorityId', message: 'no such authority' }],
      );
    }
    assertPeriods(membershipProblems(committee.memberships, ['memberships']));
    await this.assertMembersExist(manager, committee.memberships, '$.memberships');
  }

  private async assertMembersExist(
    manager: EntityManager,
    memberships: readonly CommitteeMembership[],
    path: string,
  ): Promise<void> {
    const ids = memberships.flatMap((m) =>
      m.member === null || m.member.memberId === null ? [] : [m.member.memberId],
    );
    if (ids.length === 0) return;
    const known = new Set(
      (await manager.find(MemberEntity, { where: { id: In(ids) }, select: { id: true } })).map(
        (m) => m.id,
      ),
    );
    const problems = memberships.flatMap((m, index) =>
      m.member !== null && m.member.memberId !== null && !known.has(m.member.memberId)
        ? [
            {
              path: `${path === '$' ? '$' : `${path}[${index}]`}.member.memberId`,
              message: `no member ${m.member?.memberId ?? ''}`,
            },
          ]
        : [],
    );
    if (problems.length > 0)
      throw new ApiError('REQUEST.INVALID', 'A seat names a member who does not exist.', problems);
  }

  async create(committee: CommitteeInput, caller: Caller): Promise<CommitteeResource> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.exists(CommitteeEntity, { where: { id: committee.id } })) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `A committee with id ${JSON.stringify(committee.id)} already exists.`,
          [{ path: '$.id', message: 'is already used by another committee' }],
        );
      }
      await this.assertReferences(manager, committee);
      const rows = mapper.toPersistence(committee);
      await manager.insert(CommitteeEntity, rows.committee);
      if (rows.seats.length > 0) await manager.insert(CommitteeMembershipEntity, rows.seats);
      await recordAudit(manager, caller, {
        entity: 'committee',
        entityId: committee.id,
        action: 'create',
        changes: committee,
      });
    });
    return this.get(committee.id);
  }

  async replace(
    id: string,
    version: number,
    committee: CommitteeInput,
    caller: Caller,
  ): Promise<CommitteeResource> {
    if (committee.id !== id) {
      throw new ApiError('REQUEST.INVALID', 'A committee’s id cannot change.', [
        { path: '$.id', message: `must be ${id}` },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, CommitteeEntity, 'committee', id, version);
      const seats = await this.seatsOf(manager, [id]);
      const before = mapper.toDomain(current, seats);
      const diff = diffChanges(before, mapper.asStored(committee));
      if (!hasChanges(diff)) return;
      await this.assertReferences(manager, committee);
      if (committee.authorityId !== current.authorityId) {
        const region = await loadRegionOfAuthority(manager, committee.authorityId);
        if (
          region !== null &&
          region !== (await loadRegionOfAuthority(manager, current.authorityId))
        )
          await assertMeetingsFitRegion(manager, [id], region, '$.authorityId');
      }
      const rows = mapper.toPersistence(committee, version + 1);
      const { id: _id, version: _version, ...fields } = rows.committee;
      await updateVersioned(manager, CommitteeEntity, 'committee', id, version, fields);
      await manager.delete(CommitteeMembershipEntity, { committeeId: id });
      if (rows.seats.length > 0) await manager.insert(CommitteeMembershipEntity, rows.seats);
      await recordAudit(manager, caller, {
        entity: 'committee',
        entityId: id,
        action: 'update',
        changes: diff,
      });
    });
    return this.get(id);
  }

  async remove(id: string, version: number, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, CommitteeEntity, 'committee', id, version);
      if (await manager.exists(MeetingEntity, { where: { committeeId: id } })) {
        throw new ApiError('RESOURCE.IN_USE', `Committee ${id} has meetings; delete them first.`);
      }
      const before = mapper.toDomain(current, await this.seatsOf(manager, [id]));
      await manager.delete(CommitteeEntity, { id });
      await recordAudit(manager, caller, {
        entity: 'committee',
        entityId: id,
        action: 'delete',
        changes: before,
      });
    });
  }

  /** Adds a seat at the end; the committee's version moves on (If-Match carries it). */
  async addMember(
    id: string,
    version: number,
    membership: CommitteeSeatInput,
    caller: Caller,
  ): Promise<CommitteeResource> {
    await this.dataSource.transaction(async (manager) => {
      await loadForChange(manager, CommitteeEntity, 'committee', id, version);
      const existing = await this.seatsOf(manager, [id]);
      // The new period is checked against the ones the committee has; its problems are at `$`.
      const all = [...mapper.toDomain(new CommitteeEntity(), existing).memberships, membership];
      const at = `$[${all.length - 1}]`;
      assertPeriods(
        membershipProblems(all, [])
          .filter((p) => p.path.startsWith(at))
          .map((p) => ({ ...p, path: `$${p.path.slice(at.length)}` })),
      );
      await this.assertMembersExist(manager, [membership], '$');
      const position = existing.reduce((top, seat) => Math.max(top, seat.position), 0) + 1;
      const seat = mapper.seatToPersistence(membership, id, position);
      await manager.insert(CommitteeMembershipEntity, seat);
      await updateVersioned(manager, CommitteeEntity, 'committee', id, version, {});
      await recordAudit(manager, caller, {
        entity: 'committee',
        entityId: id,
        action: 'add-member',
        changes: { seatId: seat.id, ...membership },
      });
    });
    return this.get(id);
  }

  async removeMember(
    id: string,
    seatId: string,
    version: number,
    caller: Caller,
  ): Promise<CommitteeResource> {
    await this.dataSource.transaction(async (manager) => {
      await loadForChange(manager, CommitteeEntity, 'committee', id, version);
      const seat = await manager.findOne(CommitteeMembershipEntity, {
        where: { id: seatId, committeeId: id },
      });
      if (seat === null) throw notFound('committee seat', seatId);
      await manager.delete(CommitteeMembershipEntity, { id: seatId });
      await updateVersioned(manager, CommitteeEntity, 'committee', id, version, {});
      await recordAudit(manager, caller, {
        entity: 'committee',
        entityId: id,
        action: 'remove-member',
        changes: mapper.seatToResponse(seat),
      });
    });
    return this.get(id);
  }
}
