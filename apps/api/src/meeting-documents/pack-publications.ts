import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  assignSupplement,
  type CouncilDataset,
  EDITIONS,
  type Edition,
  type Instant,
  instant,
  nextSupplement,
  type Pack,
  type PackPublication,
  type PackPublicationList,
  type SupplementPublication,
  supplementTitle,
  withholdMeetingDocument,
} from '@scrutineer/domain';
import { packAttachedFiles } from '@scrutineer/reporter';
import type { RenderJob } from '@scrutineer/reporter/jobs';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AgendaItemEntity } from '../agenda-items/agenda-item.entity.js';
import * as agendaItemMapper from '../agenda-items/agenda-item.mapper.js';
import { ItemDocumentEntity } from '../agenda-items/item-document.entity.js';
import { recordAudit } from '../audit/audit.js';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import { ApiError, notFound } from '../common/problem.js';
import { meetingWithChecks } from '../files/file-checks.js';
import { packConversions } from '../files/file-conversions.js';
import { FILE_STORE, type FileStore } from '../files/file-store.js';
import { inspectFile } from '../files/inspect-file.js';
import { findVisibleMeeting } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { readMeetingDocument } from '../meetings/meeting-document.store.js';
import { markForCaller } from '../public-record/public-cache.js';
import { reindexMeeting } from '../search/search-index.js';
import {
  type AttachedFilesSource,
  DocumentRenderingService,
} from '../rendering/document-rendering.service.js';
import { MeetingDatasetLoader } from './meeting-dataset.js';
import { PackPublicationEntity } from './pack-publication.entity.js';
import { fromReporterError, pdfFilename } from './pdf-response.js';

/**
 * The attached files the pack of `edition` prints (the reporter's list, read from the edition's
 * slice, so the public pack never names an exempt paper's file), for the render job, read only
 * when the pack is drawn, not on a cache hit: the PDFs' bytes from the FileStore, and the Word
 * documents' conversions stored with them (file-conversions.ts), so the renderer converts none
 * and is sent no Word bytes (those of one the converter refuses only, for its notice).
 * Undefined when it prints none, so the pack is drawn as before.
 */
export const attachedFilesOf = (
  files: FileStore,
  manager: EntityManager,
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
): AttachedFilesSource | undefined => {
  const { pdfs, docx } = packAttachedFiles(dataset, meetingId, edition);
  const sha256s = [...pdfs, ...docx];
  if (sha256s.length === 0) return undefined;
  return {
    sha256s,
    load: async () => {
      const { blocks, unconverted } = await packConversions(manager, files, docx);
      const loaded: Record<string, string> = {};
      for (const sha256 of [...pdfs, ...unconverted]) {
        const bytes = await files.get(manager, sha256);
        if (bytes === null) {
          // Only a document removed since the slice was read lets its file go: ask again.
          throw new ApiError(
            'RENDER.FAILED',
            `An attached file (SHA-256 ${sha256}) was removed while the pack was being drawn.`,
          );
        }
        loaded[sha256] = bytes.toString('base64');
      }
      return { attachedFiles: loaded, convertedReports: blocks };
    },
  };
};

/**
 * The render job of a meeting's pack: the agenda pack, or with `supplement` the supplementary
 * agenda of that number. The reporter's 'agenda-pack' job reads `supplement` (it draws the
 * supplement's own front sheet and only its papers); it is part of the job, so of the render key.
 */
export const packJob = (
  meetingId: string,
  edition: Edition,
  dataset: CouncilDataset,
  supplement: number | null,
): RenderJob =>
  (supplement === null
    ? { kind: 'agenda-pack', meetingId, edition, dataset }
    : { kind: 'agenda-pack', meetingId, edition, dataset, supplement }) as RenderJob;

const toResponse = (row: PackPublicationEntity): PackPublication => ({
  id: row.id,
  meetingId: row.meetingId as PackPublication['meetingId'],
  pack: row.pack as Pack,
  supplement: row.supplement,
  edition: row.edition as Edition,
  publishedAt: row.publishedAt as Instant,
  sha256: row.sha256,
  byteLength: Number(row.byteLength),
  pageCount: row.pageCount === null ? null : Number(row.pageCount),
});

/**
 * What the public had, and when (issue 12 item 7): every publication of a pack, in both editions,
 * kept as the exact bytes published (content-addressed in the FileStore) with their SHA-256.
 *
 * The packs are drawn inside the transaction that publishes (the agenda's publication, or a
 * supplement's), from that transaction's view of the meeting, and recorded in it. So a pack that
 * cannot be drawn (503 `RENDER.FAILED`/`RENDER.TIMEOUT`) undoes the publication: the clerk is told
 * and nothing is published, rather than an agenda published with no record of what was. The
 * transaction is held for the render (seconds); publication is rare.
 */
@Injectable()
export class PackPublicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly datasets: MeetingDatasetLoader,
    private readonly rendering: DocumentRenderingService,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  /** The slice of `edition`, read in `manager`'s transaction (what GET …/dataset serves after it). */
  private async datasetIn(
    manager: EntityManager,
    meetingId: string,
    edition: Edition,
  ): Promise<CouncilDataset> {
    const document = await readMeetingDocument(manager, meetingId);
    if (document === null) throw notFound('meeting', meetingId);
    const checked = await meetingWithChecks(this.files, manager, document);
    return this.datasets.forMeeting(withholdMeetingDocument(checked, edition === 'confidential'));
  }

  /**
   * Draws the pack in both editions as the meeting stands in `manager`'s transaction, stores
   * their bytes and records them, published at `publishedAt`.
   */
  async record(
    manager: EntityManager,
    meetingId: string,
    supplement: number | null,
    publishedAt: Instant,
  ): Promise<PackPublication[]> {
    const recorded: PackPublication[] = [];
    for (const edition of EDITIONS) {
      const dataset = await this.datasetIn(manager, meetingId, edition);
      let bytes: Buffer;
      try {
        bytes = await this.rendering.render(
          packJob(meetingId, edition, dataset, supplement),
          attachedFilesOf(this.files, manager, dataset, meetingId, edition),
        );
      } catch (error) {
        throw fromReporterError(error);
      }
      // A pack is not an attached file: search never reads its text.
      const file = await inspectFile(bytes, { text: false });
      await this.files.put(manager, file);
      const row = Object.assign(new PackPublicationEntity(), {
        id: randomUUID(),
        meetingId,
        pack: supplement === null ? 'agenda' : 'supplement',
        supplement,
        edition,
        publishedAt,
        sha256: file.sha256,
        byteLength: file.byteLength,
        pageCount: file.pageCount,
      });
      await manager.insert(PackPublicationEntity, row);
      recorded.push(toResponse(row));
    }
    return recorded;
  }

  /**
   * Publishes the next supplementary agenda (clerk, `If-Match` the meeting's version): the late
   * papers no supplement has published take its number, the meeting's version goes up, an audit
   * row says so and its pack is recorded in both editions, all in one transaction. 409
   * `LATE_PAPER.NOTHING_PENDING` when no late paper waits.
   */
  async publishSupplement(
    meetingId: string,
    version: number,
    caller: Caller,
    now: Date = new Date(),
  ): Promise<SupplementPublication> {
    const publishedAt = instant(now.toISOString());
    return this.dataSource.transaction(async (manager) => {
      await loadForChange(manager, MeetingEntity, 'meeting', meetingId, version);
      const rows = await manager.find(AgendaItemEntity, {
        where: { meetingId },
        order: { position: 'ASC' },
      });
      const documents =
        rows.length === 0
          ? []
          : await manager.find(ItemDocumentEntity, {
              where: { agendaItemId: In(rows.map((row) => row.id)) },
            });
      const ofItem = (id: string): ItemDocumentEntity[] =>
        documents
          .filter((document) => document.agendaItemId === id)
          .sort((a, b) => a.position - b.position);
      const items = rows.map((row) => agendaItemMapper.toDomain(row, ofItem(row.id)));
      const next = nextSupplement(items);
      const marked = assignSupplement(items, next.supplement);
      for (const [index, row] of rows.entries()) {
        const after = marked[index];
        const before = items[index];
        if (after === undefined || before === undefined) continue;
        if (agendaItemMapper.canonical(after) === agendaItemMapper.canonical(before)) continue;
        const ownDocuments = ofItem(row.id);
        for (const [position, document] of after.documents.entries()) {
          const stored = ownDocuments[position];
          if (stored === undefined) continue;
          if (
            agendaItemMapper.canonical(document.late ?? null) !==
            agendaItemMapper.canonical(stored.late ?? null)
          )
            await manager.update(
              ItemDocumentEntity,
              { id: stored.id },
              { late: (document.late ?? null) as never },
            );
        }
        await updateVersioned(manager, AgendaItemEntity, 'agenda item', row.id, row.version, {
          late: after.late ?? null,
        });
      }
      const stamp = await updateVersioned(
        manager,
        MeetingEntity,
        'meeting',
        meetingId,
        version,
        {},
      );
      await recordAudit(manager, caller, {
        entity: 'meeting',
        entityId: meetingId,
        action: 'publish-supplement',
        changes: {
          supplement: next.supplement,
          papers: next.papers.map((paper) => ({
            itemNumber: paper.itemNumber,
            document: paper.document,
            title: paper.title,
          })),
        },
      });
      // Its papers are published now: the public finds them in search from this commit on.
      await reindexMeeting(manager, meetingId);
      const publications = await this.record(manager, meetingId, next.supplement, publishedAt);
      return {
        meetingId: meetingId as SupplementPublication['meetingId'],
        supplement: next.supplement,
        title: supplementTitle(next.supplement),
        publishedAt,
        papers: next.papers.map((paper) => ({
          ...paper,
          late: { ...paper.late, supplement: next.supplement },
        })),
        publications,
        version: stamp.version,
      };
    });
  }

  /** The records of the meeting's publications the caller may see: the public sees the public edition's. */
  async list(meetingId: string, caller: Caller): Promise<PackPublicationList> {
    await findVisibleMeeting(this.dataSource.manager, meetingId, caller);
    const rows = await this.dataSource.manager.find(PackPublicationEntity, {
      where: canReadExempt(caller) ? { meetingId } : { meetingId, edition: 'public' },
      order: { publishedAt: 'ASC', pack: 'ASC', supplement: 'ASC', edition: 'DESC' },
    });
    return { items: rows.map(toResponse) };
  }

  /**
   * The exact bytes published, ETag their SHA-256. A confidential record is 404 to a caller who
   * may not read exempt content, as if it did not exist.
   */
  async send(
    meetingId: string,
    publicationId: string,
    caller: Caller,
    request: Request,
    response: Response,
  ): Promise<void> {
    const manager = this.dataSource.manager;
    await findVisibleMeeting(manager, meetingId, caller);
    const row = await manager.findOne(PackPublicationEntity, {
      where: { id: publicationId, meetingId },
    });
    if (row === null || (row.edition !== 'public' && !canReadExempt(caller)))
      throw notFound('publication', publicationId);
    const etag = `"${row.sha256}"`;
    const confidential = row.edition !== 'public';
    response.setHeader('ETag', etag);
    if (request.header('if-none-match') === etag) {
      markForCaller(response, caller, confidential);
      response.status(304).end();
      return;
    }
    const bytes = await this.files.get(manager, row.sha256);
    if (bytes === null) throw new ApiError('INTERNAL', `The file ${row.sha256} is missing.`);
    const name =
      row.pack === 'agenda'
        ? `${meetingId}-agenda-${row.edition}-${row.publishedAt}`
        : `${meetingId}-supplement-${row.supplement}-${row.edition}-${row.publishedAt}`;
    response.status(200);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="${pdfFilename(name)}"`);
    response.setHeader('Content-Length', String(bytes.byteLength));
    markForCaller(response, caller, confidential);
    response.end(bytes);
  }
}
