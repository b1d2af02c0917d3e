import { Controller, Inject, Post } from '@nestjs/common';
import { FileUploadFields, StoredFile } from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/caller.js';
import { Operation, Resource } from '../contract/operation.js';
import { FILE_STORE, type FileStore } from './file-store.js';
import { ACCEPTED_TEXT, inspectFile } from './inspect-file.js';
import { Upload, type UploadedFile } from './multipart.js';

@Resource(
  'files',
  'Attached files’ bytes, stored once by SHA-256. Upload one here before importing a meeting document that names it; an agenda item’s files are read through its documents.',
)
@Controller({ version: '1' })
export class FilesController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  @Post('files')
  @Roles('clerk')
  @Operation({
    summary:
      'Store a file (PDF or Word) ahead of an import that names it by SHA-256 (clerk); the same bytes again are kept once.',
    description:
      'Meeting documents carry their files by reference (ADR019): export a meeting, fetch each file from its document’s `/file`, upload them here on the other server, then import the document.',
    operationId: 'filesUpload',
    upload: {
      file: 'file',
      fileDescription: `${ACCEPTED_TEXT}, at most 50 MB unless the server sets ATTACHMENT_MAX_BYTES.`,
      fields: FileUploadFields,
    },
    response: StoredFile,
  })
  async upload(@Upload() upload: UploadedFile): Promise<StoredFile> {
    const file = await inspectFile(upload.bytes);
    await this.dataSource.transaction((manager) => this.files.put(manager, file));
    return {
      sha256: file.sha256,
      mediaType: file.mediaType,
      byteLength: file.byteLength,
      ...(file.pageCount === null ? {} : { pageCount: file.pageCount }),
      checks: file.checks,
    };
  }
}
