import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module.js';
import { AuthoritiesModule } from '../authorities/authorities.module.js';
import { CommitteesModule } from '../committees/committees.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MembersModule } from '../members/members.module.js';
import { PerformanceReportsModule } from '../performance-reports/performance-reports.module.js';
import { PortfoliosModule } from '../portfolios/portfolios.module.js';
import { ResultsModule } from '../results/results.module.js';
import { MeetingDatasetLoader } from './meeting-dataset.js';
import {
  MeetingDocumentsController,
  ReportDocumentsController,
} from './meeting-documents.controller.js';
import { MeetingDocumentsService } from './meeting-documents.service.js';
import { PackPublicationsService } from './pack-publications.js';

@Module({
  imports: [
    MeetingsModule,
    AuthoritiesModule,
    CommitteesModule,
    MembersModule,
    PortfoliosModule,
    PerformanceReportsModule,
    MeasuresModule,
    ResultsModule,
    AgreementsModule,
  ],
  controllers: [MeetingDocumentsController, ReportDocumentsController],
  providers: [MeetingDocumentsService, MeetingDatasetLoader, PackPublicationsService],
})
export class MeetingDocumentsModule {}
