import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
  CreateReportDto,
  FinancialMonitoringDto,
  PartOneDto,
  PartTwoResponseDto,
  ReplaceReportDto,
  ReportPageDto,
  ReportQueryDto,
  ReportResponseDto,
} from './dto/performance-report.dto.js';
import { PerformanceReportsService } from './performance-reports.service.js';

@ApiTags('performance-reports')
@ApiBearerAuth()
@Controller({ path: 'performance-reports', version: '1' })
export class PerformanceReportsController {
  constructor(private readonly reports: PerformanceReportsService) {}

  @Get()
  @ApiOperation({
    summary: 'Portfolio Performance and Resource Reports (PPRRs); filter by portfolio, year, kind.',
  })
  @ApiOkResponse({ type: ReportPageDto })
  list(@Query() query: ReportQueryDto): Promise<ReportPageDto> {
    return this.reports.list(query) as Promise<ReportPageDto>;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One PPRR: header, sections, recommendations, Part One and Part Two.' })
  @ApiOkResponse({ type: ReportResponseDto })
  get(@Param('id') id: string): Promise<ReportResponseDto> {
    return this.reports.get(id);
  }

  @Get(':id/part-two')
  @ApiOperation({
    summary: 'Part Two: revenue, reserves, savings and capital with forecasts and variances.',
  })
  @ApiOkResponse({ type: PartTwoResponseDto })
  partTwo(@Param('id') id: string): Promise<PartTwoResponseDto> {
    return this.reports.partTwo(id);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Write a portfolio’s report for a period (its officers, admins).' })
  @ApiCreatedResponse({ type: ReportResponseDto })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateReportDto,
  ): Promise<ReportResponseDto> {
    return this.reports.create(caller, body);
  }

  @Put(':id')
  @Roles('officer')
  @ApiIfMatch()
  @ApiOkResponse({ type: ReportResponseDto })
  replace(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: ReplaceReportDto,
  ): Promise<ReportResponseDto> {
    return this.reports.replace(caller, id, version, body);
  }

  @Put(':id/part-one')
  @Roles('officer')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Replace Part One (per priority: highlights, exceptions, measures).' })
  @ApiOkResponse({ type: ReportResponseDto })
  replacePartOne(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: PartOneDto,
  ): Promise<ReportResponseDto> {
    return this.reports.replacePartOne(caller, id, version, body);
  }

  @Put(':id/part-two')
  @Roles('officer')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Replace Part Two (the money lines and their forecasts).' })
  @ApiOkResponse({ type: PartTwoResponseDto })
  replacePartTwo(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: FinancialMonitoringDto,
  ): Promise<PartTwoResponseDto> {
    return this.reports.replacePartTwo(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @HttpCode(204)
  @ApiIfMatch()
  @ApiNoContentResponse()
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.reports.remove(caller, id, version);
  }
}
