import { Module } from '@nestjs/common';
import {
  MeetingDocumentsController,
  ReportDocumentsController,
} from './meeting-documents.controller.js';
import { MeetingDocumentsService } from './meeting-documents.service.js';

@Module({
  controllers: [MeetingDocumentsController, ReportDocumentsController],
  providers: [MeetingDocumentsService],
})
export class MeetingDocumentsModule {}
