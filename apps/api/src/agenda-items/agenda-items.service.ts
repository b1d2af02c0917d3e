import { Inject, Injectable } from '@nestjs/common';
import type {
  AgendaItem,
  AgendaItemInput,
  AgendaItemQuery,
  AgendaItemResource,
  ItemDocument,
  MeetingAgendaQuery,
} from '@scrutineer/domain';
import { exclusionCoverProblems, instant } from '@scrutineer/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { diffChanges, recordAudit } from '../audit/audit.js';
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
import { rowsWithChecks } from '../files/file-checks.js';
import { assertFilesStored } from '../files/file-references.js';
import { FILE_STORE, type FileStore } from '../files/file-store.js';
import { findVisibleMeeting, onlyVisibleMeetings } from '../meetings/meeting-access.js';
import { assertItemExemptionsFit } from '../meetings/exemption-region.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import * as meetingMapper from '../meetings/meeting.mapper.js';
import { AgendaItemEntity } from './agenda-item.entity.js';
import * as mapper from './agenda-item.mapper.js';
import { ItemDocumentEntity } from './item-document.entity.js';
import { itemOnAdding, itemOnChange } from './late-papers.js';
import { mayReadPaper, onlyReadableItems, readablePapers } from './paper-access.js';
import { reindexMeeting } from '../search/search-index.js';

const SORTABLE = { order: 'item.position', number: 'item.number', kind: 'item.kind' };

const { canonical } = mapper;

/** The files documents' rows name (to delete those no document names after a write). */
export const filesOf = (rows: readonly ItemDocumentEntity[]): string[] =>
  rows.flatMap((row) => (row.fileSha256 === null ? [] : [row.fileSha256]));

/**
 * The domain's AgendaItem from a body (an AgendaItem, or a resource read before: the server's
 * fields are already stripped). A document's content withheld from the reader cannot be written back.
 */
const toItem = (body: AgendaItemInput): AgendaItem => {
  const withheld = body.documents.flatMap((document, index) =>
    document.content === null
      ? [
          {
            path: `$.documents[${index}].content`,
            message: 'is withheld (null): send the document’s content to write it',
          },
        ]
      : [],
  );
  if (withheld.length > 0) {
    throw new ApiError(
      'REQUEST.INVALID',
      'A document’s content is null (withheld from the reader); send its content.',
      withheld,
    );
  }
  return mapper.withoutUnsetFields({
    ...body,
    documents: body.documents as readonly ItemDocument[],
  });
};

@Injectable()
export class AgendaItemsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  /** 400 when a document that is a file names one the store does not hold (as uploaded). */
  private assertFiles(manager: EntityManager, item: AgendaItem): Promise<void> {
    return assertFilesStored(
      this.files,
      manager,
      item.documents.map((document, index) => ({ path: `$.documents[${index}]`, document })),
    );
  }

  private async withDocuments(
    manager: EntityManager,
    items: readonly AgendaItemEntity[],
    caller: Caller,
  ): Promise<AgendaItemResource[]> {
    const documents =
      items.length === 0
        ? []
        : await manager.find(ItemDocumentEntity, {
            where: { agendaItemId: In(items.map((i) => i.id)) },
          });
    // A late document still waiting for its supplement is not the public's to read.
    const shown = await rowsWithChecks(this.files, manager, readablePapers(caller, documents));
    return items.map((item) =>
      mapper.toResponse(
        item,
        shown.filter((d) => d.agendaItemId === item.id),
        caller,
      ),
    );
  }

  async list(query: AgendaItemQuery, caller: Caller): Promise<Page<AgendaItemResource>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.manager
      .createQueryBuilder(AgendaItemEntity, 'item')
      .innerJoin(MeetingEntity, 'meeting', 'meeting.id = item.meetingId');
    onlyVisibleMeetings(builder, 'meeting', caller);
    await onlyReadableItems(this.dataSource.manager, builder, 'item', caller, query.meetingId);
    if (query.meetingId !== undefined)
      builder.andWhere('item.meetingId = :meetingId', { meetingId: query.meetingId });
    if (query.kind !== undefined) builder.andWhere('item.kind = :kind', { kind: query.kind });
    if (query.exempt === true) builder.andWhere('item.exemptParagraph IS NOT NULL');
    if (query.exempt === false) builder.andWhere('item.exemptParagraph IS NULL');
    filterUpdatedSince(builder, query, 'item.updatedAt');
    for (const order of parseSort(query.sort, SORTABLE, [
      { column: 'meeting.date', direction: 'DESC' },
      { column: 'item.meetingId', direction: 'ASC' },
      { column: 'item.position', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.offset(offset).limit(limit).getManyAndCount();
    return pageOf(await this.withDocuments(this.dataSource.manager, rows, caller), total, query);
  }

  /** A meeting's agenda, in published order unless sorted otherwise. */
  async listForMeeting(
    meetingId: string,
    query: MeetingAgendaQuery,
    caller: Caller,
  ): Promise<Page<AgendaItemResource>> {
    const { limit, offset } = pageWindow(query);
    await findVisibleMeeting(this.dataSource.manager, meetingId, caller);
    const builder = this.dataSource.manager
      .createQueryBuilder(AgendaItemEntity, 'item')
      .where('item.meetingId = :meetingId', { meetingId });
    await onlyReadableItems(this.dataSource.manager, builder, 'item', caller, meetingId);
    filterUpdatedSince(builder, query, 'item.updatedAt');
    for (const order of parseSort(query.sort, SORTABLE, [
      { column: 'item.position', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.offset(offset).limit(limit).getManyAndCount();
    return pageOf(await this.withDocuments(this.dataSource.manager, rows, caller), total, query);
  }

  async get(id: string, caller: Caller): Promise<AgendaItemResource> {
    const item = await this.dataSource.manager.findOne(AgendaItemEntity, { where: { id } });
    // A late item still waiting for its supplement is 404 to the public, as if it did not exist.
    if (item === null || !mayReadPaper(caller, item)) throw notFound('agenda item', id);
    await findVisibleMeeting(this.dataSource.manager, item.meetingId, caller).catch(() => {
      throw notFound('agenda item', id);
    });
    const [response] = await this.withDocuments(this.dataSource.manager, [item], caller);
    return response as AgendaItemResource;
  }

  /** The item as stored now (read again after a write: its version and updatedAt are the new ones). */
  private async respond(
    manager: EntityManager,
    id: string,
    caller: Caller,
  ): Promise<AgendaItemResource> {
    const item = await manager.findOneByOrFail(AgendaItemEntity, { id });
    const [response] = await this.withDocuments(manager, [item], caller);
    return response as AgendaItemResource;
  }

  private async assertNumberFree(
    manager: EntityManager,
    meetingId: string,
    number: string,
    exceptId?: string,
  ): Promise<void> {
    const clash = await manager.findOne(AgendaItemEntity, { where: { meetingId, number } });
    if (clash !== null && clash.id !== exceptId) {
      throw new ApiError(
        'RESOURCE.ALREADY_EXISTS',
        `The agenda already has an item numbered ${number}.`,
        [{ path: '$.number', message: `item ${number} already exists` }],
      );
    }
  }

  /** Positions run 1..n without gaps: the new order is clamped into that range. */
  private async placeAt(
    manager: EntityManager,
    meetingId: string,
    requested: number,
    excludingId?: string,
  ): Promise<number> {
    const count = await manager.count(AgendaItemEntity, { where: { meetingId } });
    const last = excludingId === undefined ? count + 1 : count;
    const position = Math.min(Math.max(requested, 1), last);
    await manager
      .createQueryBuilder()
      .update(AgendaItemEntity)
      .set({ position: () => 'position + 1' })
      .where('meeting_id = :meetingId AND position >= :position', { meetingId, position })
      .execute();
    return position;
  }

  private async closeGap(
    manager: EntityManager,
    meetingId: string,
    position: number,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AgendaItemEntity)
      .set({ position: () => 'position - 1' })
      .where('meeting_id = :meetingId AND position > :position', { meetingId, position })
      .execute();
  }

  /** 400 when an exclusion item covers items the meeting's agenda lacks or that are not exempt. */
  private async assertCovers(
    manager: EntityManager,
    meetingId: string,
    item: AgendaItem,
    exceptId?: string,
  ): Promise<void> {
    if ((item.covers ?? []).length === 0) return;
    const others = (await manager.find(AgendaItemEntity, { where: { meetingId } }))
      .filter((row) => row.id !== exceptId)
      .map((row) => mapper.toDomain(row, []));
    const at = `$[${others.length}]`;
    const problems = exclusionCoverProblems([...others, item], [])
      .filter((p) => p.path.startsWith(at))
      .map((p) => ({ path: `$${p.path.slice(at.length)}`, message: p.message, code: p.code }));
    if (problems.length > 0)
      throw new ApiError(
        'REQUEST.INVALID',
        'An exclusion of the public covers only exempt items the agenda has.',
        problems,
      );
  }

  async create(
    meetingId: string,
    body: AgendaItemInput,
    caller: Caller,
  ): Promise<AgendaItemResource> {
    const sent = toItem(body);
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId } });
      if (meeting === null) throw notFound('meeting', meetingId);
      await assertItemExemptionsFit(manager, meetingId, sent);
      await this.assertFiles(manager, sent);
      await this.assertNumberFree(manager, meetingId, sent.number);
      await this.assertCovers(manager, meetingId, sent);
      // After the agenda's publication it is a late paper: the chair's reason, or 400.
      const item = itemOnAdding(
        meetingMapper.toDomain(meeting),
        sent,
        instant(new Date().toISOString()),
      );
      const position = await this.placeAt(manager, meetingId, item.order);
      const rows = mapper.toPersistence({ ...item, order: position }, meetingId);
      await manager.insert(AgendaItemEntity, rows.item);
      if (rows.documents.length > 0) await manager.insert(ItemDocumentEntity, rows.documents);
      await recordAudit(manager, caller, {
        entity: 'agenda-item',
        entityId: rows.item.id,
        action: 'create',
        changes: { meetingId, ...item },
      });
      await reindexMeeting(manager, meetingId);
      return this.respond(manager, rows.item.id, caller);
    });
  }

  async replace(
    id: string,
    version: number,
    body: AgendaItemInput,
    caller: Caller,
  ): Promise<AgendaItemResource> {
    const sent = toItem(body);
    return this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, AgendaItemEntity, 'agenda item', id, version);
      const existing = await manager.find(ItemDocumentEntity, { where: { agendaItemId: id } });
      const before = mapper.toDomain(current, existing);
      const meeting = await manager.findOneByOrFail(MeetingEntity, { id: current.meetingId });
      // What the body is checked for first; then the late-paper rules.
      await assertItemExemptionsFit(manager, current.meetingId, sent);
      await this.assertFiles(manager, sent);
      await this.assertNumberFree(manager, current.meetingId, sent.number, id);
      await this.assertCovers(manager, current.meetingId, sent, id);
      // The stored late papers keep their server fields; a new document may be a late one.
      const item = mapper.withoutUnsetFields(
        itemOnChange(
          meetingMapper.toDomain(meeting),
          before,
          sent,
          instant(new Date().toISOString()),
        ),
      );
      // A PUT that changes nothing keeps the version and writes no audit row.
      if (canonical(mapper.withoutUnsetFields(before)) === canonical(item))
        return this.respond(manager, id, caller);
      // Take the item out of the order, then put it back where asked.
      await manager.update(AgendaItemEntity, { id }, { position: 0 });
      await this.closeGap(manager, current.meetingId, current.position);
      const position = await this.placeAt(manager, current.meetingId, item.order, id);
      const rows = mapper.toPersistence(
        { ...item, order: position },
        current.meetingId,
        id,
        version + 1,
        existing,
      );
      const { id: _id, version: _version, ...fields } = rows.item;
      await updateVersioned(manager, AgendaItemEntity, 'agenda item', id, version, fields);
      await manager.delete(ItemDocumentEntity, { agendaItemId: id });
      if (rows.documents.length > 0) await manager.insert(ItemDocumentEntity, rows.documents);
      await this.files.deleteUnreferenced(manager, filesOf(existing));
      await recordAudit(manager, caller, {
        entity: 'agenda-item',
        entityId: id,
        action: 'update',
        changes: diffChanges(before, { ...item, order: position }),
      });
      await reindexMeeting(manager, current.meetingId);
      return this.respond(manager, id, caller);
    });
  }

  async remove(id: string, version: number, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await loadForChange(manager, AgendaItemEntity, 'agenda item', id, version);
      const existing = await manager.find(ItemDocumentEntity, { where: { agendaItemId: id } });
      const before = mapper.toDomain(current, existing);
      await manager.delete(AgendaItemEntity, { id });
      await this.closeGap(manager, current.meetingId, current.position);
      await this.files.deleteUnreferenced(manager, filesOf(existing));
      await recordAudit(manager, caller, {
        entity: 'agenda-item',
        entityId: id,
        action: 'delete',
        changes: { meetingId: current.meetingId, ...before },
      });
      await reindexMeeting(manager, current.meetingId);
    });
  }
}
