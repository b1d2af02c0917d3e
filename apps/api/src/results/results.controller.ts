import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
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
import { ParseIdPipe } from '../performance/id.pipe.js';
import {
  CreateResultDto,
  ResultContentDto,
  ResultPageDto,
  ResultQueryDto,
  ResultResponseDto,
} from './dto/measure-result.dto.js';
import { ResultsService } from './results.service.js';

@ApiTags('results')
@ApiBearerAuth()
@Controller({ path: 'results', version: '1' })
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Measure results with RAG and trend; filter by portfolio, year, period, RAG, measure, status.',
  })
  @ApiOkResponse({ type: ResultPageDto })
  // The service hands back the page already serialised (cached per data generation).
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(@Query() query: ResultQueryDto): Promise<string> {
    return this.results.listJson(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ResultResponseDto })
  get(@Param('id', ParseIdPipe) id: number): Promise<ResultResponseDto> {
    return this.results.get(id);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({
    summary: 'Record a period’s figure for a measure (its portfolio’s officers, admins).',
  })
  @ApiCreatedResponse({ type: ResultResponseDto })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateResultDto,
  ): Promise<ResultResponseDto> {
    return this.results.create(caller, body);
  }

  @Put(':id')
  @Roles('officer')
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Replace a result’s figure, status, comparators and commentary; it is reassessed.',
  })
  @ApiOkResponse({ type: ResultResponseDto })
  replace(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseIdPipe) id: number,
    @IfMatch() version: number,
    @Body() body: ResultContentDto,
  ): Promise<ResultResponseDto> {
    return this.results.replace(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiNoContentResponse()
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseIdPipe) id: number,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.results.remove(caller, id, version);
  }
}
