import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  MeasureHistory,
  MeasureInput,
  MeasurePage,
  MeasureParams,
  MeasurePatch,
  MeasureQuery,
  MeasureResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { MeasuresService } from './measures.service.js';

@Resource(
  'measures',
  'A portfolio’s performance measures: what is measured, in which unit, how often.',
)
@Controller({ path: 'measures', version: '1' })
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Get()
  @Operation({
    summary: 'Performance measures; filter by portfolio and priority.',
    query: MeasureQuery,
    response: MeasurePage,
  })
  list(@Query() query: MeasureQuery): Promise<MeasurePage> {
    return this.measures.list(query);
  }

  @Get(':code')
  @Operation({ summary: 'One measure.', params: MeasureParams, response: MeasureResource })
  get(@Param('code') code: string): Promise<MeasureResource> {
    return this.measures.get(code);
  }

  @Get(':code/history')
  @Operation({
    summary: 'The measure across every year: each year’s target and results with RAG and trend.',
    params: MeasureParams,
    response: MeasureHistory,
  })
  history(@Param('code') code: string): Promise<MeasureHistory> {
    return this.measures.history(code);
  }

  @Post()
  @Roles('officer')
  @Operation({
    summary: 'Add a measure to a portfolio (its officers, admins).',
    body: MeasureInput,
    response: MeasureResource,
    errors: [409],
  })
  create(@CurrentCaller() caller: Caller, @Body() body: MeasureInput): Promise<MeasureResource> {
    return this.measures.create(caller, body);
  }

  @Patch(':code')
  @Roles('officer')
  @Operation({
    summary: 'Change a measure; its results are reassessed.',
    params: MeasureParams,
    body: MeasurePatch,
    response: MeasureResource,
    ifMatch: true,
  })
  update(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
    @Body() body: MeasurePatch,
  ): Promise<MeasureResource> {
    return this.measures.update(caller, code, version, body);
  }

  @Delete(':code')
  @Roles('officer')
  @Operation({
    summary: 'Delete a measure that has no results and no targets.',
    params: MeasureParams,
    ifMatch: true,
    errors: [409],
  })
  remove(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.measures.remove(caller, code, version);
  }
}
