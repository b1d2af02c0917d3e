import { Injectable } from '@nestjs/common';
import { renderAgendaPack, renderMinutes, renderPerformanceReport } from '@scrutineer/reporter';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { ApiError } from '../common/problem.js';
import { findVisibleMeeting } from '../meetings/meeting-access.js';
import { readMeetingDocument } from '../meetings/meeting-document.store.js';
import { loadDatasetSlice, loadMeetingDataset } from './meeting-dataset.js';
import { publicEdition } from './public-edition.js';

type Edition = 'public' | 'confidential';

const startPdf = (response: Response, filename: string): void => {
  response.status(200);
  response.setHeader('Content-Type', 'application/pdf');
  response.setHeader('Content-Disposition', `inline; filename="${filename}"`);
};

/** Agenda packs and minutes as PDFs, drawn by @scrutineer/reporter and streamed as they are produced. */
@Injectable()
export class MeetingDocumentsService {
  constructor(private readonly dataSource: DataSource) {}

  private async dataset(meetingId: string, caller: Caller, edition: Edition) {
    const manager = this.dataSource.manager;
    await findVisibleMeeting(manager, meetingId, caller);
    const document = await readMeetingDocument(manager, meetingId);
    if (document === null)
      throw new ApiError('RESOURCE.NOT_FOUND', `No meeting with id ${JSON.stringify(meetingId)}.`);
    // The public edition never carries exempt text, whatever the renderer does with it.
    return loadMeetingDataset(manager, edition === 'public' ? publicEdition(document) : document);
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
    startPdf(response, `${meetingId}-agenda-${edition}.pdf`);
    await renderAgendaPack(dataset, meetingId, edition, response);
  }

  async minutes(meetingId: string, caller: Caller, response: Response): Promise<void> {
    const dataset = await this.dataset(meetingId, caller, 'public');
    if (dataset.meetings[0]?.minutes === null) {
      throw new ApiError('RESOURCE.NOT_FOUND', `Meeting ${meetingId} has not been minuted yet.`);
    }
    startPdf(response, `${meetingId}-minutes.pdf`);
    await renderMinutes(dataset, meetingId, response);
  }

  /** A performance report on its own (reports hold no exempt content). */
  async performanceReport(reportId: string, response: Response): Promise<void> {
    const dataset = await loadDatasetSlice(this.dataSource.manager, {
      meetings: [],
      reportIds: [reportId],
    });
    if (dataset.performanceReports.length === 0) {
      throw new ApiError(
        'RESOURCE.NOT_FOUND',
        `No performance report with id ${JSON.stringify(reportId)}.`,
      );
    }
    startPdf(response, `${reportId}.pdf`);
    await renderPerformanceReport(dataset, reportId, response);
  }
}
