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
import type { Committee, CommitteeMembership } from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { PageQueryDto } from '../common/pagination.js';
import { CommitteesService } from './committees.service.js';
import {
  COMMITTEE_BODY,
  CommitteeMemberPageDto,
  CommitteePageDto,
  CommitteeQueryDto,
  CommitteeResponseDto,
  MEMBERSHIP_BODY,
} from './dto/committee.dto.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller({ path: 'committees', version: '1' })
export class CommitteesController {
  constructor(private readonly committees: CommitteesService) {}

  @Get()
  @ApiOperation({ summary: 'Committees with their members (chair first); filter by authority.' })
  @ApiOkResponse({ type: CommitteePageDto })
  list(@Query() query: CommitteeQueryDto) {
    return this.committees.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One committee with its members, clerk and portfolios.' })
  @ApiOkResponse({ type: CommitteeResponseDto })
  get(@Param('id') id: string) {
    return this.committees.get(id);
  }

  @Post()
  @Roles('clerk')
  @ApiBody(COMMITTEE_BODY)
  @ApiOperation({ summary: 'Create a committee with its members (clerk).' })
  @ApiCreatedResponse({ type: CommitteeResponseDto })
  create(@Body() body: Committee, @CurrentCaller() caller: Caller) {
    return this.committees.create(body, caller);
  }

  @Put(':id')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiBody(COMMITTEE_BODY)
  @ApiOperation({ summary: 'Replace a committee and its members (clerk).' })
  @ApiOkResponse({ type: CommitteeResponseDto })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: Committee,
    @CurrentCaller() caller: Caller,
  ) {
    return this.committees.replace(id, version, body, caller);
  }

  @Delete(':id')
  @Roles('clerk')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Delete a committee that has no meetings (clerk).' })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @IfMatch() version: number, @CurrentCaller() caller: Caller) {
    return this.committees.remove(id, version, caller);
  }

  @Get(':id/members')
  @ApiOperation({
    summary:
      'The committee’s members, chair first, as a page (`updatedSince` applies to the committee, whose version moves with its seats).',
  })
  @ApiOkResponse({ type: CommitteeMemberPageDto })
  members(@Param('id') id: string, @Query() query: PageQueryDto) {
    return this.committees.members(id, query);
  }

  @Post(':id/members')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiBody(MEMBERSHIP_BODY)
  @ApiOperation({
    summary: 'Add a member to the committee (clerk); If-Match carries the committee’s version.',
  })
  @ApiCreatedResponse({ type: CommitteeResponseDto })
  addMember(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: CommitteeMembership,
    @CurrentCaller() caller: Caller,
  ) {
    return this.committees.addMember(id, version, body, caller);
  }

  @Delete(':id/members/:seatId')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiOperation({
    summary:
      'Remove a member from the committee (clerk); If-Match carries the committee’s version.',
  })
  @ApiOkResponse({ type: CommitteeResponseDto })
  removeMember(
    @Param('id') id: string,
    @Param('seatId') seatId: string,
    @IfMatch() version: number,
    @CurrentCaller() caller: Caller,
  ) {
    return this.committees.removeMember(id, seatId, version, caller);
  }
}
