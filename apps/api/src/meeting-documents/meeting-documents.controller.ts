import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CouncilDataset } from '@scrutineer/domain';
import type { Response } from 'express';
import { type Caller, CurrentCaller } from '../auth/caller.js';
import { domainSchema } from '../common/openapi-refs.js';
import { AgendaPackQueryDto } from './dto/edition.dto.js';
import { MeetingDocumentsService } from './meeting-documents.service.js';

const PDF = {
  status: 200,
  description:
    'A tagged PDF (PDF/UA, en-GB), streamed as it is drawn; `Content-Disposition: inline; filename="…"`. The same data gives the same bytes.',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

/** An RFC 9457 problem answer, sent instead of the PDF when the request fails before its first byte. */
const problem = (status: number, description: string) => ({
  status,
  description,
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          status: { type: 'integer', example: status },
          detail: { type: 'string' },
          instance: { type: 'string' },
          code: { type: 'string' },
          requestId: { type: 'string', nullable: true },
        },
      },
    },
  },
});

const NOT_FOUND = problem(
  404,
  'No such meeting, or one the caller may not see (the public sees published meetings only).',
);

@ApiTags('meetings')
@ApiBearerAuth()
@Controller({ path: 'meetings', version: '1' })
export class MeetingDocumentsController {
  constructor(private readonly documents: MeetingDocumentsService) {}

  @Get(':id/agenda-pack.pdf')
  @ApiProduces('application/pdf', 'application/problem+json')
  @ApiOperation({
    summary:
      'The agenda pack as one PDF: public edition for anyone who may see the meeting, confidential for clerks and members.',
    description:
      'The public edition holds no exempt (Schedule 12A) content at all: exempt items appear on the agenda by number, title and paragraph, exempt appendices as a notice. The confidential edition adds them, every page marked NOT FOR PUBLICATION.',
  })
  @ApiParam({ name: 'id', description: 'The meeting id.', example: 'stockport-cfsc-2022-03-09' })
  @ApiResponse(PDF)
  @ApiResponse(problem(400, 'The edition is neither public nor confidential.'))
  @ApiResponse(problem(401, 'The confidential edition was asked for without a token.'))
  @ApiResponse(problem(403, 'The confidential edition needs a clerk or member token.'))
  @ApiResponse(NOT_FOUND)
  agendaPack(
    @Param('id') id: string,
    @Query() query: AgendaPackQueryDto,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ) {
    return this.documents.agendaPack(id, query.edition ?? 'public', caller, response);
  }

  @Get(':id/minutes.pdf')
  @ApiProduces('application/pdf', 'application/problem+json')
  @ApiOperation({
    summary: 'The minutes as a PDF; exempt minutes appear only as a line saying so.',
  })
  @ApiParam({
    name: 'id',
    description: 'The meeting id.',
    example: 'west-sussex-cypssc-2021-11-17',
  })
  @ApiResponse(PDF)
  @ApiResponse(problem(404, `${NOT_FOUND.description} Also when the meeting has no minutes yet.`))
  minutes(@Param('id') id: string, @CurrentCaller() caller: Caller, @Res() response: Response) {
    return this.documents.minutes(id, caller, response);
  }

  @Get(':id/dataset')
  @ApiOperation({
    summary:
      'The CouncilDataset slice the agenda pack and minutes are drawn from, in the edition asked for.',
    description:
      'The same data the PDF routes render, from the same loader: the meeting document, its committee, authority, members and portfolios, and every performance report its agenda carries with their measures, results and agreements. The public edition (anonymous) withholds exempt content exactly as the public agenda pack does; the confidential edition (clerks and members) holds it. `scrutineer-pack --api` reads this route.',
  })
  @ApiParam({ name: 'id', description: 'The meeting id.', example: 'stockport-cfsc-2022-03-09' })
  @ApiOkResponse({ schema: domainSchema('CouncilDataset') })
  @ApiResponse(problem(400, 'The edition is neither public nor confidential.'))
  @ApiResponse(problem(401, 'The confidential edition was asked for without a token.'))
  @ApiResponse(problem(403, 'The confidential edition needs a clerk or member token.'))
  @ApiResponse(NOT_FOUND)
  dataset(
    @Param('id') id: string,
    @Query() query: AgendaPackQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CouncilDataset> {
    return this.documents.meetingDataset(id, query.edition ?? 'public', caller);
  }
}

@ApiTags('performance reports')
@Controller({ path: 'reports', version: '1' })
export class ReportDocumentsController {
  constructor(private readonly documents: MeetingDocumentsService) {}

  @Get(':id.pdf')
  @ApiProduces('application/pdf', 'application/problem+json')
  @ApiOperation({ summary: 'A performance report (PPRR) as a PDF in the council style.' })
  @ApiParam({
    name: 'id',
    description: 'The performance report id (as in /performance-reports).',
    example: 'stockport-cfse-2021-22-q3',
  })
  @ApiResponse(PDF)
  @ApiResponse(problem(404, 'No performance report with that id.'))
  report(@Param('id') id: string, @Res() response: Response) {
    return this.documents.performanceReport(id, response);
  }

  @Get(':id/dataset')
  @ApiOperation({
    summary: 'The CouncilDataset slice the performance report PDF is drawn from.',
    description:
      'The report, its portfolio and authority, the measures it reports, their results and the agreement that sets their targets: what GET /reports/{id}.pdf renders, from the same loader. Reports hold no exempt content, so anyone may read it.',
  })
  @ApiParam({
    name: 'id',
    description: 'The performance report id (as in /performance-reports).',
    example: 'stockport-cfse-2021-22-q3',
  })
  @ApiOkResponse({ schema: domainSchema('CouncilDataset') })
  @ApiResponse(problem(404, 'No performance report with that id.'))
  dataset(@Param('id') id: string): Promise<CouncilDataset> {
    return this.documents.reportDataset(id);
  }
}
