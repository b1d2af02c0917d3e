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
import type { Declaration } from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { DeclarationsService } from './declarations.service.js';
import {
  DECLARATION_BODY,
  DeclarationPageDto,
  DeclarationQueryDto,
  DeclarationResponseDto,
} from './dto/declaration.dto.js';

@ApiTags('declarations of interest')
@ApiBearerAuth()
@Controller({ version: '1' })
export class DeclarationsController {
  constructor(private readonly declarations: DeclarationsService) {}

  @Get('declarations')
  @ApiOperation({
    summary: 'Declarations of interest; filter by meeting, councillor and kind of interest.',
  })
  @ApiOkResponse({ type: DeclarationPageDto })
  list(@Query() query: DeclarationQueryDto, @CurrentCaller() caller: Caller) {
    return this.declarations.list(query, caller);
  }

  @Post('meetings/:meetingId/declarations')
  @Roles('clerk')
  @ApiBody(DECLARATION_BODY)
  @ApiOperation({ summary: 'Record a declaration made at a meeting (clerk).' })
  @ApiCreatedResponse({ type: DeclarationResponseDto })
  create(
    @Param('meetingId') meetingId: string,
    @Body() body: Declaration,
    @CurrentCaller() caller: Caller,
  ) {
    return this.declarations.create(meetingId, body, caller);
  }

  @Get('declarations/:id')
  @ApiOperation({ summary: 'One declaration.' })
  @ApiOkResponse({ type: DeclarationResponseDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.declarations.get(id, caller);
  }

  @Put('declarations/:id')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiBody(DECLARATION_BODY)
  @ApiOperation({ summary: 'Correct a declaration (clerk).' })
  @ApiOkResponse({ type: DeclarationResponseDto })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: Declaration,
    @CurrentCaller() caller: Caller,
  ) {
    return this.declarations.replace(id, version, body, caller);
  }

  @Delete('declarations/:id')
  @Roles('clerk')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Remove a declaration (clerk).' })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @IfMatch() version: number, @CurrentCaller() caller: Caller) {
    return this.declarations.remove(id, version, caller);
  }
}
