import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { ParseIdPipe } from '../performance/id.pipe.js';
import { AgreementsService } from './agreements.service.js';
import {
  AgreementPageDto,
  AgreementQueryDto,
  AgreementResponseDto,
  AgreementTransitionDto,
  CreateAgreementDto,
  ReplaceAgreementDto,
} from './dto/agreement.dto.js';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller({ path: 'agreements', version: '1' })
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Portfolio Performance and Resource Agreements (summaries); filter by portfolio, year, status.',
  })
  @ApiOkResponse({ type: AgreementPageDto })
  list(@Query() query: AgreementQueryDto): Promise<AgreementPageDto> {
    return this.agreements.list(query) as Promise<AgreementPageDto>;
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One agreement with its priorities, targets, budget, reserves, savings and capital lines.',
  })
  @ApiOkResponse({ type: AgreementResponseDto })
  get(@Param('id', ParseIdPipe) id: number): Promise<AgreementResponseDto> {
    return this.agreements.get(id);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Draft a portfolio’s agreement for a year (its officers, admins).' })
  @ApiCreatedResponse({ type: AgreementResponseDto })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateAgreementDto,
  ): Promise<AgreementResponseDto> {
    return this.agreements.create(caller, body);
  }

  @Put(':id')
  @Roles('officer')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Replace the content of an agreement that is not yet approved.' })
  @ApiOkResponse({ type: AgreementResponseDto })
  @ApiConflictResponse({ description: 'The agreement is approved, or the version is stale.' })
  replace(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseIdPipe) id: number,
    @IfMatch() version: number,
    @Body() body: ReplaceAgreementDto,
  ): Promise<AgreementResponseDto> {
    return this.agreements.replace(caller, id, version, body);
  }

  @Post(':id/transitions')
  @Roles('officer', 'clerk')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Record that the committee considered the draft, or that Cabinet approved it.',
  })
  @ApiOkResponse({ type: AgreementResponseDto })
  @ApiConflictResponse({
    description: 'The lifecycle does not allow the step, or the version is stale.',
  })
  transition(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseIdPipe) id: number,
    @IfMatch() version: number,
    @Body() body: AgreementTransitionDto,
  ): Promise<AgreementResponseDto> {
    return this.agreements.transition(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Delete an agreement that is not yet approved.' })
  @ApiNoContentResponse()
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseIdPipe) id: number,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.agreements.remove(caller, id, version);
  }
}
