import { Inject, Injectable } from '@nestjs/common';
import {
  type AgendaPublication,
  type CouncilDataset,
  type Edition,
  instant,
  type Instant,
  type MeetingPublicationCheck,
  publishedSupplements,
  supplementTitle,
  withholdMeetingDocument,
} from '@scrutineer/domain';
import { checkMeetingPublication } from '@scrutineer/reporter';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { ApiError } from '../common/problem.js';
import { withReadablePapers } from '../agenda-items/paper-access.js';
import { findVisibleMeeting } from '../meetings/meeting-access.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { FILE_STORE, type FileStore } from '../files/file-store.js';

import { MeetingDatasetLoader } from './meeting-dataset.js';
import { DocumentRenderingService } from '../rendering/document-rendering.service.js';
import { markForCaller, markPublic } from '../public-record/public-cache.js';
import { fromReporterError, pdfFilename, renderPdf } from './pdf-response.js';
import { attachedFilesOf, packJob, PackPublicationsService } from './pack-publications.js';

/**
 * Agenda packs, minutes and performance reports: the `CouncilDataset` slice each is drawn from
 * (served as JSON by the dataset routes) and the PDF @scrutineer/reporter draws from that same
 * slice, drawn off the event loop and cached by DocumentRenderingService.
 */
@Injectable()
export class MeetingDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly datasets: MeetingDatasetLoader,
    private readonly rendering: DocumentRenderingService,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly publications: PackPublicationsService,
  ) {}

  /**
   * What a meeting's documents are drawn from, in the edition the caller may see: 401/403 for
   * the confidential edition without a clerk or member token, 404 for a meeting the caller may
   * not see (as everywhere else in the API). The public edition never carries exempt text.
   */
  async meetingDataset(
    meetingId: string,
    edition: Edition,
    caller: Caller,
  ): Promise<CouncilDataset> {
    if (edition === 'confidential' && !canReadExempt(caller)) {
      throw new ApiError(
        caller.role === 'anonymous' ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN',
        'The confidential edition holds exempt information: it needs a clerk or member token.',
      );
    }
    await findVisibleMeeting(this.dataSource.manager, meetingId, caller);
    // The public reads no late paper still waiting for its supplement: not in the data set, so
    // not in any PDF drawn from it either (nor the reports or files only such a paper names).
    const document = withReadablePapers(await this.meetings.exportDocument(meetingId), caller);
    // The public edition never carries exempt text, whatever the renderer does with it.
    return this.datasets.forMeeting(withholdMeetingDocument(document, edition === 'confidential'));
  }

  /**
   * The pre-publication check (the domain's findings and the reporter's layout findings) of the
   * meeting's papers in `edition`, judged at `at`. Reporter errors become problems as for PDFs.
   */
  private async check(
    meetingId: string,
    edition: Edition,
    caller: Caller,
    at: Instant,
  ): Promise<MeetingPublicationCheck> {
    const dataset = await this.meetingDataset(meetingId, edition, caller);
    try {
      return checkMeetingPublication(dataset, meetingId, edition, at);
    } catch (error) {
      throw fromReporterError(error);
    }
  }

  /**
   * The check in the caller's edition: clerks (and admins) check the confidential edition, exempt
   * items in full; officers the public one, so an exempt item appears by number and title only.
   */
  publicationCheck(
    meetingId: string,
    caller: Caller,
    now: Date = new Date(),
  ): Promise<MeetingPublicationCheck> {
    const edition: Edition = canReadExempt(caller) ? 'confidential' : 'public';
    return this.check(meetingId, edition, caller, instant(now.toISOString()));
  }

  /**
   * Publishes the agenda unless the check finds an error (409 PUBLICATION.HAS_ERRORS); the
   * warnings come back with the publication. Only clerks publish, so the check is the
   * confidential edition's, which covers the public pack too.
   */
  async publishAgenda(
    meetingId: string,
    version: number,
    caller: Caller,
    now: Date = new Date(),
  ): Promise<AgendaPublication> {
    const at = instant(now.toISOString());
    const { findings } = await this.check(meetingId, 'confidential', caller, at);
    return this.meetings.publishAgenda(
      meetingId,
      version,
      caller,
      at,
      findings,
      (manager, publishedAt) => this.publications.record(manager, meetingId, null, publishedAt),
    );
  }

  /** What a performance report on its own is drawn from (reports hold no exempt content); 404 when unknown. */
  reportDataset(reportId: string): Promise<CouncilDataset> {
    return this.datasets.forReport(reportId);
  }

  async agendaPack(
    meetingId: string,
    edition: Edition,
    caller: Caller,
    response: Response,
  ): Promise<void> {
    const dataset = await this.meetingDataset(meetingId, edition, caller);
    await renderPdf(
      response,
      pdfFilename(`${meetingId}-agenda-${edition}`),
      () =>
        this.rendering.render(
          { kind: 'agenda-pack', meetingId, edition, dataset },
          attachedFilesOf(this.files, this.dataSource.manager, dataset, meetingId, edition),
        ),
      (sent) => markForCaller(sent, caller, edition === 'confidential'),
    );
  }

  /**
   * A supplementary agenda's pack (the latest published unless `supplement` names one), drawn as
   * the agenda pack is, in the caller's edition; 404 when the meeting has no such supplement.
   */
  async supplementPack(
    meetingId: string,
    edition: Edition,
    supplement: number | undefined,
    caller: Caller,
    response: Response,
  ): Promise<void> {
    const dataset = await this.meetingDataset(meetingId, edition, caller);
    const published = publishedSupplements(dataset.meetings[0]?.agendaItems ?? []).map(
      (s) => s.supplement,
    );
    const wanted = supplement ?? published[published.length - 1];
    if (wanted === undefined || !published.includes(wanted))
      throw new ApiError(
        'RESOURCE.NOT_FOUND',
        wanted === undefined
          ? `Meeting ${meetingId} has no supplementary agenda published.`
          : `Meeting ${meetingId} has no ${supplementTitle(wanted)} published (it has ${published.length}).`,
      );
    await renderPdf(
      response,
      pdfFilename(`${meetingId}-supplement-${wanted}-${edition}`),
      () =>
        this.rendering.render(
          packJob(meetingId, edition, dataset, wanted),
          attachedFilesOf(this.files, this.dataSource.manager, dataset, meetingId, edition),
        ),
      (sent) => markForCaller(sent, caller, edition === 'confidential'),
    );
  }

  /** Minutes are printed from the public edition for everyone: exempt minutes appear as a line. */
  async minutes(meetingId: string, caller: Caller, response: Response): Promise<void> {
    const dataset = await this.meetingDataset(meetingId, 'public', caller);
    if (dataset.meetings[0]?.minutes === null) {
      throw new ApiError('RESOURCE.NOT_FOUND', `Meeting ${meetingId} has not been minuted yet.`);
    }
    await renderPdf(
      response,
      pdfFilename(`${meetingId}-minutes`),
      () => this.rendering.render({ kind: 'minutes', meetingId, dataset }),
      (sent) => markForCaller(sent, caller, false),
    );
  }

  async performanceReport(reportId: string, response: Response): Promise<void> {
    const dataset = await this.reportDataset(reportId);
    // Reports hold no exempt content and anyone may read them: the same answer whoever asks.
    await renderPdf(
      response,
      pdfFilename(reportId),
      () => this.rendering.render({ kind: 'performance-report', reportId, dataset }),
      markPublic,
    );
  }
}
