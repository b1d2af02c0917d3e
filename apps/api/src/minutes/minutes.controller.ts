import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Minute } from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { domainSchema } from '../common/openapi-refs.js';
import {
  ApproveMinutesDto,
  MINUTE_BODY,
  MinutePageDto,
  MinuteQueryDto,
  MinuteResponseDto,
  MinutesOfMeetingResponseDto,
  StartMinutesDto,
} from './dto/minute.dto.js';
import { MinutesService } from './minutes.service.js';
import { PageQueryDto } from '../common/pagination.js';

@ApiTags('minutes')
@ApiBearerAuth()
@Controller({ version: '1' })
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('meetings/:meetingId/minutes')
  @ApiOperation({
    summary:
      'The minutes of a meeting: status, when approved, and every minute in order (exempt ones withheld from the public).',
  })
  @ApiOkResponse({ type: MinutesOfMeetingResponseDto })
  record(@Param('meetingId') meetingId: string, @CurrentCaller() caller: Caller) {
    return this.minutes.getRecord(meetingId, caller);
  }

  @Patch('meetings/:meetingId/minutes')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Start the draft minutes or set when the meeting closed (clerk); If-Match carries the meeting’s version.',
  })
  @ApiOkResponse({ type: MinutesOfMeetingResponseDto })
  setRecord(
    @Param('meetingId') meetingId: string,
    @IfMatch() version: number,
    @Body() dto: StartMinutesDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.minutes.setRecord(meetingId, version, dto, caller);
  }

  @Post('meetings/:meetingId/minutes/approval')
  @Roles('clerk')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Record that a later meeting approved the minutes as a correct record (clerk). Approved minutes never change: later writes get 409.',
  })
  @ApiOkResponse({ type: MinutesOfMeetingResponseDto })
  approve(
    @Param('meetingId') meetingId: string,
    @IfMatch() version: number,
    @Body() dto: ApproveMinutesDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.minutes.approve(meetingId, version, dto, caller);
  }

  @Post('meetings/:meetingId/minutes')
  @Roles('clerk')
  @ApiBody(MINUTE_BODY)
  @ApiOperation({
    summary:
      'Add a minute with its paragraphs, comments, motions and votes, actions and resolution (clerk).',
  })
  @ApiCreatedResponse({ type: MinuteResponseDto })
  create(
    @Param('meetingId') meetingId: string,
    @Body() body: Minute,
    @CurrentCaller() caller: Caller,
  ) {
    return this.minutes.create(meetingId, body, caller);
  }

  @Get('minutes')
  @ApiOperation({
    summary:
      'Minutes across meetings; filter by meeting. Exempt minutes show only their reference, title and paragraph to the public.',
  })
  @ApiOkResponse({ type: MinutePageDto })
  list(@Query() query: MinuteQueryDto, @CurrentCaller() caller: Caller) {
    return this.minutes.list(query, caller);
  }

  @Get('minutes/:id')
  @ApiOperation({ summary: 'One minute.' })
  @ApiOkResponse({ type: MinuteResponseDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.minutes.get(id, caller);
  }

  @Get('minutes/:id/motions')
  @ApiOperation({
    summary: 'The motions put under a minute, with proposer, seconder, vote and outcome.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['items', 'total', 'limit', 'offset'],
      properties: {
        items: { type: 'array', items: domainSchema('Motion') },
        total: { type: 'integer' },
        limit: { type: 'integer' },
        offset: { type: 'integer' },
      },
    },
  })
  motions(@Param('id') id: string, @Query() query: PageQueryDto, @CurrentCaller() caller: Caller) {
    return this.minutes.motions(id, query, caller);
  }

  @Put('minutes/:id')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiBody(MINUTE_BODY)
  @ApiOperation({ summary: 'Replace a draft minute (clerk); 409 once the minutes are approved.' })
  @ApiOkResponse({ type: MinuteResponseDto })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: Minute,
    @CurrentCaller() caller: Caller,
  ) {
    return this.minutes.replace(id, version, body, caller);
  }

  @Delete('minutes/:id')
  @Roles('clerk')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Delete a draft minute (clerk); 409 once the minutes are approved.' })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @IfMatch() version: number, @CurrentCaller() caller: Caller) {
    return this.minutes.remove(id, version, caller);
  }
}
