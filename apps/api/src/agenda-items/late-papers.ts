import {
  type AgendaItem,
  type Instant,
  type ItemDocument,
  type LatePaper,
  lateOnAdding,
  lateOnChange,
  type Meeting,
} from '@scrutineer/domain';
import { canonical } from './agenda-item.mapper.js';

/**
 * The domain's late-paper rules (`lateOnAdding`, `lateOnChange`) applied to what a write sends,
 * before anything is written: a refusal is a DomainError (LATE_PAPER.*, 400/409) and the write's
 * transaction stores nothing. No rule is decided here, only which paper each one is asked about.
 */

type Published = Pick<Meeting, 'agendaPublishedAt'>;

/**
 * The documents of an item being added or changed: each added now is late when the agenda is
 * published, unless its item is itself late (its documents come with it, as `latePapers` reads
 * them) and then it carries no `late` of its own.
 */
const documentOnAdding = (
  meeting: Published,
  document: ItemDocument,
  itemLate: LatePaper | null,
  at: Instant,
): ItemDocument => {
  const { late, ...rest } = document;
  const resolved = itemLate === null ? lateOnAdding(meeting, late, at, 'document') : null;
  return resolved === null ? rest : { ...rest, late: resolved };
};

const withLate = <T extends { readonly late?: LatePaper | null | undefined }>(
  paper: T,
  late: LatePaper | null,
): T => {
  const { late: _sent, ...rest } = paper;
  return (late === null ? rest : { ...rest, late }) as T;
};

/** An item added at `at` (POST), its `late` and its documents' as they are to be stored. */
export const itemOnAdding = (meeting: Published, item: AgendaItem, at: Instant): AgendaItem => {
  const late = lateOnAdding(meeting, item.late, at, 'item');
  return withLate(
    {
      ...item,
      documents: item.documents.map((document) => documentOnAdding(meeting, document, late, at)),
    },
    late,
  );
};

/** The document a stored one becomes: the same content, else the same title, else the same place. */
const matchStored = (
  documents: readonly ItemDocument[],
  stored: readonly ItemDocument[],
): (ItemDocument | null)[] => {
  const free = new Set(stored.map((_, index) => index));
  const key = (document: ItemDocument): string => canonical(withLate(document, null));
  const take = (found: number): ItemDocument | null => {
    if (found < 0) return null;
    free.delete(found);
    return stored[found] ?? null;
  };
  const byContent = documents.map((document) =>
    take(stored.findIndex((s, index) => free.has(index) && key(s) === key(document))),
  );
  const byTitle = documents.map((document, i) =>
    byContent[i] !== null
      ? byContent[i]
      : take(stored.findIndex((s, index) => free.has(index) && s.title === document.title)),
  );
  return documents.map((_, i) => byTitle[i] ?? (free.has(i) ? take(i) : null));
};

/**
 * An item replaced (PUT): its stored `late` kept (the reason may be corrected until a supplement
 * published it), each document that was stored keeps its own, and each new one is judged as added
 * at `at`.
 */
export const itemOnChange = (
  meeting: Published,
  stored: AgendaItem,
  item: AgendaItem,
  at: Instant,
): AgendaItem => {
  const late = lateOnChange(stored.late, item.late, 'item');
  const matched = matchStored(item.documents, stored.documents);
  return withLate(
    {
      ...item,
      documents: item.documents.map((document, index) => {
        const before = matched[index] ?? null;
        return before === null
          ? documentOnAdding(meeting, document, late, at)
          : withLate(document, lateOnChange(before.late, document.late, 'document'));
      }),
    },
    late,
  );
};

/** A document uploaded on its own (POST …/documents): late as its item and the agenda say. */
export const uploadOnAdding = (
  meeting: Published,
  itemLate: LatePaper | null | undefined,
  document: ItemDocument,
  at: Instant,
): ItemDocument => documentOnAdding(meeting, document, itemLate ?? null, at);

/** A document replaced by an upload (PUT …/documents/{docId}): its stored `late` kept. */
export const uploadOnChange = (stored: ItemDocument, document: ItemDocument): ItemDocument =>
  withLate(document, lateOnChange(stored.late, document.late, 'document'));
