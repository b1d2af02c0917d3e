import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  MeetingMinutesParams,
  MinuteInput,
  MinutePage,
  MinuteParams,
  MinuteQuery,
  MinuteResource,
  MinutesApproval,
  MinutesOfMeetingPatch,
  MinutesOfMeetingResource,
  MotionPage,
  MotionQuery,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { MinutesService } from './minutes.service.js';

@Resource(
  'minutes',
  'The minutes of meetings: each minute with its paragraphs, motions and votes, elections, actions and resolution; draft until a later meeting approves them.',
)
@Controller({ version: '1' })
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('meetings/:meetingId/minutes')
  @Operation({
    summary: 'The minutes of a meeting: status, when approved, and every minute in order.',
    description: 'Exempt minutes show the public only their reference, title and paragraph.',
    params: MeetingMinutesParams,
    response: MinutesOfMeetingResource,
  })
  record(
    @Param('meetingId') meetingId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<MinutesOfMeetingResource> {
    return this.minutes.getRecord(meetingId, caller);
  }

  @Patch('meetings/:meetingId/minutes')
  @Roles('clerk')
  @Operation({
    summary: 'Start the draft minutes or set when the meeting closed (clerk).',
    description: 'If-Match carries the meeting’s version. Approved minutes answer 409.',
    params: MeetingMinutesParams,
    body: MinutesOfMeetingPatch,
    response: MinutesOfMeetingResource,
    ifMatch: true,
    errors: [409],
  })
  setRecord(
    @Param('meetingId') meetingId: string,
    @IfMatch() version: number,
    @Body() body: MinutesOfMeetingPatch,
    @CurrentCaller() caller: Caller,
  ): Promise<MinutesOfMeetingResource> {
    return this.minutes.setRecord(meetingId, version, body, caller);
  }

  @Post('meetings/:meetingId/minutes/approval')
  @Roles('clerk')
  @Operation({
    summary: 'Record that a later meeting approved the minutes as a correct record (clerk).',
    description:
      'If-Match carries the meeting’s version. Approved minutes never change: later writes get 409.',
    params: MeetingMinutesParams,
    body: MinutesApproval,
    response: MinutesOfMeetingResource,
    status: 200,
    ifMatch: true,
    errors: [409],
  })
  approve(
    @Param('meetingId') meetingId: string,
    @IfMatch() version: number,
    @Body() body: MinutesApproval,
    @CurrentCaller() caller: Caller,
  ): Promise<MinutesOfMeetingResource> {
    return this.minutes.approve(meetingId, version, body, caller);
  }

  @Post('meetings/:meetingId/minutes')
  @Roles('clerk')
  @Operation({
    summary:
      'Add a minute with its paragraphs, comments, motions and votes, actions and resolution (clerk).',
    description:
      'Starts the draft minutes if the meeting has none. The reference’s sequence must be the number in its text.',
    params: MeetingMinutesParams,
    body: MinuteInput,
    response: MinuteResource,
    errors: [409],
  })
  create(
    @Param('meetingId') meetingId: string,
    @Body() body: MinuteInput,
    @CurrentCaller() caller: Caller,
  ): Promise<MinuteResource> {
    return this.minutes.create(meetingId, body, caller);
  }

  @Get('minutes')
  @Operation({
    summary: 'Minutes across meetings; filter by meeting.',
    description: 'Exempt minutes show the public only their reference, title and paragraph.',
    query: MinuteQuery,
    response: MinutePage,
  })
  list(@Query() query: MinuteQuery, @CurrentCaller() caller: Caller): Promise<MinutePage> {
    return this.minutes.list(query, caller);
  }

  @Get('minutes/:id')
  @Operation({ summary: 'One minute.', params: MinuteParams, response: MinuteResource })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<MinuteResource> {
    return this.minutes.get(id, caller);
  }

  @Get('minutes/:id/motions')
  @Operation({
    summary: 'The motions put under a minute, in order, with proposer, seconder, vote and outcome.',
    params: MinuteParams,
    query: MotionQuery,
    response: MotionPage,
  })
  motions(
    @Param('id') id: string,
    @Query() query: MotionQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<MotionPage> {
    return this.minutes.motions(id, query, caller);
  }

  @Put('minutes/:id')
  @Roles('clerk')
  @Operation({
    summary: 'Replace a draft minute (clerk); 409 once the minutes are approved.',
    description: 'A minute as read may be sent back: the server’s fields are ignored.',
    params: MinuteParams,
    body: MinuteResource,
    response: MinuteResource,
    ifMatch: true,
    errors: [409],
  })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: MinuteInput,
    @CurrentCaller() caller: Caller,
  ): Promise<MinuteResource> {
    return this.minutes.replace(id, version, body, caller);
  }

  @Delete('minutes/:id')
  @Roles('clerk')
  @Operation({
    summary: 'Delete a draft minute (clerk); 409 once the minutes are approved.',
    params: MinuteParams,
    ifMatch: true,
    errors: [409],
  })
  remove(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.minutes.remove(id, version, caller);
  }
}
