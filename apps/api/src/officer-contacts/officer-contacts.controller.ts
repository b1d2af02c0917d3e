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
import { ParseIdPipe } from '../performance/id.pipe.js';
import { ApiIfMatch, IfMatch } from '../common/concurrency.js';
import {
  CreateOfficerContactDto,
  OfficerContactPageDto,
  OfficerContactQueryDto,
  OfficerContactResponseDto,
  UpdateOfficerContactDto,
} from './dto/officer-contact.dto.js';
import { OfficerContactsService } from './officer-contacts.service.js';

@ApiTags('officer-contacts')
@ApiBearerAuth()
@Controller({ path: 'officer-contacts', version: '1' })
export class OfficerContactsController {
  constructor(private readonly contacts: OfficerContactsService) {}

  @Get()
  @ApiOperation({ summary: 'Officers named as contacts for portfolios’ reports.' })
  @ApiOkResponse({ type: OfficerContactPageDto })
  list(@Query() query: OfficerContactQueryDto): Promise<OfficerContactPageDto> {
    return this.contacts.list(query) as Promise<OfficerContactPageDto>;
  }

  @Get(':id')
  @ApiOkResponse({ type: OfficerContactResponseDto })
  get(@Param('id', ParseIdPipe) id: number): Promise<OfficerContactResponseDto> {
    return this.contacts.get(id);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Add a contact to a portfolio (its officers, admins).' })
  @ApiCreatedResponse({ type: OfficerContactResponseDto })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateOfficerContactDto,
  ): Promise<OfficerContactResponseDto> {
    return this.contacts.create(caller, body);
  }

  @Patch(':id')
  @Roles('officer')
  @ApiIfMatch()
  @ApiOkResponse({ type: OfficerContactResponseDto })
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseIdPipe) id: number,
    @IfMatch() version: number,
    @Body() body: UpdateOfficerContactDto,
  ): Promise<OfficerContactResponseDto> {
    return this.contacts.update(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiNoContentResponse()
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseIdPipe) id: number,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.contacts.remove(caller, id, version);
  }
}
