import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  AgendaPublication,
  type CouncilDataset,
  CouncilDatasetSchema,
  EditionQuery,
  MeetingParams,
  MeetingPublicationCheck,
  PackPublicationList,
  PublicationParams,
  SupplementPackQuery,
  SupplementPublication,
  ReportParams,
} from '@scrutineer/domain';
import type { Request, Response } from 'express';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { MEETINGS_TAG_DESCRIPTION } from '../meetings/meetings.controller.js';
import { markForCaller, markPublic } from '../public-record/public-cache.js';
import { MeetingDocumentsService } from './meeting-documents.service.js';
import { PackPublicationsService } from './pack-publications.js';

const PDF_DESCRIPTION =
  'A tagged PDF (PDF/UA, en-GB); `Content-Disposition: inline; filename="…"`. The same data gives the same bytes: it is drawn off the event loop (a render thread, or a queue worker when the server is configured with Redis) once, and kept by the SHA-256 of what it is drawn from, so a write to the meeting gives a new one. 503 `RENDER.FAILED` when it could not be drawn, `RENDER.TIMEOUT` when a queued render did not finish in time: try again.';

/** How the meeting's data set and PDFs may be cached: they depend on who asks (markForCaller). */
const BY_CALLER_CACHE =
  'Anonymous: `Cache-Control: public, max-age=300`; with a token (which may see unpublished meetings): `private, no-cache`, and `private, no-store` for the confidential edition. Always `Vary: Authorization`.';

/** A performance report is the same whoever asks (markPublic). */
const PUBLIC_CACHE = '`Cache-Control: public, max-age=300`, `Vary: Authorization`.';

@Resource('meetings', MEETINGS_TAG_DESCRIPTION)
@Controller({ path: 'meetings', version: '1' })
export class MeetingDocumentsController {
  constructor(
    private readonly documents: MeetingDocumentsService,
    private readonly publications: PackPublicationsService,
  ) {}

  @Get(':id/agenda-pack.pdf')
  @Operation({
    summary:
      'The agenda pack as one PDF: public edition for anyone who may see the meeting, confidential for clerks and members.',
    description: `The public edition holds no exempt (Schedule 12A) content at all: exempt items appear on the agenda by number, title and paragraph, exempt appendices as a notice. The confidential edition adds them, every page marked NOT FOR PUBLICATION. ${PDF_DESCRIPTION} ${BY_CALLER_CACHE}`,
    params: MeetingParams,
    query: EditionQuery,
    produces: 'application/pdf',
    errors: [401, 403, 503],
  })
  agendaPack(
    @Param('id') id: string,
    @Query() query: EditionQuery,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ): Promise<void> {
    // Set first, so a refusal (401, or 404 for an unpublished meeting) says it too.
    response.vary('Authorization');
    return this.documents.agendaPack(id, query.edition ?? 'public', caller, response);
  }

  @Get(':id/minutes.pdf')
  @Operation({
    summary:
      'The minutes as a PDF; exempt minutes appear only as a line saying so (404 before the meeting is minuted).',
    description: `${PDF_DESCRIPTION} ${BY_CALLER_CACHE}`,
    params: MeetingParams,
    produces: 'application/pdf',
    errors: [503],
  })
  minutes(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ): Promise<void> {
    response.vary('Authorization');
    return this.documents.minutes(id, caller, response);
  }

  @Get(':id/publication-check')
  @Roles('clerk', 'officer')
  @Operation({
    summary:
      'What the clerk should fix before publishing: errors (publication refuses them) and warnings, each with where it is.',
    description:
      'The findings in the data (exempt items before the exclusion of the public, the five clear days, report authors and contacts, Third Quarter measures with no new figure, the gaps published minutes leave out) and in the agenda pack’s layout (a report with no pages, a table row taller than a page), errors first. Checked in the caller’s edition: clerks check the confidential one, exempt items in full; officers the public one, where an exempt item appears by number and title only. The deadline is judged at now, or at the recorded publication once the agenda is published.',
    params: MeetingParams,
    response: MeetingPublicationCheck,
  })
  publicationCheck(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<MeetingPublicationCheck> {
    return this.documents.publicationCheck(id, caller);
  }

  @Post(':id/agenda/publication')
  @Roles('clerk')
  @Operation({
    summary:
      'Publish the agenda now (clerk): runs the pre-publication check, refuses on errors, and says whether it met the five-clear-days deadline.',
    description:
      'The check of GET …/publication-check (confidential edition) runs first. With any error nothing is published: 409 `PUBLICATION.HAS_ERRORS`, the problem’s `data.errors` and `data.warnings` listing the findings. Otherwise the agenda is published and the answer’s `warnings` lists what was published with (also recorded in the audit trail).',
    params: MeetingParams,
    response: AgendaPublication,
    status: 200,
    ifMatch: true,
    errors: [409],
  })
  publish(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<AgendaPublication> {
    return this.documents.publishAgenda(id, version, caller);
  }

  @Get(':id/supplement-pack.pdf')
  @Operation({
    summary:
      'A supplementary agenda (“Supplementary Agenda No. 1”) as one PDF: its own front sheet and only the late papers it published, each with the chair’s reason for urgency.',
    description: `The latest supplement the meeting has published unless \`supplement\` names one; 404 when it has none (or not that one). Editions as for the agenda pack: the confidential one for clerks and members only. ${PDF_DESCRIPTION} ${BY_CALLER_CACHE}`,
    params: MeetingParams,
    query: SupplementPackQuery,
    produces: 'application/pdf',
    errors: [401, 403, 503],
  })
  supplementPack(
    @Param('id') id: string,
    @Query() query: SupplementPackQuery,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ): Promise<void> {
    response.vary('Authorization');
    return this.documents.supplementPack(
      id,
      query.edition ?? 'public',
      query.supplement,
      caller,
      response,
    );
  }

  @Post(':id/supplements')
  @Roles('clerk')
  @Operation({
    summary:
      'Publish the next supplementary agenda (clerk): every late paper no supplement has published yet goes out under the next number.',
    description:
      'A late paper is an item or document added after the agenda was published, with the chair’s reason for urgency (LGA 1972 s.100B(4)(b)). Its `late.supplement` becomes the new number, the meeting’s version goes up (`If-Match` it, as for publishing the agenda) and the supplement pack is drawn in both editions and recorded (GET …/publications), in one transaction: if the pack cannot be drawn (503) nothing is published. 409 `LATE_PAPER.NOTHING_PENDING` when no late paper waits, `LATE_PAPER.TOO_MANY_SUPPLEMENTS` after the 99th.',
    params: MeetingParams,
    response: SupplementPublication,
    status: 200,
    ifMatch: true,
    errors: [409, 503],
  })
  publishSupplement(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<SupplementPublication> {
    return this.publications.publishSupplement(id, version, caller);
  }

  @Get(':id/publications')
  @Operation({
    summary:
      'Every publication of the meeting’s packs (the agenda pack, each supplementary agenda): when, and the SHA-256 of the PDF published.',
    description:
      'Recorded when the agenda is published and when each supplement is, in the same transaction, so the council can show what was open to inspection five clear days before. The public sees the public edition’s records only; clerks and members see the confidential edition’s too. Oldest first.',
    params: MeetingParams,
    response: PackPublicationList,
  })
  async listPublications(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PackPublicationList> {
    response.vary('Authorization');
    const list = await this.publications.list(id, caller);
    markForCaller(
      response,
      caller,
      list.items.some((record) => record.edition !== 'public'),
    );
    return list;
  }

  @Get(':id/publications/:publicationId.pdf')
  @Operation({
    summary: 'A pack exactly as it was published: the stored bytes, ETag their SHA-256.',
    description:
      'The bytes recorded at publication, never drawn again. A confidential edition’s record is 404 to a caller who may not read exempt content (the public, officers), as if it did not exist. `If-None-Match` with the ETag answers 304.',
    operationId: 'meetingsPublicationPdf',
    params: PublicationParams,
    produces: 'application/pdf',
    responseHeaders: {
      ETag: 'The PDF’s SHA-256 in quotes (as the record’s `sha256`).',
      'Content-Length': 'The PDF’s size in bytes.',
    },
  })
  publicationPdf(
    @Param('id') id: string,
    @Param('publicationId') publicationId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.vary('Authorization');
    return this.publications.send(id, publicationId, caller, request, response);
  }

  @Get(':id/dataset')
  @Operation({
    summary:
      'The CouncilDataset slice the agenda pack and minutes are drawn from, in the edition asked for.',
    description:
      'The same data the PDF routes render, from the same loader: the meeting document, its committee, authority, members and portfolios, and every performance report its agenda carries with their measures, the results they show (each measure’s reported period) and agreements. The public edition (anonymous) withholds exempt content exactly as the public agenda pack does; the confidential edition (clerks and members) holds it. `scrutineer-pack --api` reads this route. ' +
      BY_CALLER_CACHE,
    params: MeetingParams,
    query: EditionQuery,
    response: CouncilDatasetSchema,
    errors: [401, 403],
  })
  async dataset(
    @Param('id') id: string,
    @Query() query: EditionQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CouncilDataset> {
    response.vary('Authorization');
    const edition = query.edition ?? 'public';
    const dataset = await this.documents.meetingDataset(id, edition, caller);
    markForCaller(response, caller, edition === 'confidential');
    return dataset;
  }
}

@Resource(
  'performance-reports',
  'A Portfolio Performance and Resources Report (PPRR): its measures’ results, RAG and trend, and finances.',
)
@Controller({ path: 'reports', version: '1' })
export class ReportDocumentsController {
  constructor(private readonly documents: MeetingDocumentsService) {}

  @Get(':id.pdf')
  @Operation({
    summary: 'A performance report (PPRR) as a PDF in the council style.',
    description: `${PDF_DESCRIPTION} ${PUBLIC_CACHE}`,
    operationId: 'performanceReportPdf',
    params: ReportParams,
    produces: 'application/pdf',
    errors: [503],
  })
  report(@Param('id') id: string, @Res() response: Response): Promise<void> {
    return this.documents.performanceReport(id, response);
  }

  @Get(':id/dataset')
  @Operation({
    summary: 'The CouncilDataset slice the performance report PDF is drawn from.',
    description:
      'The report, its portfolio and authority, the measures it reports, the result of each for the period the report shows (not their other periods) and the agreement that sets their targets: what GET /reports/{id}.pdf renders, from the same loader. Reports hold no exempt content, so anyone may read it. ' +
      PUBLIC_CACHE,
    operationId: 'performanceReportDataset',
    params: ReportParams,
    response: CouncilDatasetSchema,
  })
  async dataset(
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CouncilDataset> {
    const dataset = await this.documents.reportDataset(id);
    markPublic(response);
    return dataset;
  }
}
