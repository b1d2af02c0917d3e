import { randomUUID } from 'node:crypto';
import type {
  AgendaItem,
  AgendaItemDocument,
  AgendaItemKind,
  AgendaItemResource,
  ItemDocument,
  LocalTime,
  MeetingId,
  OfficerContact,
  Recommendations,
} from '@scrutineer/domain';
import { isWithheld, withholdAgendaItem, withholdItemDocument } from '@scrutineer/domain';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { exemptionFromColumns, exemptionToColumns } from '../common/exemption-columns.js';
import { contentWithoutChecks } from '../files/file-checks.js';
import { AgendaItemEntity } from './agenda-item.entity.js';
import { ItemDocumentEntity } from './item-document.entity.js';

/** JSON with its keys sorted, so two values that hold the same facts compare equal. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** The SHA-256 of the file a document is, or null for a document of another kind. */
export const fileOf = (document: ItemDocument): string | null =>
  document.content.kind === 'file' ? document.content.file.sha256 : null;

export const documentToDomain = (entity: ItemDocumentEntity): ItemDocument => ({
  title: entity.title,
  role: entity.role as ItemDocument['role'],
  exemption: exemptionFromColumns(entity),
  content: entity.content as ItemDocument['content'],
  // Stored null is the same as absent: a paper on the published agenda is exported as it came.
  ...(entity.late === null || entity.late === undefined ? {} : { late: entity.late }),
});

export const toDomain = (
  entity: AgendaItemEntity,
  documents: readonly ItemDocumentEntity[],
): AgendaItem => ({
  number: entity.number,
  order: entity.position,
  kind: entity.kind as AgendaItemKind,
  title: entity.title,
  // Stored null is the same as absent: a document that gave no time is exported as it came.
  ...(entity.scheduledTime === null ? {} : { scheduledTime: entity.scheduledTime as LocalTime }),
  summary: entity.summary,
  recommendations: entity.recommendations as Recommendations | null,
  reportOf: entity.reportOf,
  contacts: entity.contacts as OfficerContact[],
  exemption: exemptionFromColumns(entity),
  documents: [...documents].sort((a, b) => a.position - b.position).map(documentToDomain),
  ...(entity.consideredOrder === null ? {} : { consideredOrder: entity.consideredOrder }),
  ...(entity.covers === null ? {} : { covers: [...entity.covers] }),
  ...(entity.late === null || entity.late === undefined ? {} : { late: entity.late }),
});

/**
 * The item with its optional fields left out when unset: a GET answers `scheduledTime: null`,
 * `consideredOrder: null`, `late: null` (item and documents) and `covers: []`, which mean the same as absent, so a body read and sent
 * back compares equal to what is stored.
 */
export const withoutUnsetFields = (item: AgendaItem): AgendaItem => {
  const { scheduledTime, consideredOrder, covers, late, ...rest } = item;
  return {
    ...rest,
    documents: rest.documents.map(({ late: documentLate, ...document }) => ({
      ...document,
      ...(documentLate === undefined || documentLate === null ? {} : { late: documentLate }),
    })),
    ...(late === undefined || late === null ? {} : { late }),
    ...(scheduledTime === undefined || scheduledTime === null ? {} : { scheduledTime }),
    ...(consideredOrder === undefined || consideredOrder === null ? {} : { consideredOrder }),
    ...(covers === undefined || covers.length === 0 ? {} : { covers }),
  };
};

/** A document's row (its id kept when given). */
export const documentToPersistence = (
  document: ItemDocument,
  agendaItemId: string,
  position: number,
  id: string = randomUUID(),
): ItemDocumentEntity =>
  Object.assign(new ItemDocumentEntity(), {
    id,
    agendaItemId,
    position,
    title: document.title,
    role: document.role,
    ...exemptionToColumns(document.exemption),
    fileSha256: fileOf(document),
    // A file's checks are stored with the file (`stored_files`), never with the document.
    content: contentWithoutChecks(document.content),
    late: document.late ?? null,
  });

/**
 * The ids for an item's documents when it is written again: a document equal to one the item had
 * keeps that one's id (so `/documents/{docId}` stays the same across a PUT of the item that
 * leaves it alone); any other gets a new id.
 */
const documentIds = (
  documents: readonly ItemDocument[],
  existing: readonly ItemDocumentEntity[],
): string[] => {
  const free = new Map<string, string[]>();
  for (const row of [...existing].sort((a, b) => a.position - b.position)) {
    const key = canonical(documentToDomain(row));
    free.set(key, [...(free.get(key) ?? []), row.id]);
  }
  return documents.map((document) => free.get(canonical(document))?.shift() ?? randomUUID());
};

/** The rows for an item: the item and its documents, in order. */
export const toPersistence = (
  item: AgendaItem,
  meetingId: string,
  id: string = randomUUID(),
  version = 1,
  existing: readonly ItemDocumentEntity[] = [],
): { item: AgendaItemEntity; documents: ItemDocumentEntity[] } => ({
  item: Object.assign(new AgendaItemEntity(), {
    id,
    meetingId,
    position: item.order,
    number: item.number,
    kind: item.kind,
    title: item.title,
    scheduledTime: item.scheduledTime ?? null,
    summary: item.summary,
    recommendations: item.recommendations,
    reportOf: [...item.reportOf],
    contacts: [...item.contacts],
    ...exemptionToColumns(item.exemption),
    consideredOrder: item.consideredOrder ?? null,
    covers: item.covers === undefined ? null : [...item.covers],
    late: item.late ?? null,
    version,
  }),
  documents: ((ids) =>
    item.documents.map((document, index) =>
      documentToPersistence(document, id, index + 1, ids[index]),
    ))(documentIds(item.documents, existing)),
});

export const documentToResponse = (
  id: string,
  document: ItemDocument,
  mayReadExempt: boolean,
): AgendaItemDocument => {
  const seen = withholdItemDocument(document, mayReadExempt);
  const withheld = isWithheld(document, mayReadExempt);
  return {
    id,
    title: seen.title,
    role: seen.role,
    exemption: seen.exemption,
    content: withheld ? null : seen.content,
    late: seen.late ?? null,
    isWithheld: withheld,
  };
};

/**
 * The item as the caller may see it (the domain's `withholdAgendaItem`): of an exempt item, a
 * caller who may not read exempt content gets the number, title and paragraph only; of an
 * exempt document, its title and paragraph.
 */
export const toResponse = (
  entity: AgendaItemEntity,
  documents: readonly ItemDocumentEntity[],
  caller: Caller,
): AgendaItemResource => {
  const mayReadExempt = canReadExempt(caller);
  const item = toDomain(entity, documents);
  const ids = [...documents].sort((a, b) => a.position - b.position).map((d) => d.id);
  const seen = withholdAgendaItem(item, mayReadExempt);
  return {
    id: entity.id,
    meetingId: entity.meetingId as MeetingId,
    number: seen.number,
    order: seen.order,
    kind: seen.kind,
    title: seen.title,
    scheduledTime: seen.scheduledTime ?? null,
    exemption: seen.exemption,
    summary: seen.summary,
    recommendations: seen.recommendations,
    reportOf: [...seen.reportOf],
    contacts: [...seen.contacts],
    documents: seen.documents.map((document, index) =>
      documentToResponse(ids[index] ?? '', document, mayReadExempt),
    ),
    consideredOrder: seen.consideredOrder ?? null,
    covers: [...(seen.covers ?? [])],
    late: seen.late ?? null,
    isWithheld: isWithheld(item, mayReadExempt),
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
};
