import {
  DOCUMENT_SCHEMA_VERSION,
  type Declarations,
  type MeetingDocument,
  type MinutesOfMeeting,
  type LocalDate,
  type LocalTime,
} from '@scrutineer/domain';
import { type EntityManager, In } from 'typeorm';
import { ActionEntity } from '../actions/action.entity.js';
import { AgendaItemEntity } from '../agenda-items/agenda-item.entity.js';
import * as agendaItemMapper from '../agenda-items/agenda-item.mapper.js';
import { ItemDocumentEntity } from '../agenda-items/item-document.entity.js';
import { toDateString } from '../common/values.js';
import { DeclarationEntity } from '../declarations/declaration.entity.js';
import * as declarationMapper from '../declarations/declaration.mapper.js';
import { MinuteEntity } from '../minutes/minute.entity.js';
import * as minuteMapper from '../minutes/minute.mapper.js';
import { MotionEntity } from '../minutes/motion.entity.js';
import { ResolutionEntity } from '../resolutions/resolution.entity.js';
import { MeetingEntity } from './meeting.entity.js';
import * as meetingMapper from './meeting.mapper.js';

/**
 * Runs reads side by side on the pool, or one after another on a transaction's one connection:
 * pg refuses (from pg 9; a deprecation warning now) a query sent while its client runs another.
 */
const readAll = async <T extends readonly unknown[]>(
  manager: EntityManager,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> => {
  if (manager.queryRunner === undefined)
    return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
};

/** Inserts in chunks so a large meeting stays under SQLite's bound-parameter limit. */
const insertAll = async <T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: readonly T[],
): Promise<void> => {
  for (let start = 0; start < rows.length; start += 200) {
    await manager.insert(target, rows.slice(start, start + 200) as never);
  }
};

/** Writes a whole, already validated meeting document. Run it inside a transaction. */
export const writeMeetingDocument = async (
  manager: EntityManager,
  document: MeetingDocument,
): Promise<void> => {
  const meetingId = document.meeting.id;
  const minutes = document.minutes;
  await manager.insert(
    MeetingEntity,
    meetingMapper.toPersistence(document.meeting, {
      attendance: document.attendance,
      declarations: document.declarations.kind,
      ...(document.declarations.kind === 'made-unnamed'
        ? { declarationItemNumbers: document.declarations.itemNumbers }
        : {}),
      minutes:
        minutes === null
          ? null
          : { status: minutes.status, approvedOn: minutes.approvedOn, closedAt: minutes.closedAt },
    }),
  );
  const items = document.agendaItems.map((item) => agendaItemMapper.toPersistence(item, meetingId));
  await insertAll(
    manager,
    AgendaItemEntity,
    items.map((rows) => rows.item),
  );
  await insertAll(
    manager,
    ItemDocumentEntity,
    items.flatMap((rows) => rows.documents),
  );
  if (document.declarations.kind === 'made') {
    await insertAll(
      manager,
      DeclarationEntity,
      document.declarations.declarations.map((declaration, index) =>
        declarationMapper.toPersistence(declaration, meetingId, index + 1),
      ),
    );
  }
  const minuteRows = (minutes?.minutes ?? []).map((minute, index) =>
    minuteMapper.toPersistence(minute, meetingId, index + 1),
  );
  await insertAll(
    manager,
    MinuteEntity,
    minuteRows.map((rows) => rows.minute),
  );
  await insertAll(
    manager,
    MotionEntity,
    minuteRows.flatMap((rows) => rows.motions),
  );
  await insertAll(
    manager,
    ActionEntity,
    minuteRows.flatMap((rows) => rows.actions),
  );
  await insertAll(
    manager,
    ResolutionEntity,
    minuteRows.flatMap((rows) => (rows.resolution === null ? [] : [rows.resolution])),
  );
};

/** Loads a meeting's minutes rows (minutes with their motions, actions and resolutions), in written order. */
export const loadMinuteRows = async (
  manager: EntityManager,
  minutes: readonly MinuteEntity[],
): Promise<minuteMapper.MinuteRows[]> => {
  if (minutes.length === 0) return [];
  const ids = minutes.map((m) => m.id);
  const [motions, actions, resolutions] = await readAll(manager, [
    () => manager.find(MotionEntity, { where: { minuteId: In(ids) } }),
    () => manager.find(ActionEntity, { where: { minuteId: In(ids) } }),
    () => manager.find(ResolutionEntity, { where: { minuteId: In(ids) } }),
  ] as const);
  return [...minutes]
    .sort((a, b) => a.position - b.position)
    .map((minute) => ({
      minute,
      motions: motions.filter((m) => m.minuteId === minute.id),
      actions: actions.filter((a) => a.minuteId === minute.id),
      resolution: resolutions.find((r) => r.minuteId === minute.id) ?? null,
    }));
};

/** Reads a meeting back as the document it was imported from (null when there is no such meeting). */
export const readMeetingDocument = async (
  manager: EntityManager,
  meetingId: string,
): Promise<MeetingDocument | null> => {
  const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId } });
  if (meeting === null) return null;
  const [items, declarations, minutes] = await readAll(manager, [
    () => manager.find(AgendaItemEntity, { where: { meetingId }, order: { position: 'ASC' } }),
    () => manager.find(DeclarationEntity, { where: { meetingId }, order: { position: 'ASC' } }),
    () => manager.find(MinuteEntity, { where: { meetingId }, order: { position: 'ASC' } }),
  ] as const);
  const documents =
    items.length === 0
      ? []
      : await manager.find(ItemDocumentEntity, {
          where: { agendaItemId: In(items.map((i) => i.id)) },
        });
  const declared: Declarations =
    declarations.length > 0
      ? { kind: 'made', declarations: declarations.map(declarationMapper.toDomain) }
      : meeting.declarationsKind === 'none-made'
        ? { kind: 'none-made' }
        : meeting.declarationsKind === 'made-unnamed'
          ? { kind: 'made-unnamed', itemNumbers: meeting.declarationsItemNumbers ?? [] }
          : { kind: 'not-recorded' };
  const minutesOfMeeting: MinutesOfMeeting | null =
    meeting.minutesStatus === null
      ? null
      : {
          status: meeting.minutesStatus as MinutesOfMeeting['status'],
          approvedOn: toDateString(meeting.minutesApprovedOn) as LocalDate | null,
          closedAt: meeting.minutesClosedAt as LocalTime | null,
          minutes: (await loadMinuteRows(manager, minutes)).map(minuteMapper.toDomain),
        };
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    meeting: meetingMapper.toDomain(meeting),
    attendance: meeting.attendance as MeetingDocument['attendance'],
    agendaItems: items.map((item) =>
      agendaItemMapper.toDomain(
        item,
        documents.filter((d) => d.agendaItemId === item.id),
      ),
    ),
    declarations: declared,
    minutes: minutesOfMeeting,
  };
};

/** Every meeting's id (the search index's rebuild), in the caller's transaction. */
export const readMeetingIds = async (manager: EntityManager): Promise<string[]> =>
  (await manager.find(MeetingEntity, { select: { id: true }, order: { id: 'ASC' } })).map(
    (meeting) => meeting.id,
  );
