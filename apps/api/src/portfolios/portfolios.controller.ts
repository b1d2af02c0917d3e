import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  PortfolioInput,
  PortfolioPage,
  PortfolioParams,
  PortfolioPatch,
  PortfolioQuery,
  PortfolioResource,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { PortfoliosService } from './portfolios.service.js';

@Resource('portfolios', 'A Cabinet Member’s area of responsibility, with its directors.')
@Controller({ path: 'portfolios', version: '1' })
export class PortfoliosController {
  constructor(private readonly portfolios: PortfoliosService) {}

  @Get()
  @Operation({ summary: 'Portfolios, by code.', query: PortfolioQuery, response: PortfolioPage })
  list(@Query() query: PortfolioQuery): Promise<PortfolioPage> {
    return this.portfolios.list(query);
  }

  @Get(':code')
  @Operation({ summary: 'One portfolio.', params: PortfolioParams, response: PortfolioResource })
  get(@Param('code') code: string): Promise<PortfolioResource> {
    return this.portfolios.get(code);
  }

  @Post()
  @Roles('admin')
  @Operation({
    summary: 'Add a portfolio (admins).',
    body: PortfolioInput,
    response: PortfolioResource,
    errors: [409],
  })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: PortfolioInput,
  ): Promise<PortfolioResource> {
    return this.portfolios.create(caller, body);
  }

  @Patch(':code')
  @Roles('admin')
  @Operation({
    summary: 'Change a portfolio’s name, Cabinet Member or directors (admins).',
    params: PortfolioParams,
    body: PortfolioPatch,
    response: PortfolioResource,
    ifMatch: true,
  })
  update(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
    @Body() body: PortfolioPatch,
  ): Promise<PortfolioResource> {
    return this.portfolios.update(caller, code, version, body);
  }

  @Delete(':code')
  @Roles('admin')
  @Operation({
    summary: 'Remove a portfolio that nothing refers to (admins).',
    params: PortfolioParams,
    ifMatch: true,
    errors: [409],
  })
  remove(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.portfolios.remove(caller, code, version);
  }
}
