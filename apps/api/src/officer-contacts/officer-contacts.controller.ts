import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  OfficerContactInput,
  OfficerContactPage,
  OfficerContactParams,
  OfficerContactPatch,
  OfficerContactQuery,
  OfficerContactResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { OfficerContactsService } from './officer-contacts.service.js';

@Resource('officer-contacts', 'Officers named as contacts on a portfolio’s reports.')
@Controller({ path: 'officer-contacts', version: '1' })
export class OfficerContactsController {
  constructor(private readonly contacts: OfficerContactsService) {}

  @Get()
  @Operation({
    summary: 'Officers named as contacts for portfolios’ reports.',
    query: OfficerContactQuery,
    response: OfficerContactPage,
  })
  list(@Query() query: OfficerContactQuery): Promise<OfficerContactPage> {
    return this.contacts.list(query);
  }

  @Get(':id')
  @Operation({
    summary: 'One officer contact.',
    params: OfficerContactParams,
    response: OfficerContactResource,
  })
  get(@Param('id') id: number): Promise<OfficerContactResource> {
    return this.contacts.get(id);
  }

  @Post()
  @Roles('officer')
  @Operation({
    summary: 'Add a contact to a portfolio (its officers, admins).',
    body: OfficerContactInput,
    response: OfficerContactResource,
  })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: OfficerContactInput,
  ): Promise<OfficerContactResource> {
    return this.contacts.create(caller, body);
  }

  @Patch(':id')
  @Roles('officer')
  @Operation({
    summary: 'Change a contact’s name, role, email or phone (its portfolio’s officers, admins).',
    params: OfficerContactParams,
    body: OfficerContactPatch,
    response: OfficerContactResource,
    ifMatch: true,
  })
  update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: number,
    @IfMatch() version: number,
    @Body() body: OfficerContactPatch,
  ): Promise<OfficerContactResource> {
    return this.contacts.update(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @Operation({
    summary: 'Remove a contact (its portfolio’s officers, admins).',
    params: OfficerContactParams,
    ifMatch: true,
  })
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: number,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.contacts.remove(caller, id, version);
  }
}
