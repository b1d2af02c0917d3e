import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  MemberInput,
  MemberPage,
  MemberParams,
  MemberPatch,
  MemberQuery,
  MemberResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { MembersService } from './members.service.js';

@Resource('members', 'Councillors: the people who sit on committees and make declarations.')
@Controller({ path: 'members', version: '1' })
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Operation({
    summary: 'Councillors; filter by name and party.',
    query: MemberQuery,
    response: MemberPage,
  })
  list(@Query() query: MemberQuery): Promise<MemberPage> {
    return this.members.list(query);
  }

  @Get(':id')
  @Operation({ summary: 'One councillor.', params: MemberParams, response: MemberResource })
  get(@Param('id') id: string): Promise<MemberResource> {
    return this.members.get(id);
  }

  @Post()
  @Roles('clerk')
  @Operation({
    summary: 'Add a councillor (clerks).',
    body: MemberInput,
    response: MemberResource,
    errors: [409],
  })
  create(@Body() body: MemberInput, @CurrentCaller() caller: Caller): Promise<MemberResource> {
    return this.members.create(body, caller);
  }

  @Patch(':id')
  @Roles('clerk')
  @Operation({
    summary: 'Change a councillor’s name, party or ward (clerks).',
    params: MemberParams,
    body: MemberPatch,
    response: MemberResource,
    ifMatch: true,
  })
  update(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: MemberPatch,
    @CurrentCaller() caller: Caller,
  ): Promise<MemberResource> {
    return this.members.update(id, version, body, caller);
  }

  @Delete(':id')
  @Roles('clerk')
  @Operation({
    summary: 'Remove a councillor (clerks); names already minuted are kept as written.',
    params: MemberParams,
    ifMatch: true,
  })
  remove(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.members.remove(id, version, caller);
  }
}
