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
  CreatePortfolioDto,
  PortfolioPageDto,
  PortfolioQueryDto,
  PortfolioResponseDto,
  UpdatePortfolioDto,
} from './dto/portfolio.dto.js';
import { PortfoliosService } from './portfolios.service.js';

@ApiTags('portfolios')
@ApiBearerAuth()
@Controller({ path: 'portfolios', version: '1' })
export class PortfoliosController {
  constructor(private readonly portfolios: PortfoliosService) {}

  @Get()
  @ApiOperation({ summary: 'Portfolios, by code.' })
  @ApiOkResponse({ type: PortfolioPageDto })
  list(@Query() query: PortfolioQueryDto): Promise<PortfolioPageDto> {
    return this.portfolios.list(query) as Promise<PortfolioPageDto>;
  }

  @Get(':code')
  @ApiOperation({ summary: 'One portfolio.' })
  @ApiOkResponse({ type: PortfolioResponseDto })
  get(@Param('code') code: string): Promise<PortfolioResponseDto> {
    return this.portfolios.get(code);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a portfolio (admins).' })
  @ApiCreatedResponse({ type: PortfolioResponseDto })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreatePortfolioDto,
  ): Promise<PortfolioResponseDto> {
    return this.portfolios.create(caller, body);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change a portfolio’s name, Cabinet Member or directors (admins).' })
  @ApiOkResponse({ type: PortfolioResponseDto })
  update(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
    @Body() body: UpdatePortfolioDto,
  ): Promise<PortfolioResponseDto> {
    return this.portfolios.update(caller, code, version, body);
  }

  @Delete(':code')
  @Roles('admin')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Remove a portfolio that nothing refers to (admins).' })
  @ApiNoContentResponse()
  remove(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.portfolios.remove(caller, code, version);
  }
}
