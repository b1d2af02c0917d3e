import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AgendaItem } from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { AgendaItemsService } from './agenda-items.service.js';
import {
  AGENDA_ITEM_BODY,
  AgendaItemPageDto,
  AgendaItemQueryDto,
  AgendaItemResponseDto,
} from './dto/agenda-item.dto.js';
import { PageQueryDto } from '../common/pagination.js';

@ApiTags('agenda items')
@ApiBearerAuth()
@Controller({ version: '1' })
export class AgendaItemsController {
  constructor(private readonly items: AgendaItemsService) {}

  @Get('agenda-items')
  @ApiOperation({
    summary:
      'Agenda items across meetings; filter by meeting, kind, exempt. Exempt items show number, title and paragraph only to the public.',
  })
  @ApiOkResponse({ type: AgendaItemPageDto })
  list(@Query() query: AgendaItemQueryDto, @CurrentCaller() caller: Caller) {
    return this.items.list(query, caller);
  }

  @Get('meetings/:meetingId/agenda-items')
  @ApiOperation({ summary: 'A meeting’s agenda in published order, as a page.' })
  @ApiOkResponse({ type: AgendaItemPageDto })
  listForMeeting(
    @Param('meetingId') meetingId: string,
    @Query() query: PageQueryDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.items.listForMeeting(meetingId, query, caller);
  }

  @Post('meetings/:meetingId/agenda-items')
  @Roles('clerk')
  @ApiBody(AGENDA_ITEM_BODY)
  @ApiOperation({ summary: 'Add an item at its `order` (clerk); later items move down.' })
  @ApiCreatedResponse({ type: AgendaItemResponseDto })
  create(
    @Param('meetingId') meetingId: string,
    @Body() body: AgendaItem,
    @CurrentCaller() caller: Caller,
  ) {
    return this.items.create(meetingId, body, caller);
  }

  @Get('agenda-items/:id')
  @ApiOperation({ summary: 'One agenda item with its documents.' })
  @ApiOkResponse({ type: AgendaItemResponseDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.items.get(id, caller);
  }

  @Put('agenda-items/:id')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiBody(AGENDA_ITEM_BODY)
  @ApiOperation({ summary: 'Replace an item, its documents and its place in the order (clerk).' })
  @ApiOkResponse({ type: AgendaItemResponseDto })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: AgendaItem,
    @CurrentCaller() caller: Caller,
  ) {
    return this.items.replace(id, version, body, caller);
  }

  @Delete('agenda-items/:id')
  @Roles('clerk')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Remove an item (clerk); later items move up.' })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @IfMatch() version: number, @CurrentCaller() caller: Caller) {
    return this.items.remove(id, version, caller);
  }
}
