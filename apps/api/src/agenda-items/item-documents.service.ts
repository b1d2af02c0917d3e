import { Inject, Injectable } from '@nestjs/common';
import type {
  AttachedFile,
  Exemption,
  ItemDocument,
  ItemDocumentResource,
  ItemDocumentUploadFields,
} from '@scrutineer/domain';
import { chooseContentCoding, instant, isWithheld } from '@scrutineer/domain';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { loadForChange, updateVersioned } from '../common/concurrency.js';
import { ApiError, notFound } from '../common/problem.js';
import { convertedTag } from '../files/converted-reports.js';
import { storedConversion } from '../files/file-conversions.js';
import { rowsWithChecks } from '../files/file-checks.js';
import { FILE_STORE, type FileStore, type FileToStore } from '../files/file-store.js';
import { DOCX, inspectFile } from '../files/inspect-file.js';
import type { UploadedFile } from '../files/multipart.js';
import { findVisibleMeeting } from '../meetings/meeting-access.js';
import { reindexMeeting } from '../search/search-index.js';
import { assertItemExemptionsFit } from '../meetings/exemption-region.js';
import { AgendaItemEntity } from './agenda-item.entity.js';
import * as mapper from './agenda-item.mapper.js';
import { ItemDocumentEntity } from './item-document.entity.js';
import { uploadOnAdding, uploadOnChange } from './late-papers.js';
import { mayReadPaper } from './paper-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import * as meetingMapper from '../meetings/meeting.mapper.js';

/** `Content-Disposition` for a file name of any text: an ASCII fallback and the UTF-8 name (RFC 6266). */
export const contentDisposition = (fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
};

type Found = {
  readonly item: AgendaItemEntity;
  readonly row: ItemDocumentEntity;
  readonly rows: readonly ItemDocumentEntity[];
};

/**
 * The documents of an agenda item one at a time, above all those that are attached files
 * (issue 12): uploaded, read, replaced and deleted. A document is written with its item: each
 * change bumps the item's version, which is the document's ETag, in one transaction with the
 * file's bytes (the FileStore), so a refused or failed upload leaves nothing behind.
 */
@Injectable()
export class ItemDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  /**
   * The item and its document when the caller may read both; otherwise 404, never 403: a caller
   * who may not read exempt content is not told an exempt document (or an exempt item's) exists.
   */
  private async find(
    manager: EntityManager,
    itemId: string,
    docId: string,
    caller: Caller,
  ): Promise<Found> {
    const item = await manager.findOne(AgendaItemEntity, { where: { id: itemId } });
    if (item === null || !mayReadPaper(caller, item)) throw notFound('agenda item', itemId);
    await findVisibleMeeting(manager, item.meetingId, caller).catch(() => {
      throw notFound('agenda item', itemId);
    });
    const rows = await manager.find(ItemDocumentEntity, { where: { agendaItemId: itemId } });
    const row = rows.find((candidate) => candidate.id === docId);
    const mayReadExempt = canReadExempt(caller);
    if (
      row === undefined ||
      !mayReadPaper(caller, row) ||
      isWithheld(mapper.toDomain(item, []), mayReadExempt) ||
      isWithheld(mapper.documentToDomain(row), mayReadExempt)
    )
      throw notFound('document', docId);
    return { item, row, rows };
  }

  /** The document as the caller may read it, its file's checks as stored with the file. */
  private async respond(
    manager: EntityManager,
    found: Found,
    caller: Caller,
  ): Promise<ItemDocumentResource> {
    const { item } = found;
    const [row] = await rowsWithChecks(this.files, manager, [found.row]);
    if (row === undefined) throw new ApiError('INTERNAL', 'The document was not read back.');
    return {
      ...mapper.documentToResponse(row.id, mapper.documentToDomain(row), canReadExempt(caller)),
      agendaItemId: item.id,
      position: row.position,
      version: item.version,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
    };
  }

  async get(itemId: string, docId: string, caller: Caller): Promise<ItemDocumentResource> {
    const manager = this.dataSource.manager;
    return this.respond(manager, await this.find(manager, itemId, docId, caller), caller);
  }

  /** The document's file, read as `find` allows; 404 `FILE.NOT_A_FILE` for one that is no file. */
  private async findFile(
    manager: EntityManager,
    itemId: string,
    docId: string,
    caller: Caller,
  ): Promise<{ file: AttachedFile; exempt: boolean }> {
    const found = await this.find(manager, itemId, docId, caller);
    const document = mapper.documentToDomain(found.row);
    if (document.content.kind !== 'file')
      throw new ApiError(
        'FILE.NOT_A_FILE',
        `The document ${docId} is not an attached file (it is ${document.content.kind}): read it from GET /api/v1/agenda-items/${itemId}.`,
      );
    return {
      file: document.content.file,
      exempt: document.exemption !== null || found.item.exemptParagraph !== null,
    };
  }

  /** Sends the file's bytes as stored: its type, length, SHA-256 as the ETag, and its name. */
  async sendFile(
    itemId: string,
    docId: string,
    caller: Caller,
    request: Request,
    response: Response,
  ): Promise<void> {
    const manager = this.dataSource.manager;
    const { file, exempt } = await this.findFile(manager, itemId, docId, caller);
    const etag = `"${file.sha256}"`;
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', exempt ? 'private, no-store' : 'no-cache');
    response.vary('Authorization');
    if (request.header('if-none-match') === etag) {
      response.status(304).end();
      return;
    }
    const bytes = await this.files.get(manager, file.sha256);
    if (bytes === null) throw new ApiError('INTERNAL', `The file ${file.sha256} is missing.`);
    response.status(200);
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('Content-Length', String(bytes.byteLength));
    response.setHeader('Content-Disposition', contentDisposition(file.fileName));
    response.end(bytes);
  }

  /**
   * A Word document's converted form (its ConvertedReport) as JSON, read as the file is (the same
   * `find`, so the same callers may read it): the JSON stored with the file at upload
   * (file-conversions.ts), never converted on read unless none is stored by this converter.
   * Its ETag is known before anything is read: an `If-None-Match` holding it gets an empty
   * body, which Express answers as 304 (`request.fresh`).
   */
  async convertedJson(
    itemId: string,
    docId: string,
    caller: Caller,
    request: Request,
    response: Response,
  ): Promise<string> {
    const manager = this.dataSource.manager;
    const { file, exempt } = await this.findFile(manager, itemId, docId, caller);
    if (file.mediaType !== DOCX)
      throw new ApiError(
        'FILE.NOT_CONVERTIBLE',
        `The document ${docId} is a PDF: only Word documents have a converted form. Read the file from GET /api/v1/agenda-items/${itemId}/documents/${docId}/file.`,
      );
    // The representations middleware compresses the body with the coding this picks.
    response.setHeader(
      'ETag',
      convertedTag(file.sha256, chooseContentCoding(request.header('accept-encoding'))),
    );
    response.setHeader('Cache-Control', exempt ? 'private, no-store' : 'no-cache');
    response.vary('Authorization');
    response.vary('Accept-Encoding');
    if (request.fresh) return '';
    // The conversion stored with the file, as stored (converted now only if it has none yet).
    return storedConversion(manager, this.files, file.sha256);
  }

  /** The document an upload describes, its file inspected (refused before anything is stored). */
  private async documentOf(
    fields: ItemDocumentUploadFields,
    upload: UploadedFile,
  ): Promise<{ document: ItemDocument; file: FileToStore }> {
    if (fields.exemptParagraph === undefined && fields.reasonPublicInterestTest !== undefined)
      throw new ApiError(
        'REQUEST.INVALID',
        'A public interest test’s outcome is given only with the exempt paragraph it is for.',
        [{ path: '$.reasonPublicInterestTest', message: 'needs exemptParagraph' }],
      );
    const inspected = await inspectFile(upload.bytes);
    const exemption: Exemption | null =
      fields.exemptParagraph === undefined
        ? null
        : {
            paragraph: fields.exemptParagraph,
            ...(fields.reasonPublicInterestTest === undefined
              ? {}
              : { reasonPublicInterestTest: fields.reasonPublicInterestTest }),
          };
    const fileName =
      upload.fileName === ''
        ? `attachment.${inspected.mediaType === DOCX ? 'docx' : 'pdf'}`
        : upload.fileName;
    return {
      document: {
        title: fields.title,
        role: fields.role,
        exemption,
        // What the caller says of lateness; the late-paper rules decide what is stored.
        ...(fields.urgencyReason === undefined
          ? {}
          : { late: { urgencyReason: fields.urgencyReason } }),
        content: {
          kind: 'file',
          file: {
            sha256: inspected.sha256,
            mediaType: inspected.mediaType,
            byteLength: inspected.byteLength,
            fileName,
            ...(inspected.pageCount === null ? {} : { pageCount: inspected.pageCount }),
          },
        },
      },
      // Its checks are stored with the file, and read from there for every answer.
      file: inspected,
    };
  }

  /** The exemption fits the authority's nation; its problems named at the upload's fields. */
  private async assertExemptionFits(
    manager: EntityManager,
    item: AgendaItemEntity,
    document: ItemDocument,
  ): Promise<void> {
    try {
      await assertItemExemptionsFit(manager, item.meetingId, {
        exemption: mapper.toDomain(item, []).exemption,
        documents: [document],
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ApiError(
        error.code,
        error.message,
        error.errors.map((p) => ({
          ...p,
          path: p.path
            .replace(/^\$\.documents\[0\]\.exemption\./, '$.')
            .replace(/^\$\.paragraph$/, '$.exemptParagraph'),
        })),
        error.data,
      );
    }
  }

  private async store(
    manager: EntityManager,
    made: { document: ItemDocument; file: FileToStore },
  ): Promise<void> {
    if (made.document.content.kind !== 'file') return;
    await this.files.put(manager, made.file);
  }

  async create(
    itemId: string,
    fields: ItemDocumentUploadFields,
    upload: UploadedFile,
    caller: Caller,
  ): Promise<ItemDocumentResource> {
    const made = await this.documentOf(fields, upload);
    return this.dataSource.transaction(async (manager) => {
      // A POST names no version: two uploads to one item at once take turns (PostgreSQL locks
      // the item's row; SQLite runs one transaction at a time) rather than one failing with 412.
      const item = await manager.findOne(AgendaItemEntity, {
        where: { id: itemId },
        ...(manager.connection.options.type === 'postgres'
          ? { lock: { mode: 'pessimistic_write' as const } }
          : {}),
      });
      if (item === null) throw notFound('agenda item', itemId);
      const meeting = await manager.findOneByOrFail(MeetingEntity, { id: item.meetingId });
      // After the agenda's publication a document is a late paper: the chair's reason, or 400.
      const document = uploadOnAdding(
        meetingMapper.toDomain(meeting),
        item.late,
        made.document,
        instant(new Date().toISOString()),
      );
      await this.assertExemptionFits(manager, item, document);
      const rows = await manager.find(ItemDocumentEntity, { where: { agendaItemId: itemId } });
      await this.store(manager, made);
      const row = mapper.documentToPersistence(
        document,
        itemId,
        Math.max(0, ...rows.map((r) => r.position)) + 1,
      );
      await manager.insert(ItemDocumentEntity, row);
      await updateVersioned(manager, AgendaItemEntity, 'agenda item', itemId, item.version, {});
      await reindexMeeting(manager, item.meetingId);
      await recordAudit(manager, caller, {
        entity: 'item-document',
        entityId: row.id,
        action: 'create',
        changes: { agendaItemId: itemId, ...document },
      });
      return this.respond(manager, await this.find(manager, itemId, row.id, caller), caller);
    });
  }

  async replace(
    itemId: string,
    docId: string,
    version: number,
    fields: ItemDocumentUploadFields,
    upload: UploadedFile,
    caller: Caller,
  ): Promise<ItemDocumentResource> {
    const made = await this.documentOf(fields, upload);
    return this.dataSource.transaction(async (manager) => {
      const item = await loadForChange(manager, AgendaItemEntity, 'agenda item', itemId, version);
      const { row } = await this.find(manager, itemId, docId, caller);
      const before = mapper.documentToDomain(row);
      // A stored late paper keeps its server fields; its reason is fixed once published.
      const document = uploadOnChange(before, made.document);
      if (mapper.canonical(before) === mapper.canonical(document)) {
        // Nothing changes but the file's checks, made again (a file stored before files were
        // checked gets them).
        await this.store(manager, made);
        return this.respond(manager, await this.find(manager, itemId, docId, caller), caller);
      }
      await this.assertExemptionFits(manager, item, document);
      await this.store(manager, made);
      const next = mapper.documentToPersistence(document, itemId, row.position, row.id);
      await manager.update(
        ItemDocumentEntity,
        { id: docId },
        {
          title: next.title,
          role: next.role,
          exemptParagraph: next.exemptParagraph,
          exemptPublicInterestTest: next.exemptPublicInterestTest,
          fileSha256: next.fileSha256,
          content: next.content as never,
          late: next.late as never,
        },
      );
      await updateVersioned(manager, AgendaItemEntity, 'agenda item', itemId, version, {});
      const old = mapper.fileOf(before);
      if (old !== null) await this.files.deleteUnreferenced(manager, [old]);
      await reindexMeeting(manager, item.meetingId);
      await recordAudit(manager, caller, {
        entity: 'item-document',
        entityId: docId,
        action: 'update',
        changes: { agendaItemId: itemId, before, after: document },
      });
      return this.respond(manager, await this.find(manager, itemId, docId, caller), caller);
    });
  }

  async remove(itemId: string, docId: string, version: number, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const item = await loadForChange(manager, AgendaItemEntity, 'agenda item', itemId, version);
      const { row } = await this.find(manager, itemId, docId, caller);
      const before = mapper.documentToDomain(row);
      await manager.delete(ItemDocumentEntity, { id: docId });
      await manager
        .createQueryBuilder()
        .update(ItemDocumentEntity)
        .set({ position: () => 'position - 1' })
        .where('agenda_item_id = :itemId AND position > :position', {
          itemId,
          position: row.position,
        })
        .execute();
      await updateVersioned(manager, AgendaItemEntity, 'agenda item', itemId, version, {});
      const file = mapper.fileOf(before);
      if (file !== null) await this.files.deleteUnreferenced(manager, [file]);
      await reindexMeeting(manager, item.meetingId);
      await recordAudit(manager, caller, {
        entity: 'item-document',
        entityId: docId,
        action: 'delete',
        changes: { agendaItemId: itemId, ...before },
      });
    });
  }
}
