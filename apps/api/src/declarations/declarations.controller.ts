import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  DeclarationInput,
  DeclarationPage,
  DeclarationParams,
  DeclarationQuery,
  DeclarationResource,
  MeetingDeclarationParams,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { DeclarationsService } from './declarations.service.js';

@Resource('declarations', 'Declarations of interest made by councillors at meetings.')
@Controller({ version: '1' })
export class DeclarationsController {
  constructor(private readonly declarations: DeclarationsService) {}

  @Get('declarations')
  @Operation({
    summary: 'Declarations of interest; filter by meeting, councillor and kind of interest.',
    query: DeclarationQuery,
    response: DeclarationPage,
  })
  list(
    @Query() query: DeclarationQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<DeclarationPage> {
    return this.declarations.list(query, caller);
  }

  @Post('meetings/:meetingId/declarations')
  @Roles('clerk')
  @Operation({
    summary: 'Record a declaration made at a meeting (clerks).',
    params: MeetingDeclarationParams,
    body: DeclarationInput,
    response: DeclarationResource,
    errors: [409],
  })
  create(
    @Param('meetingId') meetingId: string,
    @Body() body: DeclarationInput,
    @CurrentCaller() caller: Caller,
  ): Promise<DeclarationResource> {
    return this.declarations.create(meetingId, body, caller);
  }

  @Get('declarations/:id')
  @Operation({
    summary: 'One declaration.',
    params: DeclarationParams,
    response: DeclarationResource,
  })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<DeclarationResource> {
    return this.declarations.get(id, caller);
  }

  @Put('declarations/:id')
  @Roles('clerk')
  @Operation({
    summary: 'Correct a declaration (clerks) while the minutes are open.',
    params: DeclarationParams,
    body: DeclarationResource,
    response: DeclarationResource,
    ifMatch: true,
    errors: [409],
  })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: DeclarationInput,
    @CurrentCaller() caller: Caller,
  ): Promise<DeclarationResource> {
    return this.declarations.replace(id, version, body, caller);
  }

  @Delete('declarations/:id')
  @Roles('clerk')
  @Operation({
    summary: 'Remove a declaration (clerks) while the minutes are open.',
    params: DeclarationParams,
    ifMatch: true,
    errors: [409],
  })
  remove(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.declarations.remove(id, version, caller);
  }
}
