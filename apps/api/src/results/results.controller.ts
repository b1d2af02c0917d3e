import { Body, Controller, Delete, Get, Header, Param, Post, Put, Query } from '@nestjs/common';
import {
  MeasureResultInput,
  MeasureResultPage,
  MeasureResultParams,
  MeasureResultQuery,
  MeasureResultResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { ResultsService } from './results.service.js';

@Resource(
  'results',
  'Each period’s figure for a measure, with the RAG and trend the API assessed and stored (ADR007).',
)
@Controller({ path: 'results', version: '1' })
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  @Operation({
    summary:
      'Measure results with RAG and trend; filter by portfolio, year, period, RAG, measure, status.',
    query: MeasureResultQuery,
    response: MeasureResultPage,
  })
  // The service hands back the page already serialised (cached per data generation).
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(@Query() query: MeasureResultQuery): Promise<string> {
    return this.results.listJson(query);
  }

  @Get(':id')
  @Operation({
    summary: 'One result.',
    params: MeasureResultParams,
    response: MeasureResultResource,
  })
  get(@Param('id') id: number): Promise<MeasureResultResource> {
    return this.results.get(id);
  }

  @Post()
  @Roles('officer')
  @Operation({
    summary: 'Record a period’s figure for a measure (its portfolio’s officers, admins).',
    body: MeasureResultInput,
    response: MeasureResultResource,
    errors: [409],
  })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: MeasureResultInput,
  ): Promise<MeasureResultResource> {
    return this.results.create(caller, body);
  }

  @Put(':id')
  @Roles('officer')
  @Operation({
    summary: 'Replace a result’s figure, status, comparators and commentary; it is reassessed.',
    description:
      'The body is the result as read (its server fields are ignored); its measure and period must stay the same.',
    params: MeasureResultParams,
    body: MeasureResultResource,
    response: MeasureResultResource,
    ifMatch: true,
  })
  replace(
    @CurrentCaller() caller: Caller,
    @Param('id') id: number,
    @IfMatch() version: number,
    @Body() body: MeasureResultInput,
  ): Promise<MeasureResultResource> {
    return this.results.replace(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @Operation({
    summary: 'Delete a result; the measure’s other results are reassessed.',
    params: MeasureResultParams,
    ifMatch: true,
  })
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: number,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.results.remove(caller, id, version);
  }
}
