import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import {
  CreateMemberDto,
  MemberPageDto,
  MemberQueryDto,
  MemberResponseDto,
  UpdateMemberDto,
} from './dto/member.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller({ path: 'members', version: '1' })
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'Councillors; filter by name and party.' })
  @ApiOkResponse({ type: MemberPageDto })
  list(@Query() query: MemberQueryDto) {
    return this.members.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One councillor.' })
  @ApiOkResponse({ type: MemberResponseDto })
  get(@Param('id') id: string) {
    return this.members.get(id);
  }

  @Post()
  @Roles('clerk')
  @ApiOperation({ summary: 'Add a councillor (clerk).' })
  @ApiCreatedResponse({ type: MemberResponseDto })
  create(@Body() dto: CreateMemberDto, @CurrentCaller() caller: Caller) {
    return this.members.create(dto, caller);
  }

  @Patch(':id')
  @Roles('clerk')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change a councillor’s name, party or ward (clerk).' })
  @ApiOkResponse({ type: MemberResponseDto })
  update(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateMemberDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.members.update(id, version, dto, caller);
  }

  @Delete(':id')
  @Roles('clerk')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Remove a councillor (clerk); names already minuted are kept as written.',
  })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @IfMatch() version: number, @CurrentCaller() caller: Caller) {
    return this.members.remove(id, version, caller);
  }
}
