import type { DataSource, EntityManager } from 'typeorm';
import { AgendaItemEntity } from '../agenda-items/agenda-item.entity.js';
import { ItemDocumentEntity } from '../agenda-items/item-document.entity.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import { rowReader } from '../database/row-reader.js';
import { MeetingEntity } from './meeting.entity.js';

export type MeetingWithAgenda = {
  readonly meeting: MeetingEntity;
  readonly committeeName: string;
  readonly items: readonly {
    readonly item: AgendaItemEntity;
    readonly documents: readonly ItemDocumentEntity[];
  }[];
};

export type MeetingReader = {
  readonly read: (manager: EntityManager, id: string) => Promise<MeetingWithAgenda | null>;
};

/**
 * `GET /meetings/:id` in one statement: the meeting LEFT JOIN its committee (for the name) LEFT
 * JOIN its agenda items LEFT JOIN their documents, in agenda then document order; one round trip
 * and one pool checkout on PostgreSQL where it used to be two, and no query-builder work per
 * request (the SQL is built once). Rows are grouped back into the meeting, its items and each
 * item's documents here.
 */
export const meetingReader = (dataSource: DataSource): MeetingReader => {
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
