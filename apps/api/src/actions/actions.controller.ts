import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import {
  ActionPage,
  ActionParams,
  ActionPatch,
  ActionQuery,
  ActionResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { ActionsService } from './actions.service.js';

@Resource(
  'actions',
  'Actions minuted at meetings, tracked afterwards; they are written with their minute.',
)
@Controller({ path: 'actions', version: '1' })
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get()
  @Operation({
    summary: 'Actions minuted at meetings; filter by meeting, status, owner and due date.',
    description:
      'Actions are added with their minute. Those of exempt minutes are left out for the public.',
    query: ActionQuery,
    response: ActionPage,
  })
  list(@Query() query: ActionQuery, @CurrentCaller() caller: Caller): Promise<ActionPage> {
    return this.actions.list(query, caller);
  }

  @Get(':id')
  @Operation({ summary: 'One action.', params: ActionParams, response: ActionResource })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ActionResource> {
    return this.actions.get(id, caller);
  }

  @Patch(':id')
  @Roles('clerk')
  @Operation({
    summary: 'Track an action: its status, owner or due date (clerk).',
    description: 'An action as read may be sent back with the changes: the rest is ignored.',
    params: ActionParams,
    body: ActionPatch,
    response: ActionResource,
    ifMatch: true,
  })
  update(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: ActionPatch,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionResource> {
    return this.actions.update(id, version, body, caller);
  }
}
