import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Authority } from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import { PageQueryDto } from '../common/pagination.js';
import { AuthoritiesService } from './authorities.service.js';
import { AUTHORITY_BODY, AuthorityPageDto, AuthorityResponseDto } from './dto/authority.dto.js';

@ApiTags('authorities')
@ApiBearerAuth()
@Controller({ path: 'authorities', version: '1' })
export class AuthoritiesController {
  constructor(private readonly authorities: AuthoritiesService) {}

  @Get()
  @ApiOperation({ summary: 'The councils this installation holds, with their document style.' })
  @ApiOkResponse({ type: AuthorityPageDto })
  list(@Query() query: PageQueryDto) {
    return this.authorities.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One council: name, region (for bank holidays), closure days and style.',
  })
  @ApiOkResponse({ type: AuthorityResponseDto })
  get(@Param('id') id: string) {
    return this.authorities.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiBody(AUTHORITY_BODY)
  @ApiOperation({ summary: 'Add a council (admin).' })
  @ApiCreatedResponse({ type: AuthorityResponseDto })
  create(@Body() body: Authority, @CurrentCaller() caller: Caller) {
    return this.authorities.create(body, caller);
  }

  @Put(':id')
  @Roles('admin')
  @ApiIfMatch()
  @ApiBody(AUTHORITY_BODY)
  @ApiOperation({ summary: 'Change a council’s name, style or closure days (admin).' })
  @ApiOkResponse({ type: AuthorityResponseDto })
  replace(
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: Authority,
    @CurrentCaller() caller: Caller,
  ) {
    return this.authorities.replace(id, version, body, caller);
  }
}
