import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  AgendaItemInput,
  AgendaItemPage,
  AgendaItemParams,
  AgendaItemQuery,
  AgendaItemResource,
  MeetingAgendaParams,
  MeetingAgendaQuery,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { AgendaItemsService } from './agenda-items.service.js';

/** What the public does not read until a supplementary agenda publishes it. */
const LATE_TO_PUBLIC =
  'A late paper (`late` set) that no supplementary agenda has published yet (`late.supplement` null) is read only with a token: to the public a late item is absent from lists (and their `total`) and 404 to read, as if it did not exist, and a late document is absent from its item.';

@Resource(
  'agenda-items',
  'An item on a meeting’s agenda with its documents; exempt content is withheld from the public.',
)
@Controller({ version: '1' })
export class AgendaItemsController {
  constructor(private readonly items: AgendaItemsService) {}

  @Get('agenda-items')
  @Operation({
    summary:
      'Agenda items across meetings; filter by meeting, kind, exempt. Exempt items show number, title and paragraph only to the public.',
    description: LATE_TO_PUBLIC,
    query: AgendaItemQuery,
    response: AgendaItemPage,
  })
  list(@Query() query: AgendaItemQuery, @CurrentCaller() caller: Caller): Promise<AgendaItemPage> {
    return this.items.list(query, caller);
  }

  @Get('meetings/:meetingId/agenda-items')
  @Operation({
    summary: 'A meeting’s agenda in published order.',
    description: LATE_TO_PUBLIC,
    params: MeetingAgendaParams,
    query: MeetingAgendaQuery,
    response: AgendaItemPage,
  })
  listForMeeting(
    @Param('meetingId') meetingId: string,
    @Query() query: MeetingAgendaQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<AgendaItemPage> {
    return this.items.listForMeeting(meetingId, query, caller);
  }

  @Post('meetings/:meetingId/agenda-items')
  @Roles('clerk')
  @Operation({
    summary: 'Add an item at its `order` (clerk); later items move down.',
    params: MeetingAgendaParams,
    body: AgendaItemInput,
    response: AgendaItemResource,
    errors: [409],
  })
  create(
    @Param('meetingId') meetingId: string,
    @Body() body: AgendaItemInput,
    @CurrentCaller() caller: Caller,
  ): Promise<AgendaItemResource> {
    return this.items.create(meetingId, body, caller);
  }

  @Get('agenda-items/:id')
  @Operation({
    summary: 'One agenda item with its documents.',
    description: LATE_TO_PUBLIC,
    params: AgendaItemParams,
    response: AgendaItemResource,
  })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<AgendaItemResource> {
    return this.items.get(id, caller);
  }

  @Put('agenda-items/:id')
  @Roles('clerk')
  @Operation({
    summary:
      'Replace an item, its documents and its place in the order (clerk); what GET answered can be sent back.',
    params: AgendaItemParams,
    body: AgendaItemInput,
    response: AgendaItemResource,
    ifMatch: true,
    errors: [409],
  })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: AgendaItemInput,
    @CurrentCaller() caller: Caller,
  ): Promise<AgendaItemResource> {
    return this.items.replace(id, version, body, caller);
  }

  @Delete('agenda-items/:id')
  @Roles('clerk')
  @Operation({
    summary: 'Remove an item (clerk); later items move up.',
    params: AgendaItemParams,
    ifMatch: true,
  })
  remove(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.items.remove(id, version, caller);
  }
}
