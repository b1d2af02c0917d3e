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
import type { Attendance, MeetingDocument } from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { domainSchema } from '../common/openapi-refs.js';
import {
  ATTENDANCE_BODY,
  CreateMeetingDto,
  MeetingDetailDto,
  MeetingPageDto,
  MeetingQueryDto,
  MeetingResponseDto,
  PublicationResponseDto,
  UpdateMeetingDto,
} from './dto/meeting.dto.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller({ path: 'meetings', version: '1' })
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Meetings, newest first; filter by committee, date range and status. The public sees published meetings only.',
  })
  @ApiOkResponse({ type: MeetingPageDto })
  list(@Query() query: MeetingQueryDto, @CurrentCaller() caller: Caller) {
    return this.meetings.list(query, caller);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A meeting with its agenda items in published order; exempt items show only number, title and paragraph to the public.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.meetings.get(id, caller);
  }

  @Post()
  @Roles('clerk')
  @ApiOperation({ summary: 'Schedule a meeting (clerk).' })
  @ApiCreatedResponse({ type: MeetingResponseDto })
  create(@Body() dto: CreateMeetingDto, @CurrentCaller() caller: Caller) {
    return this.meetings.create(dto, caller);
  }

  @Patch(':id')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change a meeting’s date, time, venue or status (clerk).' })
  @ApiOkResponse({ type: MeetingResponseDto })
  update(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateMeetingDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.meetings.update(id, version, dto, caller);
  }

  @Delete(':id')
  @Roles('clerk')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Delete a meeting and everything on it (clerk); not once its minutes are approved.',
  })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @IfMatch() version: number, @CurrentCaller() caller: Caller) {
    return this.meetings.remove(id, version, caller);
  }

  @Post(':id/agenda/publication')
  @Roles('clerk')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Publish the agenda now (clerk): records the time and says whether it met the five-clear-days deadline.',
  })
  @ApiOkResponse({ type: PublicationResponseDto })
  publish(@Param('id') id: string, @IfMatch() version: number, @CurrentCaller() caller: Caller) {
    return this.meetings.publishAgenda(id, version, caller);
  }

  @Get(':id/attendance')
  @ApiOperation({
    summary:
      'Who attended: present (chair first), apologies, substitutes, cabinet members and officers.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        attendance: domainSchema('Attendance'),
        version: { type: 'integer', example: 2 },
      },
    },
  })
  attendance(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.meetings.getAttendance(id, caller);
  }

  @Put(':id/attendance')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiBody(ATTENDANCE_BODY)
  @ApiOperation({
    summary: 'Record the attendance (clerk); If-Match carries the meeting’s version.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        attendance: domainSchema('Attendance'),
        version: { type: 'integer', example: 3 },
      },
    },
  })
  putAttendance(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: Attendance,
    @CurrentCaller() caller: Caller,
  ) {
    return this.meetings.putAttendance(id, version, body, caller);
  }

  @Get(':id/document')
  @Roles('clerk', 'member')
  @ApiOperation({
    summary:
      'The whole meeting as a MeetingDocument (exempt content included, so clerks and members only); imports back unchanged.',
  })
  @ApiOkResponse({ schema: domainSchema('MeetingDocument') })
  document(@Param('id') id: string): Promise<MeetingDocument> {
    return this.meetings.exportDocument(id);
  }
}
