import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { ActionsService } from './actions.service.js';
import {
  ActionPageDto,
  ActionQueryDto,
  ActionResponseDto,
  UpdateActionDto,
} from './dto/action.dto.js';

@ApiTags('actions')
@ApiBearerAuth()
@Controller({ path: 'actions', version: '1' })
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Actions minuted at meetings; filter by meeting, status, owner and due date. Add them with their minute.',
  })
  @ApiOkResponse({ type: ActionPageDto })
  list(@Query() query: ActionQueryDto, @CurrentCaller() caller: Caller) {
    return this.actions.list(query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One action.' })
  @ApiOkResponse({ type: ActionResponseDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.actions.get(id, caller);
  }

  @Patch(':id')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Track an action: its status, owner or due date (clerk).' })
  @ApiOkResponse({ type: ActionResponseDto })
  update(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateActionDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.actions.update(id, version, dto, caller);
  }
}
