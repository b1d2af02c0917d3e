import type { AttachedFile, ItemDocument } from '@scrutineer/domain';
import type { Block } from './document-model.js';

/** A size as people read it: `820 KB`, `1.4 MB` (1 MB = 1,000,000 bytes, as file managers print it). */
export const fileSizeText = (bytes: number): string =>
  bytes < 1_000_000
    ? `${Math.max(1, Math.round(bytes / 1000))} KB`
    : `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;

const kindText = (file: AttachedFile): string =>
  file.mediaType === 'application/pdf'
    ? `PDF${file.pageCount === undefined ? '' : `, ${file.pageCount} page${file.pageCount === 1 ? '' : 's'}`}`
    : 'Word document';

/**
 * What the pack prints for a document held as an attached file, until attached files are merged
 * into packs: that the paper exists, what file it is, and that this pack does not reproduce it.
 * It prints only what the document stores.
 */
export const attachedFileNotice = (
  title: string,
  role: ItemDocument['role'],
  file: AttachedFile,
): Block => ({
  kind: 'notice',
  title: `${title}: attached file`,
  runs: [
    {
      text: `This ${role === 'supporting' ? 'supporting paper' : role} is attached to the item as a file, ${file.fileName} (${kindText(file)}, ${fileSizeText(file.byteLength)}). This pack does not reproduce it: it is published with the agenda as a separate file.`,
    },
  ],
});
