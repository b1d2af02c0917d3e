/**
 * The sample council's papers as the build made them (scripts/make-sample-papers.mjs writes
 * `dist/sample-council/sample-council.json`, the papers attached by SHA-256, and their bytes in
 * `files/` beside it): what `scrutineer-pack sample` prints, and what the API's seed stores so
 * its sample council has the same papers.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttachedFile, CouncilDataset } from '@scrutineer/domain';
import { type SamplePaper, samplePapers } from '@scrutineer/sample-council';

/** The built sample council with its papers (from `src/` and `dist/` alike). */
export const samplePapersDatasetPath = fileURLToPath(
  new URL('../dist/sample-council/sample-council.json', import.meta.url),
);

export type SamplePaperFile = {
  readonly paper: SamplePaper;
  readonly file: AttachedFile;
  readonly bytes: Buffer;
};

/**
 * The papers named by `ids` (every paper by default), each with its file as attached and its
 * bytes, checked against the SHA-256 the data set names. Rejects, naming the build step, when
 * the papers have not been built.
 */
export const loadSamplePaperFiles = async (
  ids: readonly string[] = samplePapers.map((paper) => paper.id),
): Promise<SamplePaperFile[]> => {
  let dataset: CouncilDataset;
  try {
    dataset = JSON.parse(await readFile(samplePapersDatasetPath, 'utf8')) as CouncilDataset;
  } catch (error) {
    throw new Error(
      `The sample council's papers are not built (${samplePapersDatasetPath}: ${(error as Error).message}): run \`npm run build -w @scrutineer/reporter\` first.`,
    );
  }
  const folder = join(dirname(samplePapersDatasetPath), 'files');
  const found: SamplePaperFile[] = [];
  for (const id of ids) {
    const paper = samplePapers.find((candidate) => candidate.id === id);
    if (paper === undefined) throw new Error(`No sample paper ${id}`);
    const item = dataset.meetings
      .find((document) => document.meeting.id === paper.meetingId)
      ?.agendaItems.find((candidate) => candidate.number === paper.itemNumber);
    const content = item?.documents.find(
      (document) => document.title === paper.title && document.content.kind === 'file',
    )?.content;
    if (content?.kind !== 'file')
      throw new Error(`The built sample council does not attach the paper ${id}`);
    const { file } = content;
    const bytes = await readFile(
      join(folder, `${file.sha256}.${file.mediaType === 'application/pdf' ? 'pdf' : 'docx'}`),
    );
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256)
      throw new Error(`The built sample paper ${id} is not the file its data set names`);
    found.push({ paper, file, bytes });
  }
  return found;
};
