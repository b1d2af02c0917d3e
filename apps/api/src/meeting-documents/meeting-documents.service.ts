import { Injectable } from '@nestjs/common';
import { withholdMeetingDocument } from '@scrutineer/domain';
import { renderAgendaPack, renderMinutes, renderPerformanceReport } from '@scrutineer/reporter';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { ApiError } from '../common/problem.js';
import { findVisibleMeeting } from '../meetings/meeting-access.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MeetingDatasetLoader } from './meeting-dataset.js';
import { pdfFilename, streamPdf } from './pdf-response.js';

type Edition = 'public' | 'confidential';

/** Agenda packs and minutes as PDFs, drawn by @scrutineer/reporter and streamed as they are produced. */
@Injectable()
export class MeetingDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly datasets: MeetingDatasetLoader,
  ) {}

  private async dataset(meetingId: string, caller: Caller, edition: Edition) {
    // 404 for a meeting the caller may not see, as everywhere else in the API.
    await findVisibleMeeting(this.dataSource.manager, meetingId, caller);
    const document = await this.meetings.exportDocument(meetingId);
    // The public edition never carries exempt text, whatever the renderer does with it.
    return this.datasets.forMeeting(withholdMeetingDocument(document, edition === 'confidential'));
  }

  async agendaPack(
    meetingId: string,
    edition: Edition,
    caller: Caller,
    response: Response,
  ): Promise<void> {
    if (edition === 'confidential' && !canReadExempt(caller)) {
      throw new ApiError(
        caller.role === 'anonymous' ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN',
        'The confidential edition holds exempt information: it needs a clerk or member token.',
      );
    }
    const dataset = await this.dataset(meetingId, caller, edition);
    await streamPdf(response, pdfFilename(`${meetingId}-agenda-${edition}`), (out) =>
      renderAgendaPack(dataset, meetingId, edition, out),
    );
  }

  async minutes(meetingId: string, caller: Caller, response: Response): Promise<void> {
    const dataset = await this.dataset(meetingId, caller, 'public');
    if (dataset.meetings[0]?.minutes === null) {
      throw new ApiError('RESOURCE.NOT_FOUND', `Meeting ${meetingId} has not been minuted yet.`);
    }
    await streamPdf(response, pdfFilename(`${meetingId}-minutes`), (out) =>
      renderMinutes(dataset, meetingId, out),
    );
  }

  /** A performance report on its own (reports hold no exempt content). */
  async performanceReport(reportId: string, response: Response): Promise<void> {
    const dataset = await this.datasets.forReport(reportId);
    await streamPdf(response, pdfFilename(reportId), (out) =>
      renderPerformanceReport(dataset, reportId, out),
    );
  }
}
