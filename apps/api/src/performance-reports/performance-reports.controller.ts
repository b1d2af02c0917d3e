import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  FinancialMonitoringResource,
  PartOne,
  PerformanceReportPage,
  PerformanceReportParams,
  PerformanceReportQuery,
  PerformanceReportResource,
  type FinancialMonitoring,
  type PerformanceReportInput,
} from '@scrutineer/domain';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { IfMatch } from '../common/concurrency.js';
import { Operation, Resource } from '../contract/operation.js';
import { PerformanceReportsService } from './performance-reports.service.js';

@Resource(
  'performance-reports',
  'Portfolio Performance and Resource Reports (PPRRs): a portfolio’s updates through the year, Part One (priorities) and Part Two (money).',
)
@Controller({ path: 'performance-reports', version: '1' })
export class PerformanceReportsController {
  constructor(private readonly reports: PerformanceReportsService) {}

  @Get()
  @Operation({
    summary: 'PPRRs (their headers); filter by portfolio, year, kind.',
    query: PerformanceReportQuery,
    response: PerformanceReportPage,
  })
  list(@Query() query: PerformanceReportQuery): Promise<PerformanceReportPage> {
    return this.reports.list(query);
  }

  @Get(':id')
  @Operation({
    summary: 'One PPRR: header, sections, recommendations, Part One and Part Two.',
    params: PerformanceReportParams,
    response: PerformanceReportResource,
  })
  get(@Param('id') id: string): Promise<PerformanceReportResource> {
    return this.reports.get(id);
  }

  @Get(':id/part-two')
  @Operation({
    summary: 'Part Two: revenue, reserves, savings and capital with forecasts and variances.',
    params: PerformanceReportParams,
    response: FinancialMonitoringResource,
  })
  partTwo(@Param('id') id: string): Promise<FinancialMonitoringResource> {
    return this.reports.partTwo(id);
  }

  @Post()
  @Roles('officer')
  @Operation({
    summary: 'Write a portfolio’s report for a period (its officers, admins).',
    description: 'Its id is made of the portfolio, year and kind, which a portfolio has once.',
    body: PerformanceReportResource,
    response: PerformanceReportResource,
    errors: [409],
  })
  create(
    @CurrentCaller() caller: Caller,
    @Body() body: PerformanceReportInput,
  ): Promise<PerformanceReportResource> {
    return this.reports.create(caller, body);
  }

  @Put(':id')
  @Roles('officer')
  @Operation({
    summary: 'Replace a PPRR’s content.',
    description:
      'The body is the report as read (its server fields are ignored); its portfolio, year and kind must stay the same.',
    params: PerformanceReportParams,
    body: PerformanceReportResource,
    response: PerformanceReportResource,
    ifMatch: true,
  })
  replace(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: PerformanceReportInput,
  ): Promise<PerformanceReportResource> {
    return this.reports.replace(caller, id, version, body);
  }

  @Put(':id/part-one')
  @Roles('officer')
  @Operation({
    summary: 'Replace Part One (per priority: highlights, exceptions, measures).',
    params: PerformanceReportParams,
    body: PartOne,
    response: PerformanceReportResource,
    ifMatch: true,
  })
  replacePartOne(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: PartOne,
  ): Promise<PerformanceReportResource> {
    return this.reports.replacePartOne(caller, id, version, body);
  }

  @Put(':id/part-two')
  @Roles('officer')
  @Operation({
    summary: 'Replace Part Two (the money lines and their forecasts).',
    description: 'The body is Part Two as read (the variances are ignored).',
    params: PerformanceReportParams,
    body: FinancialMonitoringResource,
    response: FinancialMonitoringResource,
    ifMatch: true,
  })
  replacePartTwo(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
    @Body() body: FinancialMonitoring,
  ): Promise<FinancialMonitoringResource> {
    return this.reports.replacePartTwo(caller, id, version, body);
  }

  @Delete(':id')
  @Roles('officer')
  @Operation({ summary: 'Delete a PPRR.', params: PerformanceReportParams, ifMatch: true })
  remove(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @IfMatch() version: number,
  ): Promise<void> {
    return this.reports.remove(caller, id, version);
  }
}
