import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ResolutionPage,
  ResolutionParams,
  ResolutionQuery,
  ResolutionResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller } from '../auth/caller.js';
import { Operation, Resource } from '../contract/operation.js';
import { ResolutionsService } from './resolutions.service.js';

@Resource(
  'resolutions',
  'What meetings resolved, verbatim; written with their minute. Exempt ones are not shown to the public.',
)
@Controller({ path: 'resolutions', version: '1' })
export class ResolutionsController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Get()
  @Operation({
    summary: 'Resolutions, verbatim, newest meeting first; filter by meeting.',
    query: ResolutionQuery,
    response: ResolutionPage,
  })
  list(@Query() query: ResolutionQuery, @CurrentCaller() caller: Caller): Promise<ResolutionPage> {
    return this.resolutions.list(query, caller);
  }

  @Get(':id')
  @Operation({ summary: 'One resolution.', params: ResolutionParams, response: ResolutionResource })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ResolutionResource> {
    return this.resolutions.get(id, caller);
  }
}
