import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller.js';
import {
  ResolutionPageDto,
  ResolutionQueryDto,
  ResolutionResponseDto,
} from './dto/resolution.dto.js';
import { ResolutionsService } from './resolutions.service.js';

@ApiTags('resolutions')
@Controller({ path: 'resolutions', version: '1' })
export class ResolutionsController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Resolutions, verbatim, newest meeting first (sort `date` or `-date`); written with their minute.',
  })
  @ApiOkResponse({ type: ResolutionPageDto })
  list(@Query() query: ResolutionQueryDto, @CurrentCaller() caller: Caller) {
    return this.resolutions.list(query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One resolution.' })
  @ApiOkResponse({ type: ResolutionResponseDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.resolutions.get(id, caller);
  }
}
