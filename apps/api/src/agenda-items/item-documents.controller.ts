import { Body, Controller, Delete, Get, Header, Param, Post, Put, Req, Res } from '@nestjs/common';
import {
  AgendaItemParams,
  ATTACHMENT_MEDIA_TYPES,
  ConvertedReport,
  ItemDocumentParams,
  ItemDocumentResource,
  ItemDocumentUploadFields,
} from '@scrutineer/domain';
import type { Request, Response } from 'express';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, type OperationSpec, Resource } from '../contract/operation.js';
import { ACCEPTED_TEXT } from '../files/inspect-file.js';
import { Upload, type UploadedFile } from '../files/multipart.js';
import { ItemDocumentsService } from './item-documents.service.js';

const UPLOAD: NonNullable<OperationSpec['upload']> = {
  file: 'file',
  fileDescription: `The paper: ${ACCEPTED_TEXT}, at most 50 MB unless the server sets ATTACHMENT_MAX_BYTES. Its type is read from its bytes, not from its name or Content-Type.`,
  fields: ItemDocumentUploadFields,
};

const UPLOAD_PROBLEMS: OperationSpec['problems'] = {
  413: 'The file is larger than the server’s limit (`FILE.TOO_LARGE`; 50 MB by default, ATTACHMENT_MAX_BYTES); `data.limitBytes` gives it. Nothing is stored.',
  415: `The body is not multipart/form-data (\`REQUEST.UNSUPPORTED_MEDIA_TYPE\`), or the file is not ${ACCEPTED_TEXT} (\`FILE.UNSUPPORTED_TYPE\`; \`data.accepted\` lists the media types). Nothing is stored.`,
  422: 'The file is a PDF or Word document the council cannot use, and `code` says why: `FILE.EMPTY`, `FILE.PDF_ENCRYPTED`, `FILE.PDF_DAMAGED`, `FILE.PDF_NO_PAGES`, or `FILE.DOCX_INVALID` (not a valid Word package, e.g. a renamed .zip). Nothing is stored.',
};

const EXEMPT_404 =
  'An exempt document, or any document of an exempt item, is 404 to a caller who may not read exempt content (the public, officers), as if it did not exist. So is, to the public, a late paper (the document, or its item) that no supplementary agenda has published yet.';

@Resource(
  'agenda-items',
  'An item on a meeting’s agenda with its documents; exempt content is withheld from the public.',
)
@Controller({ version: '1' })
export class ItemDocumentsController {
  constructor(private readonly documents: ItemDocumentsService) {}

  @Post('agenda-items/:id/documents')
  @Roles('clerk')
  @Operation({
    summary:
      'Attach a paper (PDF or Word) to an item as a new document, after its others (clerk): multipart/form-data with `file`, `title`, `role` and for an exempt one `exemptParagraph`.',
    description:
      'The file is stored once by its SHA-256 (the same bytes on two items are kept once), in the same transaction as the document; the item’s version goes up. A refused upload stores nothing.',
    operationId: 'agendaItemsCreateDocument',
    params: AgendaItemParams,
    upload: UPLOAD,
    response: ItemDocumentResource,
    problems: UPLOAD_PROBLEMS,
  })
  create(
    @Param('id') id: string,
    @Body() fields: ItemDocumentUploadFields,
    @Upload() upload: UploadedFile,
    @CurrentCaller() caller: Caller,
  ): Promise<ItemDocumentResource> {
    return this.documents.create(id, fields, upload, caller);
  }

  @Get('agenda-items/:id/documents/:docId')
  @Operation({
    summary:
      'One document of an item, with its file’s name, type, size and SHA-256 when it is a file.',
    description: EXEMPT_404,
    operationId: 'agendaItemsGetDocument',
    params: ItemDocumentParams,
    response: ItemDocumentResource,
  })
  get(
    @Param('id') id: string,
    @Param('docId') docId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ItemDocumentResource> {
    return this.documents.get(id, docId, caller);
  }

  @Get('agenda-items/:id/documents/:docId/file')
  @Operation({
    summary: 'The attached file’s bytes as uploaded (404 for a document that is not a file).',
    description: `${EXEMPT_404} The ETag is the file’s SHA-256; \`If-None-Match\` with it answers 304.`,
    operationId: 'agendaItemsGetDocumentFile',
    params: ItemDocumentParams,
    produces: ATTACHMENT_MEDIA_TYPES,
    responseHeaders: {
      ETag: 'The file’s SHA-256 in quotes.',
      'Content-Disposition': 'attachment, with the name the file was uploaded under.',
      'Content-Length': 'The file’s size in bytes.',
    },
  })
  file(
    @Param('id') id: string,
    @Param('docId') docId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.documents.sendFile(id, docId, caller, request, response);
  }

  @Get('agenda-items/:id/documents/:docId/converted')
  @Operation({
    summary:
      'A Word document’s converted form: its headings, paragraphs, lists, tables, figures and notes as blocks, with the conversion’s warnings (404 for a PDF).',
    description: `The blocks the agenda pack prints the document from (\`docxToReport\`), for a reader that shows the report as HTML; the warnings are for the clerk. Readable by whoever may read the file. ${EXEMPT_404} The ETag is the file’s SHA-256 with the converter’s version (and the content coding); \`If-None-Match\` with it answers 304.`,
    operationId: 'agendaItemsGetDocumentConverted',
    params: ItemDocumentParams,
    response: ConvertedReport,
    responseHeaders: {
      ETag: 'The file’s SHA-256, the converter’s version and the content coding, in quotes: strong.',
    },
    notModified:
      'Not modified: `If-None-Match` holds the current `ETag` (no body; keep the copy you have). The file is neither read nor converted.',
    problems: {
      404: 'No such item or document, a document the caller may not read (exempt), a document that is not a file (`FILE.NOT_A_FILE`), or a PDF (`FILE.NOT_CONVERTIBLE`: only Word documents have a converted form).',
    },
    errors: [404],
  })
  // The service hands back the conversion already serialised (kept by SHA-256).
  @Header('Content-Type', 'application/json; charset=utf-8')
  converted(
    @Param('id') id: string,
    @Param('docId') docId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return this.documents.convertedJson(id, docId, caller, request, response);
  }

  @Put('agenda-items/:id/documents/:docId')
  @Roles('clerk')
  @Operation({
    summary:
      'Replace a document with a paper (PDF or Word) in its place (clerk): the same form as the upload, `If-Match` the item’s version.',
    operationId: 'agendaItemsReplaceDocument',
    params: ItemDocumentParams,
    upload: UPLOAD,
    response: ItemDocumentResource,
    ifMatch: true,
    problems: UPLOAD_PROBLEMS,
  })
  replace(
    @Param('id') id: string,
    @Param('docId') docId: string,
    @IfMatch() version: number,
    @Body() fields: ItemDocumentUploadFields,
    @Upload() upload: UploadedFile,
    @CurrentCaller() caller: Caller,
  ): Promise<ItemDocumentResource> {
    return this.documents.replace(id, docId, version, fields, upload, caller);
  }

  @Delete('agenda-items/:id/documents/:docId')
  @Roles('clerk')
  @Operation({
    summary:
      'Remove a document from its item (clerk), `If-Match` the item’s version; a file no other document uses is deleted with it.',
    operationId: 'agendaItemsRemoveDocument',
    params: ItemDocumentParams,
    ifMatch: true,
  })
  remove(
    @Param('id') id: string,
    @Param('docId') docId: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.documents.remove(id, docId, version, caller);
  }
}
