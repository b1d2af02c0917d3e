import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PerformanceReportEntity, ReportMoneyLineEntity } from './performance-report.entity.js';
import { PerformanceReportsController } from './performance-reports.controller.js';
import { PerformanceReportsService } from './performance-reports.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PerformanceReportEntity, ReportMoneyLineEntity])],
  controllers: [PerformanceReportsController],
  providers: [PerformanceReportsService],
  exports: [PerformanceReportsService],
})
export class PerformanceReportsModule {}
