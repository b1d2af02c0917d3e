import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  CommitteeInput,
  CommitteePage,
  CommitteeParams,
  CommitteeQuery,
  CommitteeResource,
  CommitteeSeatInput,
  CommitteeSeatPage,
  CommitteeSeatParams,
  CommitteeSeatQuery,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { CommitteesService } from './committees.service.js';

@Resource(
  'committees',
  'Committees, their membership over time (periods by role, with vacancies), clerk and portfolios.',
)
@Controller({ path: 'committees', version: '1' })
export class CommitteesController {
  constructor(private readonly committees: CommitteesService) {}

  @Get()
  @Operation({
    summary: 'Committees with their members (chair first); filter by authority.',
    query: CommitteeQuery,
    response: CommitteePage,
  })
  list(@Query() query: CommitteeQuery): Promise<CommitteePage> {
    return this.committees.list(query);
  }

  @Get(':id')
  @Operation({
    summary: 'One committee with its members, clerk and portfolios.',
    params: CommitteeParams,
    response: CommitteeResource,
  })
  get(@Param('id') id: string): Promise<CommitteeResource> {
    return this.committees.get(id);
  }

  @Post()
  @Roles('clerk')
  @Operation({
    summary: 'Create a committee with its members (clerks).',
    body: CommitteeInput,
    response: CommitteeResource,
    errors: [409],
  })
  create(
    @Body() body: CommitteeInput,
    @CurrentCaller() caller: Caller,
  ): Promise<CommitteeResource> {
    return this.committees.create(body, caller);
  }

  @Put(':id')
  @Roles('clerk')
  @Operation({
    summary:
      'Replace a committee and its members (clerks); its id stays. Moving it to an authority in the other nation is refused (409) while one of its meetings cites a Schedule 12A paragraph that nation does not (the problem names each).',
    params: CommitteeParams,
    body: CommitteeResource,
    response: CommitteeResource,
    ifMatch: true,
    errors: [409],
  })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: CommitteeInput,
    @CurrentCaller() caller: Caller,
  ): Promise<CommitteeResource> {
    return this.committees.replace(id, version, body, caller);
  }

  @Delete(':id')
  @Roles('clerk')
  @Operation({
    summary: 'Delete a committee that has no meetings (clerks).',
    params: CommitteeParams,
    ifMatch: true,
    errors: [409],
  })
  remove(
    @Param('id') id: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.committees.remove(id, version, caller);
  }

  @Get(':id/members')
  @Operation({
    summary: 'The committee’s membership periods; with `on`, the membership on that day.',
    description:
      'Every period (member or vacancy, role, from and to, both days included) as listed; `on=YYYY-MM-DD` keeps the periods that include that day, Chair first (today’s date gives the current membership). Periods change with their committee (its version moves), so `updatedSince` is the committee’s: the periods when it changed since then, none when not.',
    params: CommitteeParams,
    query: CommitteeSeatQuery,
    response: CommitteeSeatPage,
  })
  members(@Param('id') id: string, @Query() query: CommitteeSeatQuery): Promise<CommitteeSeatPage> {
    return this.committees.members(id, query);
  }

  @Post(':id/members')
  @Roles('clerk')
  @Operation({
    summary:
      'Add a membership period (or a vacancy) to the committee (clerks); If-Match carries the committee’s version. 400 when it ends before it starts or overlaps the member’s other periods.',
    params: CommitteeParams,
    body: CommitteeSeatInput,
    response: CommitteeResource,
    ifMatch: true,
  })
  addMember(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: CommitteeSeatInput,
    @CurrentCaller() caller: Caller,
  ): Promise<CommitteeResource> {
    return this.committees.addMember(id, version, body, caller);
  }

  @Delete(':id/members/:seatId')
  @Roles('clerk')
  @Operation({
    summary:
      'Remove a member from the committee (clerks); If-Match carries the committee’s version.',
    params: CommitteeSeatParams,
    response: CommitteeResource,
    ifMatch: true,
  })
  removeMember(
    @Param('id') id: string,
    @Param('seatId') seatId: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ): Promise<CommitteeResource> {
    return this.committees.removeMember(id, seatId, version, caller);
  }
}
