import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import {
  CreateMeasureDto,
  MeasureHistoryDto,
  MeasurePageDto,
  MeasureQueryDto,
  MeasureResponseDto,
  UpdateMeasureDto,
} from './dto/measure.dto.js';
import { MeasuresService } from './measures.service.js';

@ApiTags('measures')
@ApiBearerAuth()
@Controller({ path: 'measures', version: '1' })
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Get()
  @ApiOperation({ summary: 'Performance measures; filter by portfolio and priority.' })
  @ApiOkResponse({ type: MeasurePageDto })
  list(@Query() query: MeasureQueryDto): Promise<MeasurePageDto> {
    return this.measures.list(query) as Promise<MeasurePageDto>;
  }

  @Get(':code')
  @ApiOkResponse({ type: MeasureResponseDto })
  get(@Param('code') code: string): Promise<MeasureResponseDto> {
    return this.measures.get(code);
  }

  @Get(':code/history')
  @ApiOperation({
    summary: 'The measure across every year: each year’s target and results with RAG and trend.',
  })
  @ApiOkResponse({ type: MeasureHistoryDto })
  history(@Param('code') code: string): Promise<MeasureHistoryDto> {
    return this.measures.history(code);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Add a measure to a portfolio (its officers, admins).' })
  @ApiCreatedResponse({ type: MeasureResponseDto })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateMeasureDto,
  ): Promise<MeasureResponseDto> {
    return this.measures.create(caller, body);
  }

  @Patch(':code')
  @Roles('officer')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change a measure; its results are reassessed.' })
  @ApiOkResponse({ type: MeasureResponseDto })
  update(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
    @Body() body: UpdateMeasureDto,
  ): Promise<MeasureResponseDto> {
    return this.measures.update(caller, code, version, body);
  }

  @Delete(':code')
  @Roles('officer')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Delete a measure that has no results and no targets.' })
  @ApiNoContentResponse()
  remove(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.measures.remove(caller, code, version);
  }
}
