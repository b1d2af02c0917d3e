import type { CouncilDataset, ItemDocument } from '@scrutineer/domain';
import { loadSamplePaperFiles } from '@scrutineer/reporter';
import type { EntityManager } from 'typeorm';
import { AgendaItemEntity } from '../agenda-items/agenda-item.entity.js';
import * as itemMapper from '../agenda-items/agenda-item.mapper.js';
import { ItemDocumentEntity } from '../agenda-items/item-document.entity.js';
import { DatabaseFileStore } from '../files/database-file-store.js';
import type { FileToStore } from '../files/file-store.js';
import { inspectFile } from '../files/inspect-file.js';

/**
 * The sample papers the seed attaches (packages/sample-council/src/papers.ts): the officer's Word
 * report, so the public site shows a Word attachment as HTML, and the tagged PDF appendix.
 */
export const SEEDED_SAMPLE_PAPERS: readonly string[] = [
  'sufficiency-word-report',
  'sufficiency-needs-analysis',
];

/** The papers' bytes never change within a process: each is read and inspected once. */
let inspected: Promise<{ id: string; document: ItemDocument; file: FileToStore }[]> | null = null;

const inspectedPapers = (): NonNullable<typeof inspected> => {
  inspected ??= loadSamplePaperFiles(SEEDED_SAMPLE_PAPERS).then((papers) =>
    Promise.all(
      papers.map(async ({ paper, file, bytes }) => ({
        id: paper.id,
        document: {
          title: paper.title,
          role: paper.role,
          exemption: paper.exemption,
          content: { kind: 'file', file },
        } satisfies ItemDocument,
        file: await inspectFile(bytes),
      })),
    ),
  );
  inspected.catch(() => {
    inspected = null;
  });
  return inspected;
};

/**
 * The sample papers `scrutineer-pack sample` prints (built by the reporter), attached to their
 * item as an upload attaches a file: inspected (SHA-256, checks) and stored through the file
 * store, then named by a document after the item's own. Only when the data set is the sample
 * council's (it holds the papers' meeting and item); a paper already attached is left alone.
 */
export const seedSamplePapers = async (
  manager: EntityManager,
  dataset: CouncilDataset,
): Promise<void> => {
  const { samplePapers } = await import('@scrutineer/sample-council');
  const wanted = samplePapers.filter(
    (paper) =>
      SEEDED_SAMPLE_PAPERS.includes(paper.id) &&
      dataset.meetings
        .find((document) => document.meeting.id === paper.meetingId)
        ?.agendaItems.some((item) => item.number === paper.itemNumber),
  );
  if (wanted.length === 0) return;
  const store = new DatabaseFileStore();
  for (const { id, document, file } of await inspectedPapers()) {
    const paper = wanted.find((candidate) => candidate.id === id);
    if (paper === undefined) continue;
    const item = await manager.findOneBy(AgendaItemEntity, {
      meetingId: paper.meetingId,
      number: paper.itemNumber,
    });
    if (item === null) continue;
    const rows = await manager.findBy(ItemDocumentEntity, { agendaItemId: item.id });
    if (rows.some((row) => row.fileSha256 === file.sha256)) continue;
    await store.put(manager, file);
    await manager.insert(
      ItemDocumentEntity,
      itemMapper.documentToPersistence(
        document,
        item.id,
        Math.max(0, ...rows.map((row) => row.position)) + 1,
      ),
    );
  }
};
