import type { AttachmentChecks, ItemDocument, MeetingDocument } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import type { FileStore } from './file-store.js';

/**
 * The pre-flight of attached files (`AttachedFile.checks`) lives in one place, the file's row in
 * `stored_files`: a document's stored content never holds it (the mapper leaves it out, and a
 * request's copy is dropped as read-only), and every answer that shows a file reads it from
 * there. A file stored before files were checked has none: it shows as null ("not checked").
 */
type Content = ItemDocument['content'];

/** `content` with the file's checks as stored (null when none are); other content as it is. */
export const contentWithChecks = (
  content: Content,
  checks: ReadonlyMap<string, AttachmentChecks | null>,
): Content =>
  content.kind === 'file'
    ? { ...content, file: { ...content.file, checks: checks.get(content.file.sha256) ?? null } }
    : content;

/** `content` without any checks (what is written to `item_documents`). */
export const contentWithoutChecks = (content: Content): Content => {
  if (content.kind !== 'file' || !('checks' in content.file)) return content;
  const { checks: _checks, ...file } = content.file;
  return { ...content, file };
};

const shasOf = (contents: readonly (Content | null)[]): string[] =>
  contents.flatMap((content) => (content?.kind === 'file' ? [content.file.sha256] : []));

/** The stored checks of these files (one query, none when no document is a file). */
export const readChecks = async (
  store: FileStore,
  manager: EntityManager,
  contents: readonly (Content | null)[],
): Promise<Map<string, AttachmentChecks | null>> => {
  const shas = shasOf(contents);
  if (shas.length === 0) return new Map();
  const facts = await store.has(manager, shas);
  return new Map([...facts].map(([sha, fact]) => [sha, fact.checks]));
};

/**
 * Copies of the rows (`item_documents`), each file's content carrying its checks: for answers only, never written
 * back or compared with a body (a body's checks are dropped).
 */
export const rowsWithChecks = async <Row extends { readonly content: object | null }>(
  store: FileStore,
  manager: EntityManager,
  rows: readonly Row[],
): Promise<Row[]> => {
  const contents = rows.map((row) => row.content as Content | null);
  const checks = await readChecks(store, manager, contents);
  if (checks.size === 0) return [...rows];
  return rows.map((row) =>
    row.content === null
      ? row
      : Object.assign(Object.create(Object.getPrototypeOf(row) as object) as Row, {
          ...row,
          content: contentWithChecks(row.content as Content, checks),
        }),
  );
};

/** The meeting document with each attached file's checks (the export, the data set, the check). */
export const meetingWithChecks = async (
  store: FileStore,
  manager: EntityManager,
  document: MeetingDocument,
): Promise<MeetingDocument> => {
  const checks = await readChecks(
    store,
    manager,
    document.agendaItems.flatMap((item) => item.documents.map((d) => d.content)),
  );
  if (checks.size === 0) return document;
  return {
    ...document,
    agendaItems: document.agendaItems.map((item) => ({
      ...item,
      documents: item.documents.map((d) => ({
        ...d,
        content: contentWithChecks(d.content, checks),
      })),
    })),
  };
};
