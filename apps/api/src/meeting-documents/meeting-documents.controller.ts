import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Caller, CurrentCaller } from '../auth/caller.js';
import { AgendaPackQueryDto } from './dto/edition.dto.js';
import { MeetingDocumentsService } from './meeting-documents.service.js';

const PDF = {
  status: 200,
  description: 'A tagged PDF, streamed.',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

@ApiTags('meetings')
@Controller({ path: 'meetings', version: '1' })
export class MeetingDocumentsController {
  constructor(private readonly documents: MeetingDocumentsService) {}

  @Get(':id/agenda-pack.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The agenda pack as one PDF: public edition for anyone who may see the meeting, confidential for clerks and members.',
  })
  @ApiResponse(PDF)
  agendaPack(
    @Param('id') id: string,
    @Query() query: AgendaPackQueryDto,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ) {
    return this.documents.agendaPack(id, query.edition ?? 'public', caller, response);
  }

  @Get(':id/minutes.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The minutes as a PDF; exempt minutes appear only as a line saying so.',
  })
  @ApiResponse(PDF)
  minutes(@Param('id') id: string, @CurrentCaller() caller: Caller, @Res() response: Response) {
    return this.documents.minutes(id, caller, response);
  }
}

@ApiTags('performance reports')
@Controller({ path: 'reports', version: '1' })
export class ReportDocumentsController {
  constructor(private readonly documents: MeetingDocumentsService) {}

  @Get(':id.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'A performance report (PPRR) as a PDF in the council style.' })
  @ApiResponse(PDF)
  report(@Param('id') id: string, @Res() response: Response) {
    return this.documents.performanceReport(id, response);
  }
}
