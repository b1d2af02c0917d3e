import { Injectable } from '@nestjs/common';
import {
  parseMeetingDocument,
  type MeetingDocument,
  type MeetingImportResult,
  type Problem,
} from '@scrutineer/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import { ApiError } from '../common/problem.js';
import { DatabaseFileStore } from '../files/database-file-store.js';
import { assertFilesStored, meetingDocumentsAt } from '../files/file-references.js';
import type { FileStore } from '../files/file-store.js';
import { writeMeetingDocument } from '../meetings/meeting-document.store.js';
import { assertDocumentExemptionsFit } from '../meetings/exemption-region.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { reindexMeeting } from '../search/search-index.js';

export type ImportResult = MeetingImportResult;

const toFieldProblems = (problems: readonly Problem[]) =>
  problems.map((p) => ({ path: p.path, message: p.message, code: p.code }));

/** Validates a meeting document in full with the domain's rules; every problem comes back with its JSON path. */
export const validateMeetingDocument = (body: unknown): MeetingDocument => {
  const parsed = parseMeetingDocument(body);
  if (!parsed.ok) {
    throw new ApiError(
      'DOCUMENT.INVALID',
      `The meeting document has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}; nothing was imported.`,
      toFieldProblems(parsed.problems),
    );
  }
  return parsed.document;
};

/** Writes a validated document in the caller's transaction, after checking what it refers to in the database. */
export const importMeetingDocument = async (
  manager: EntityManager,
  document: MeetingDocument,
  caller: Caller,
  files: FileStore = new DatabaseFileStore(),
): Promise<ImportResult> => {
  const meetingId = document.meeting.id;
  if (!(await manager.exists(CommitteeEntity, { where: { id: document.meeting.committeeId } }))) {
    throw new ApiError(
      'DOCUMENT.INVALID',
      'The meeting document refers to a committee that does not exist; nothing was imported.',
      [
        {
          path: '$.meeting.committeeId',
          message: `no committee ${document.meeting.committeeId}`,
          code: 'VALIDATION.UNKNOWN_REFERENCE',
        },
      ],
    );
  }
  await assertDocumentExemptionsFit(manager, document);
  // Files travel by reference (ADR019): their bytes are uploaded first (POST /api/v1/files).
  await assertFilesStored(files, manager, meetingDocumentsAt(document));
  if (await manager.exists(MeetingEntity, { where: { id: meetingId } })) {
    throw new ApiError(
      'RESOURCE.ALREADY_EXISTS',
      `Meeting ${meetingId} already exists; nothing was imported.`,
      [{ path: '$.meeting.id', message: 'a meeting with this id exists' }],
    );
  }
  await writeMeetingDocument(manager, document);
  await reindexMeeting(manager, meetingId);
  const result: ImportResult = {
    meetingId,
    agendaItems: document.agendaItems.length,
    declarations:
      document.declarations.kind === 'made' ? document.declarations.declarations.length : 0,
    minutes: document.minutes?.minutes.length ?? 0,
  };
  await recordAudit(manager, caller, {
    entity: 'meeting',
    entityId: meetingId,
    action: 'import',
    changes: result,
  });
  return result;
};

@Injectable()
export class ImportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** All or nothing: the document is validated first, then written in one transaction. */
  async importMeeting(body: unknown, caller: Caller): Promise<ImportResult> {
    const document = validateMeetingDocument(body);
    return this.dataSource.transaction((manager) =>
      importMeetingDocument(manager, document, caller),
    );
  }
}
