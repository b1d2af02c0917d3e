import type { ItemDocument, MeetingDocument } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import { ApiError, type FieldProblem } from '../common/problem.js';
import type { FileStore } from './file-store.js';

/** A document of a body, at its JSON path (`$.documents[2]`). */
export type DocumentAt = { readonly path: string; readonly document: ItemDocument };

/**
 * 400 `FILE.NOT_STORED` unless every document that is a file names one the store holds, with the
 * same media type, size and pages: a body (an item's PUT, an imported meeting) may carry file
 * documents as read before, but cannot invent one. Its bytes are uploaded first.
 */
export const assertFilesStored = async (
  store: FileStore,
  manager: EntityManager,
  documents: readonly DocumentAt[],
): Promise<void> => {
  const files = documents.flatMap(({ path, document }) =>
    document.content.kind === 'file' ? [{ path, file: document.content.file }] : [],
  );
  if (files.length === 0) return;
  const stored = await store.has(
    manager,
    files.map(({ file }) => file.sha256),
  );
  const problems: FieldProblem[] = files.flatMap(({ path, file }): FieldProblem[] => {
    const facts = stored.get(file.sha256);
    const at = `${path}.content.file`;
    if (facts === undefined)
      return [
        {
          path: `${at}.sha256`,
          message:
            'no stored file has this SHA-256: upload the file first (POST /api/v1/agenda-items/{id}/documents, or POST /api/v1/files before an import)',
          code: 'FILE.NOT_STORED',
        },
      ];
    const differs: FieldProblem[] = [];
    if (facts.mediaType !== file.mediaType)
      differs.push({ path: `${at}.mediaType`, message: `is ${facts.mediaType} for this file` });
    if (facts.byteLength !== file.byteLength)
      differs.push({ path: `${at}.byteLength`, message: `is ${facts.byteLength} for this file` });
    if ((facts.pageCount ?? undefined) !== file.pageCount)
      differs.push({
        path: `${at}.pageCount`,
        message:
          facts.pageCount === null
            ? 'must be absent for this file'
            : `is ${facts.pageCount} for this file`,
      });
    return differs.map((problem) => ({ ...problem, code: 'VALIDATION.MISMATCH' }));
  });
  if (problems.length > 0)
    throw new ApiError(
      'FILE.NOT_STORED',
      `A file document does not match a stored file: ${problems
        .slice(0, 3)
        .map((p) => `${p.path} ${p.message}`)
        .join('; ')}`,
      problems,
    );
};

/** The files a meeting's documents name. */
export const meetingFiles = (document: MeetingDocument | null): string[] =>
  (document?.agendaItems ?? []).flatMap((item) =>
    item.documents.flatMap((d) => (d.content.kind === 'file' ? [d.content.file.sha256] : [])),
  );

/** A meeting document's documents at their JSON paths. */
export const meetingDocumentsAt = (document: MeetingDocument): DocumentAt[] =>
  document.agendaItems.flatMap((item, i) =>
    item.documents.map((d, j) => ({ path: `$.agendaItems[${i}].documents[${j}]`, document: d })),
  );
