import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  AgreementPage,
  AgreementParams,
  AgreementQuery,
  AgreementResource,
  AgreementTransition,
  type AgreementInput,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { AgreementsService } from './agreements.service.js';

@Resource(
  'agreements',
  'Portfolio Performance and Resource Agreements: a portfolio’s priorities, targets and money for a year, drafted, considered and approved.',
)
@Controller({ path: 'agreements', version: '1' })
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get()
  @Operation({
    summary: 'Agreements (their headers); filter by portfolio, year, status.',
    query: AgreementQuery,
    response: AgreementPage,
  })
  list(@Query() query: AgreementQuery): Promise<AgreementPage> {
    return this.agreements.list(query);
  }

  @Get(':id')
  @Operation({
    summary:
      'One agreement with its priorities, targets, budget, reserves, savings and capital lines.',
    params: AgreementParams,
    response: AgreementResource,
  })
  get(@Param('id') id: number): Promise<AgreementResource> {
    return this.agreements.get(id);
  }

  @Post()
  @Roles('officer')
  @Operation({
    summary: 'Draft a portfolio’s agreement for a year (its officers, admins).',
    body: AgreementResource,
    response: AgreementResource,
    errors: [409],
  })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: AgreementInput,
  ): Promise<AgreementResource> {
    return this.agreements.create(caller, body);
  }

  @Put(':id')
  @Roles('officer')
  @Operation({
    summary: 'Replace the content of an agreement that is not yet approved.',
    description:
      'The body is the agreement as read (its server fields are ignored); its portfolio and year must stay the same.',
    params: AgreementParams,
    body: AgreementResource,
    response: AgreementResource,
    ifMatch: true,
    errors: [409],
  })
  replace(
    @CurrentCaller() caller: Caller,
    @Param('id') id: number,
    @IfMatch() version: number,
    @Body() body: AgreementInput,
  ): Promise<AgreementResource> {
    return this.agreements.replace(caller, id, version, body);
  }

  @Post(':id/transitions')
  @Roles('officer', 'clerk')
  @Operation({
    summary: 'Record that the committee considered the draft, or that Cabinet approved it.',
    params: AgreementParams,
    body: AgreementTransition,
    response: AgreementResource,
    status: 200,
    ifMatch: true,
    errors: [409],
  })
  transition(
    @CurrentCaller() caller: Caller,
    @Param('id') id: number,
    @IfMatch() version: number,
    @Body() body: AgreementTransition,
  ): Promise<AgreementResource> {
    return this.agreements.transition(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @Operation({
    summary: 'Delete an agreement that is not yet approved.',
    params: AgreementParams,
    ifMatch: true,
    errors: [409],
  })
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: number,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.agreements.remove(caller, id, version);
  }
}
