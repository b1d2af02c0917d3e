/**
 * Attached files beside a data set (issue 12, item 8). A CouncilDataset JSON names each attached
 * file by its SHA-256 (`content: { kind: 'file', file: { sha256, mediaType, byteLength, … } }`,
 * as the API exports it, ADR019); `scrutineer-pack --input DIR/council.json` reads its bytes from
 *
 *     DIR/files/<sha256>.pdf     (application/pdf)
 *     DIR/files/<sha256>.docx    (a Word document)
 *
 * one file at a time, when the pack asks for it. A file that is missing, or whose size or SHA-256
 * is not the one the data set names, stops the run with exit code 3 (bad input) and says which
 * document named it; nothing is written.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AttachedFile, CouncilDataset } from '@scrutineer/domain';
import { type Edition, packAttachedFiles } from '../index.js';
import { describeFsError } from './atomic-write.js';
import { CliError, EXIT_CODES } from './cli-error.js';

/** The folder beside the data set that holds its attached files. */
export const ATTACHED_FILES_FOLDER = 'files';

/** `<sha256>.pdf` or `<sha256>.docx`: a file's name in the folder. */
export const attachedFileName = (file: Pick<AttachedFile, 'sha256' | 'mediaType'>): string =>
  `${file.sha256}.${file.mediaType === 'application/pdf' ? 'pdf' : 'docx'}`;

/** Where the data set's files are: `files/` beside it. */
export const attachedFilesFolder = (datasetPath: string): string =>
  join(dirname(datasetPath), ATTACHED_FILES_FOLDER);

type Naming = { readonly file: AttachedFile; readonly where: string };

/** Every file the data set names, by SHA-256, with the first document that names it. */
const namedFiles = (dataset: CouncilDataset): Map<string, Naming> => {
  const named = new Map<string, Naming>();
  for (const document of dataset.meetings)
    for (const item of document.agendaItems)
      for (const itemDocument of item.documents) {
        const content = itemDocument.content;
        if (content.kind !== 'file' || named.has(content.file.sha256)) continue;
        named.set(content.file.sha256, {
          file: content.file,
          where: `"${itemDocument.title}" (item ${item.number} of meeting ${document.meeting.id})`,
        });
      }
  return named;
};

export type AttachedFileLoader = {
  /** The folder the files are read from. */
  readonly folder: string;
  /** The bytes of the file with this SHA-256, checked against the data set. */
  readonly load: (sha256: string) => Promise<Uint8Array>;
};

/** Reads the attached files of `dataset` (read from `datasetPath`) from `files/` beside it. */
export const filesBesideDataset = (
  datasetPath: string,
  dataset: CouncilDataset,
): AttachedFileLoader => {
  const folder = attachedFilesFolder(datasetPath);
  const named = namedFiles(dataset);
  const layout = `Attached files are read from ${folder}/<sha256>.pdf or .docx (the SHA-256 the data set names).`;
  return {
    folder,
    load: async (sha256) => {
      const naming = named.get(sha256);
      if (naming === undefined) {
        throw new CliError(
          EXIT_CODES.badInput,
          `The pack asked for a file with SHA-256 ${sha256}, which ${datasetPath} does not name.`,
        );
      }
      const { file, where } = naming;
      const path = join(folder, attachedFileName(file));
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        throw new CliError(
          EXIT_CODES.badInput,
          `Cannot read the attached file ${path}: ${describeFsError(error)}.`,
          [`${where} names ${file.fileName} (SHA-256 ${file.sha256}).`, layout],
        );
      }
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== file.sha256 || bytes.byteLength !== file.byteLength) {
        throw new CliError(
          EXIT_CODES.badInput,
          `The attached file ${path} is not the file ${datasetPath} names: it has ${bytes.byteLength} bytes and SHA-256 ${actual}, the data set says ${file.byteLength} bytes and SHA-256 ${file.sha256}.`,
          [
            `${where} names ${file.fileName}. Put back the file it names, or export the data set again with its files.`,
          ],
        );
      }
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
};

/**
 * Whether the pack of `edition` prints an attached file: the reporter's own list
 * (`packAttachedFiles`, which leaves out what the edition withholds). A pack without one is
 * streamed to its file page by page; with one it is drawn into memory, its Word documents
 * converted and its PDFs merged.
 */
export const printsAttachedFiles = (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  /** The supplementary agenda drawn instead of the main pack, when one is. */
  supplement?: number,
): boolean => {
  const { pdfs, docx } = packAttachedFiles(
    dataset,
    meetingId,
    edition,
    supplement === undefined ? {} : { supplement },
  );
  return pdfs.length + docx.length > 0;
};
