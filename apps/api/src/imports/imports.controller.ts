import { Body, Controller, Post } from '@nestjs/common';
import {
  type MeetingDocument,
  MeetingDocumentSchema,
  MeetingImportResult,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { Operation, Resource } from '../contract/operation.js';
import { ImportsService } from './imports.service.js';

@Resource('imports', 'Whole documents written in one transaction: a meeting and everything on it.')
@Controller({ path: 'imports', version: '1' })
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('meetings')
  @Roles('clerk')
  @Operation({
    summary:
      'Import a whole meeting (clerk): validated in full, written in one transaction or not at all; 400 lists every problem with its JSON path.',
    description:
      'The body is a MeetingDocument, as GET /meetings/{id}/document returns it. What its schema says answers 400 `REQUEST.INVALID`; the domain’s document rules the schema cannot say (unique numbers, references, order) answer 400 `DOCUMENT.INVALID`; each names every problem with its path. A late paper’s `late` (the chair’s reason for urgency, `addedAt`, `supplement`) is history and is stored as sent, checked by its shape only.',
    body: MeetingDocumentSchema,
    bodyKeepsServerFields: true,
    response: MeetingImportResult,
    errors: [409],
  })
  importMeeting(
    @Body() body: MeetingDocument,
    @CurrentCaller() caller: Caller,
  ): Promise<MeetingImportResult> {
    return this.imports.importMeeting(body, caller);
  }
}
