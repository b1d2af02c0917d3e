import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  AuthorityInput,
  AuthorityPage,
  AuthorityParams,
  AuthorityQuery,
  AuthorityResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { AuthoritiesService } from './authorities.service.js';

@Resource('authorities', 'The councils this installation holds, with the style of their documents.')
@Controller({ path: 'authorities', version: '1' })
export class AuthoritiesController {
  constructor(private readonly authorities: AuthoritiesService) {}

  @Get()
  @Operation({
    summary: 'The councils this installation holds, with their document style.',
    query: AuthorityQuery,
    response: AuthorityPage,
  })
  list(@Query() query: AuthorityQuery): Promise<AuthorityPage> {
    return this.authorities.list(query);
  }

  @Get(':id')
  @Operation({
    summary: 'One council: name, region (for bank holidays), closure days and style.',
    params: AuthorityParams,
    response: AuthorityResource,
  })
  get(@Param('id') id: string): Promise<AuthorityResource> {
    return this.authorities.get(id);
  }

  @Post()
  @Roles('admin')
  @Operation({
    summary: 'Add a council (admins).',
    body: AuthorityInput,
    response: AuthorityResource,
    errors: [409],
  })
  create(
    @Body() body: AuthorityInput,
    @CurrentCaller() caller: Caller,
  ): Promise<AuthorityResource> {
    return this.authorities.create(body, caller);
  }

  @Put(':id')
  @Roles('admin')
  @Operation({
    summary:
      'Change a council’s name, region, style or closure days (admins); its id stays. A region change is refused (409) while a meeting of its committees has an exempt item, document or minute citing a Schedule 12A paragraph the new nation does not (the problem names each).',
    params: AuthorityParams,
    body: AuthorityResource,
    response: AuthorityResource,
    ifMatch: true,
    errors: [409],
  })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: AuthorityInput,
    @CurrentCaller() caller: Caller,
  ): Promise<AuthorityResource> {
    return this.authorities.replace(id, version, body, caller);
  }
}
