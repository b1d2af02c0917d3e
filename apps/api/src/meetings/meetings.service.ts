import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  type AgendaPublication,
  assertMeetingTransition,
  type Attendance,
  type Instant,
  type LocalDate,
  localDate,
  type MeetingAttendance,
  type MeetingDetail,
  type MeetingDocument,
  type MeetingId,
  type MeetingInput,
  type MeetingPatch,
  type MeetingQuery,
  type MeetingResource,
  type MeetingStatus,
  type PackPublication,
  publishAgenda,
  type PublicationFinding,
  type CommitteeId,
} from '@scrutineer/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import * as agendaItemMapper from '../agenda-items/agenda-item.mapper.js';
import { diffChanges, recordAudit } from '../audit/audit.js';
import { anonymousCaller, type Caller, canReadExempt, canReadUnpublished } from '../auth/caller.js';
import { AgendaItemEntity } from '../agenda-items/agenda-item.entity.js';
import { ItemDocumentEntity } from '../agenda-items/item-document.entity.js';
import { readablePapers } from '../agenda-items/paper-access.js';
import { AuthorityEntity } from '../authorities/authority.entity.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import { SerialisedResource } from '../common/etag.interceptor.js';
import {
  filterUpdatedSince,
  type Page,
  pageOf,
  pageWindow,
  parseSort,
} from '../common/pagination.js';
import {
  GenerationPageCache,
  generationToken,
  readCommitted,
} from '../database/data-generations.js';
import { Metrics } from '../metrics/metrics.service.js';
import { ApiError, notFound } from '../common/problem.js';
import { toDateString } from '../common/values.js';
import { meetingWithChecks, rowsWithChecks } from '../files/file-checks.js';
import { meetingFiles } from '../files/file-references.js';
import { FILE_STORE, type FileStore } from '../files/file-store.js';
import { rowReader } from '../database/row-reader.js';
import { DeclarationEntity } from '../declarations/declaration.entity.js';
import { findVisibleMeeting, isPublishedMeeting, onlyVisibleMeetings } from './meeting-access.js';
import { readMeetingDocument } from './meeting-document.store.js';
import { MeetingEntity } from './meeting.entity.js';
import * as meetingMapper from './meeting.mapper.js';
import { assessPublication } from './publication.js';
import { reindexMeeting } from '../search/search-index.js';

type MeetingWithAgenda = {
  readonly meeting: MeetingEntity;
  readonly committeeName: string;
  readonly items: readonly {
    readonly item: AgendaItemEntity;
    readonly documents: readonly ItemDocumentEntity[];
  }[];
};

type MeetingReader = {
  readonly read: (manager: EntityManager, id: string) => Promise<MeetingWithAgenda | null>;
};

/**
 * `GET /meetings/:id` in one statement: the meeting LEFT JOIN its committee (for the name) LEFT
 * JOIN its agenda items LEFT JOIN their documents, in agenda then document order; one round trip
 * and one pool checkout on PostgreSQL where it used to be two, and no query-builder work per
 * request (the SQL is built once). Rows are grouped back into the meeting, its items and each
 * item's documents here.
 */
const meetingReader = (dataSource: DataSource): MeetingReader => {
  const table = (target: Parameters<DataSource['getMetadata']>[0]): string =>
    `"${dataSource.getMetadata(target).tableName}"`;
  const meetings = rowReader(dataSource, MeetingEntity, 'm');
  const items = rowReader(dataSource, AgendaItemEntity, 'i');
  const documents = rowReader(dataSource, ItemDocumentEntity, 'd');
  const [sql] = dataSource.driver.escapeQueryWithParameters(
    `SELECT ${meetings.select}, "c"."name" AS "c_name", ${items.select}, ${documents.select}
     FROM ${table(MeetingEntity)} "m"
     LEFT JOIN ${table(CommitteeEntity)} "c" ON "c"."id" = "m"."committee_id"
     LEFT JOIN ${table(AgendaItemEntity)} "i" ON "i"."meeting_id" = "m"."id"
     LEFT JOIN ${table(ItemDocumentEntity)} "d" ON "d"."agenda_item_id" = "i"."id"
     WHERE "m"."id" = :id
     ORDER BY "i"."position" ASC, "d"."position" ASC`,
    { id: '' },
  );
  return {
    read: async (manager, id) => {
      const rows = (await manager.query(sql, [id])) as Record<string, unknown>[];
      const first = rows[0];
      const meeting = first === undefined ? null : meetings.read(first);
      if (first === undefined || meeting === null) return null;
      const byId = new Map<string, { item: AgendaItemEntity; documents: ItemDocumentEntity[] }>();
      for (const row of rows) {
        const item = items.read(row);
        if (item === null) continue;
        let entry = byId.get(item.id);
        if (entry === undefined) {
          entry = { item, documents: [] };
          byId.set(item.id, entry);
        }
        const document = documents.read(row);
        if (document !== null) entry.documents.push(document);
      }
      return {
        meeting,
        committeeName: typeof first.c_name === 'string' ? first.c_name : '',
        items: [...byId.values()],
      };
    },
  };
};

/** How many meeting answers are kept, and their total size in UTF-16 code units (~32 MB). */
const MEETING_ANSWERS_KEPT = 512;
const MEETING_ANSWERS_MAX_CHARS = 16 * 1024 * 1024;

const SORTABLE = {
  date: 'meeting.date',
  status: 'meeting.status',
  committeeId: 'meeting.committeeId',
};

@Injectable()
export class MeetingsService {
  private reader: MeetingReader | undefined;
  /**
   * `GET /meetings/:id` answers as sent, kept per generation of the meetings area
   * (database/meeting-read-generation.ts: every write of a row an answer shows replaces it
   * before COMMIT), by meeting and by what the caller may read. A repeat is then one read of
   * the token. Bounded by count and by size: a meeting's answer is a few kilobytes to a few
   * hundred.
   */
  private readonly answers = new GenerationPageCache<SerialisedResource>(MEETING_ANSWERS_KEPT, {
    maxSize: MEETING_ANSWERS_MAX_CHARS,
    sizeOf: (answer) => answer.json.length,
  });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly files: FileStore,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  private async committeeNames(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const committees = await manager.find(CommitteeEntity, {
      where: { id: In([...new Set(ids)]) },
      select: { id: true, name: true },
    });
    return new Map(committees.map((c) => [c.id, c.name]));
  }

  /** The meeting as stored now (read again after a write, so its version and updatedAt are the new ones). */
  private async respond(manager: EntityManager, id: string): Promise<MeetingResource> {
    const meeting = await manager.findOneByOrFail(MeetingEntity, { id });
    const names = await this.committeeNames(manager, [meeting.committeeId]);
    return meetingMapper.toResponse(meeting, names.get(meeting.committeeId) ?? '');
  }

  async list(query: MeetingQuery, caller: Caller): Promise<Page<MeetingResource>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager.createQueryBuilder(MeetingEntity, 'meeting');
    onlyVisibleMeetings(builder, 'meeting', caller);
    if (query.committeeId !== undefined)
      builder.andWhere('meeting.committeeId = :committeeId', { committeeId: query.committeeId });
    if (query.from !== undefined)
      builder.andWhere('meeting.date >= :from', { from: localDate(query.from) });
    if (query.to !== undefined)
      builder.andWhere('meeting.date <= :to', { to: localDate(query.to) });
    if (query.status !== undefined)
      builder.andWhere('meeting.status = :status', { status: query.status });
    filterUpdatedSince(builder, query, 'meeting.updatedAt');
    for (const order of parseSort(query.sort, SORTABLE, [
      { column: 'meeting.date', direction: 'DESC' },
      { column: 'meeting.id', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    const names = await this.committeeNames(
      this.dataSource.manager,
      rows.map((m) => m.committeeId),
    );
    return pageOf(
      rows.map((m) => meetingMapper.toResponse(m, names.get(m.committeeId) ?? '')),
      total,
      query,
    );
  }

  /**
   * What the public reads, whoever asks (calendars, feeds, open data): published meetings,
   * `order` by date, at most `limit` from `offset`, optionally of one committee.
   */
  async publicMeetings(options: {
    readonly committeeId?: string;
    readonly limit: number;
    readonly offset?: number;
    readonly order: 'ASC' | 'DESC';
  }): Promise<Page<MeetingResource>> {
    const builder = this.dataSource.manager.createQueryBuilder(MeetingEntity, 'meeting');
    onlyVisibleMeetings(builder, 'meeting', anonymousCaller(null));
    if (options.committeeId !== undefined)
      builder.andWhere('meeting.committeeId = :committeeId', { committeeId: options.committeeId });
    builder.orderBy('meeting.date', options.order).addOrderBy('meeting.id', 'ASC');
    const offset = options.offset ?? 0;
    const [rows, total] = await builder.skip(offset).take(options.limit).getManyAndCount();
    const names = await this.committeeNames(
      this.dataSource.manager,
      rows.map((m) => m.committeeId),
    );
    return {
      items: rows.map((m) => meetingMapper.toResponse(m, names.get(m.committeeId) ?? '')),
      total,
      limit: options.limit,
      offset,
    };
  }

  /**
   * The publications the public saw, newest first, at most `limit`: each agenda published
   * (`agendaPublishedAt`) and each meeting's minutes (`minutesPublishedAt`, when the record
   * started), of published meetings only.
   */
  async publications(options: {
    readonly committeeId?: string;
    readonly limit: number;
  }): Promise<{ kind: 'agenda' | 'minutes'; at: Instant; meeting: MeetingResource }[]> {
    const read = async (column: 'agendaPublishedAt' | 'minutesPublishedAt') => {
      const builder = this.dataSource.manager.createQueryBuilder(MeetingEntity, 'meeting');
      onlyVisibleMeetings(builder, 'meeting', anonymousCaller(null));
      builder.andWhere(`meeting.${column} IS NOT NULL`);
      if (column === 'minutesPublishedAt') builder.andWhere('meeting.minutesStatus IS NOT NULL');
      if (options.committeeId !== undefined)
        builder.andWhere('meeting.committeeId = :committeeId', {
          committeeId: options.committeeId,
        });
      return builder
        .orderBy(`meeting.${column}`, 'DESC')
        .addOrderBy('meeting.id', 'ASC')
        .take(options.limit)
        .getMany();
    };
    const [agendas, minutes] = await Promise.all([
      read('agendaPublishedAt'),
      read('minutesPublishedAt'),
    ]);
    const names = await this.committeeNames(
      this.dataSource.manager,
      [...agendas, ...minutes].map((m) => m.committeeId),
    );
    const response = (m: MeetingEntity) =>
      meetingMapper.toResponse(m, names.get(m.committeeId) ?? '');
    return [
      ...agendas.map((m) => ({
        kind: 'agenda' as const,
        at: m.agendaPublishedAt as Instant,
        meeting: response(m),
      })),
      ...minutes.map((m) => ({
        kind: 'minutes' as const,
        at: m.minutesPublishedAt as Instant,
        meeting: response(m),
      })),
    ]
      .sort((a, b) =>
        a.at === b.at
          ? a.meeting.id.localeCompare(b.meeting.id) || a.kind.localeCompare(b.kind)
          : a.at < b.at
            ? 1
            : -1,
      )
      .slice(0, options.limit);
  }

  /**
   * The meeting's answer as the route sends it (`get`, serialised), kept while the meetings
   * area's token is unchanged. The key holds everything of the caller the answer depends on:
   * whether they may read what is unpublished (an unpublished meeting, a late paper before its
   * supplement) and whether they may read exempt content (agendaItemMapper.toResponse); so the
   * public, officers and members each have their own answer and never see another's. The token
   * is read before the meeting, so an answer read while a write commits is kept under a token
   * that is already dead; one read on SQLite while a write is open is sent but not kept
   * (`readCommitted`).
   */
  async getSerialised(id: string, caller: Caller): Promise<SerialisedResource> {
    const token = await generationToken(this.dataSource, 'meetings');
    const key = JSON.stringify([id, canReadUnpublished(caller), canReadExempt(caller)]);
    const kept = this.answers.get(token, key);
    this.metrics?.recordCacheLookup('meetings', kept !== undefined);
    if (kept !== undefined) return kept;
    const { value, isCommitted } = await readCommitted(this.dataSource, () => this.get(id, caller));
    const answer = new SerialisedResource(JSON.stringify(value), value.version);
    if (isCommitted) this.answers.set(token, key, answer);
    return answer;
  }

  /**
   * One statement: the meeting, its committee's name and its agenda items with their documents,
   * joined and ordered in the database, read by meetingReader above (see docs/benchmarks.md).
   */
  async get(id: string, caller: Caller): Promise<MeetingDetail> {
    this.reader ??= meetingReader(this.dataSource);
    const found = await this.reader.read(this.dataSource.manager, id);
    if (found === null || !(canReadUnpublished(caller) || isPublishedMeeting(found.meeting)))
      throw notFound('meeting', id);
    // The public reads no late paper still waiting for its supplement (items nor documents).
    const items = readablePapers(
      caller,
      found.items.map(({ item, documents }) => ({
        item,
        late: item.late,
        documents: readablePapers(caller, documents),
      })),
    );
    // Attached files' checks: a second query only when a document is a file.
    const shown = await rowsWithChecks(
      this.files,
      this.dataSource.manager,
      items.flatMap(({ documents }) => documents),
    );
    return {
      ...meetingMapper.toResponse(found.meeting, found.committeeName),
      agendaItems: items.map(({ item }) =>
        agendaItemMapper.toResponse(
          item,
          shown.filter((d) => d.agendaItemId === item.id),
          caller,
        ),
      ),
    };
  }

  async create(dto: MeetingInput, caller: Caller): Promise<MeetingResource> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.exists(CommitteeEntity, { where: { id: dto.committeeId } }))) {
        throw new ApiError(
          'RESOURCE.NOT_FOUND',
          `No committee with id ${JSON.stringify(dto.committeeId)}.`,
          [{ path: '$.committeeId', message: 'no such committee' }],
        );
      }
      const id = dto.id ?? randomUUID();
      if (await manager.exists(MeetingEntity, { where: { id } })) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `A meeting with id ${JSON.stringify(id)} already exists.`,
        );
      }
      const entity = meetingMapper.toPersistence(
        {
          id: id as MeetingId,
          committeeId: dto.committeeId as CommitteeId,
          date: dto.date,
          startTime: dto.startTime ?? null,
          venue: dto.venue ?? null,
          status: 'scheduled',
          agendaPublishedAt: null,
        },
        {
          attendance: { kind: 'not-recorded', reason: 'The meeting has not been held yet.' },
          declarations: 'not-recorded',
          minutes: null,
        },
      );
      await manager.insert(MeetingEntity, entity);
      await recordAudit(manager, caller, {
        entity: 'meeting',
        entityId: id,
        action: 'create',
        changes: meetingMapper.toDomain(entity),
      });
      return this.respond(manager, id);
    });
  }

  /** Changes only what differs; a PATCH that changes nothing keeps the version and writes no audit row. */
  async update(
    id: string,
    version: number,
    dto: MeetingPatch,
    caller: Caller,
  ): Promise<MeetingResource> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await loadForChange(manager, MeetingEntity, 'meeting', id, version);
      const changes: Partial<MeetingEntity> = {};
      if (dto.date !== undefined && dto.date !== toDateString(meeting.date))
        changes.date = dto.date;
      if (dto.startTime !== undefined && dto.startTime !== meeting.startTime)
        changes.startTime = dto.startTime;
      if (dto.venue !== undefined && dto.venue !== meeting.venue) changes.venue = dto.venue;
      if (dto.status !== undefined && dto.status !== meeting.status) {
        assertMeetingTransition(meeting.status as MeetingStatus, dto.status);
        changes.status = dto.status;
      }
      if (dto.declarations !== undefined && dto.declarations !== meeting.declarationsKind) {
        if (await manager.exists(DeclarationEntity, { where: { meetingId: id } })) {
          throw new ApiError(
            'RESOURCE.IN_USE',
            'Declarations were made at this meeting; delete them before saying none were made.',
          );
        }
        changes.declarationsKind = dto.declarations;
        changes.declarationsItemNumbers =
          dto.declarations === 'made-unnamed' ? (meeting.declarationsItemNumbers ?? []) : null;
      }
      if (Object.keys(changes).length === 0) return this.respond(manager, id);
      await updateVersioned(manager, MeetingEntity, 'meeting', id, version, changes);
      await recordAudit(manager, caller, {
        entity: 'meeting',
        entityId: id,
        action: 'update',
        changes: diffChanges(meeting, changes),
      });
      return this.respond(manager, id);
    });
  }

  async remove(id: string, version: number, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await loadForChange(manager, MeetingEntity, 'meeting', id, version);
      if (meeting.minutesStatus === 'approved') {
        throw new ApiError(
          'RESOURCE.IN_USE',
          'The meeting has approved minutes, which are the signed record: it cannot be deleted.',
        );
      }
      const document = await readMeetingDocument(manager, id);
      await manager.delete(MeetingEntity, { id });
      // Its items' documents went with it; so do the files no other meeting's documents use.
      await this.files.deleteUnreferenced(manager, meetingFiles(document));
      await recordAudit(manager, caller, {
        entity: 'meeting',
        entityId: id,
        action: 'delete',
        changes: { document },
      });
      await reindexMeeting(manager, id);
    });
  }

  /**
   * Publishes the agenda at `at`, unless `findings` (the pre-publication check, made for `at`)
   * holds an error: then the domain refuses with PUBLICATION.HAS_ERRORS and nothing changes.
   * The warnings are returned and recorded in the audit row.
   */
  async publishAgenda(
    id: string,
    version: number,
    caller: Caller,
    at: Instant,
    findings: readonly PublicationFinding[],
    /**
     * Records the packs as published, in the publishing transaction (after the meeting row says
     * it is published): a failure rolls the publication back.
     */
    recordPacks?: (manager: EntityManager, publishedAt: Instant) => Promise<PackPublication[]>,
  ): Promise<AgendaPublication> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await loadForChange(manager, MeetingEntity, 'meeting', id, version);
      const published = publishAgenda(meetingMapper.toDomain(meeting), at, findings);
      const warnings = findings.filter((finding) => finding.severity === 'warning');
      const publishedAt = published.agendaPublishedAt as NonNullable<
        typeof published.agendaPublishedAt
      >;
      const authority = await this.authorityOf(manager, meeting.committeeId);
      const publication = assessPublication(published.date, publishedAt, authority);
      const changes = { agendaPublishedAt: publishedAt, status: published.status };
      await updateVersioned(manager, MeetingEntity, 'meeting', id, version, changes);
      await recordAudit(manager, caller, {
        entity: 'meeting',
        entityId: id,
        action: 'publish-agenda',
        changes: {
          ...diffChanges(meeting, changes),
          isOnTime: publication.isOnTime,
          warnings: warnings.map((finding) => ({ code: finding.code, where: finding.where })),
        },
      });
      const publications = recordPacks === undefined ? [] : await recordPacks(manager, publishedAt);
      return {
        meeting: await this.respond(manager, id),
        publishedAt,
        ...publication,
        deadline: publication.deadline as LocalDate,
        warnings,
        publications,
      };
    });
  }

  private async authorityOf(manager: EntityManager, committeeId: string): Promise<AuthorityEntity> {
    const committee = await manager.findOneOrFail(CommitteeEntity, { where: { id: committeeId } });
    return manager.findOneOrFail(AuthorityEntity, { where: { id: committee.authorityId } });
  }

  async getAttendance(id: string, caller: Caller): Promise<MeetingAttendance> {
    const meeting = await findVisibleMeeting(this.dataSource.manager, id, caller);
    return { attendance: meeting.attendance as Attendance, version: meeting.version };
  }

  async putAttendance(
    id: string,
    version: number,
    attendance: Attendance,
    caller: Caller,
  ): Promise<MeetingAttendance> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await loadForChange(manager, MeetingEntity, 'meeting', id, version);
      if (JSON.stringify(meeting.attendance) === JSON.stringify(attendance)) {
        return { attendance, version };
      }
      await updateVersioned(manager, MeetingEntity, 'meeting', id, version, { attendance });
      await recordAudit(manager, caller, {
        entity: 'meeting',
        entityId: id,
        action: 'update-attendance',
        changes: diffChanges({ attendance: meeting.attendance }, { attendance }),
      });
      return { attendance, version: version + 1 };
    });
  }

  /** The whole meeting as a document (exempt content included: only roles that read it may export). */
  async exportDocument(id: string): Promise<MeetingDocument> {
    const document = await readMeetingDocument(this.dataSource.manager, id);
    if (document === null) throw notFound('meeting', id);
    // Each attached file with the checks stored with it: the export shows them, and the data set
    // and the publication check read them.
    return meetingWithChecks(this.files, this.dataSource.manager, document);
  }
}
