/** `/api/v1/files`: a file's bytes stored ahead of an import that names it (ADR019). */
import { AttachedFile } from '../model/meeting.js';
import { Closed, type Shape } from '../schema/kit.js';

const { fileName: _fileName, ...facts } = AttachedFile.properties;

/** A stored file as the server read it: what an imported document's `file` must match. */
export const StoredFile = Closed(facts, {
  title: 'StoredFile',
  description:
    'A file stored by its SHA-256. A meeting document imported after it may name it in a `file` document (its `sha256`, `mediaType`, `byteLength` and `pageCount` as here, with any `fileName`).',
});
export type StoredFile = Shape<typeof StoredFile>;

/** An upload of a file alone has no fields beside it. */
export const FileUploadFields = Closed({}, { description: 'Only the file.' });
