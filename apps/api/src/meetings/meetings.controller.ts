import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  Attendance,
  MeetingAttendance,
  MeetingDetail,
  MeetingDocumentSchema,
  MeetingInput,
  MeetingPage,
  MeetingParams,
  MeetingPatch,
  MeetingQuery,
  MeetingResource,
  type MeetingDocument,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import type { SerialisedResource } from '../common/etag.interceptor.js';
import { Operation, Resource } from '../contract/operation.js';
import { MeetingsService } from './meetings.service.js';

export const MEETINGS_TAG_DESCRIPTION =
  'A committee’s meeting: its agenda, attendance, the whole meeting as a document and its PDFs.';

@Resource('meetings', MEETINGS_TAG_DESCRIPTION)
@Controller({ path: 'meetings', version: '1' })
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @Operation({
    summary:
      'Meetings, newest first; filter by committee, date range and status. The public sees published meetings only.',
    query: MeetingQuery,
    response: MeetingPage,
  })
  list(@Query() query: MeetingQuery, @CurrentCaller() caller: Caller): Promise<MeetingPage> {
    return this.meetings.list(query, caller);
  }

  @Get(':id')
  @Operation({
    summary:
      'A meeting with its agenda items in published order; exempt items show only number, title and paragraph to the public.',
    params: MeetingParams,
    response: MeetingDetail,
  })
  // The service hands back the answer already serialised (kept per generation of the meetings).
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<SerialisedResource> {
    return this.meetings.getSerialised(id, caller);
  }

  @Post()
  @Roles('clerk')
  @Operation({
    summary: 'Schedule a meeting (clerk).',
    body: MeetingInput,
    response: MeetingResource,
    errors: [409],
  })
  create(@Body() body: MeetingInput, @CurrentCaller() caller: Caller): Promise<MeetingResource> {
    return this.meetings.create(body, caller);
  }

  @Patch(':id')
  @Roles('clerk')
  @Operation({
    summary: 'Change a meeting’s date, time, venue, status or declarations record (clerk).',
    params: MeetingParams,
    body: MeetingPatch,
    response: MeetingResource,
    ifMatch: true,
    errors: [409],
  })
  update(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: MeetingPatch,
    @CurrentCaller() caller: Caller,
  ): Promise<MeetingResource> {
    return this.meetings.update(id, version, body, caller);
  }

  @Delete(':id')
  @Roles('clerk')
  @Operation({
    summary: 'Delete a meeting and everything on it (clerk); not once its minutes are approved.',
    params: MeetingParams,
    ifMatch: true,
    errors: [409],
  })
  remove(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.meetings.remove(id, version, caller);
  }

  @Get(':id/attendance')
  @Operation({
    summary:
      'Who attended: present (chair first), apologies, substitutes, cabinet members and officers.',
    params: MeetingParams,
    response: MeetingAttendance,
  })
  attendance(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<MeetingAttendance> {
    return this.meetings.getAttendance(id, caller);
  }

  @Put(':id/attendance')
  @Roles('clerk')
  @Operation({
    summary: 'Record the attendance (clerk); If-Match carries the meeting’s version.',
    params: MeetingParams,
    body: Attendance,
    response: MeetingAttendance,
    ifMatch: true,
  })
  putAttendance(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: Attendance,
    @CurrentCaller() caller: Caller,
  ): Promise<MeetingAttendance> {
    return this.meetings.putAttendance(id, version, body, caller);
  }

  @Get(':id/document')
  @Roles('clerk', 'member')
  @Operation({
    summary:
      'The whole meeting as a MeetingDocument (exempt content included, so clerks and members only); imports back unchanged.',
    params: MeetingParams,
    response: MeetingDocumentSchema,
  })
  document(@Param('id') id: string): Promise<MeetingDocument> {
    return this.meetings.exportDocument(id);
  }
}
