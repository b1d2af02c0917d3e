import type { CouncilDataset } from '@scrutineer/domain';
import { buildAgendaPackModel, type Edition } from './model/agenda-pack.model.js';
import { buildMinutesModel } from './model/minutes.model.js';
import { buildPerformanceReportModel } from './model/performance-report.model.js';
import {
  renderDocument,
  type RenderOptions,
  type RenderSummary,
} from './render/render-document.js';
import { findMeeting } from './model/lookup.js';
import { ReporterError } from './errors.js';
import type { ConvertedBlock } from '@scrutineer/domain';
import { convertedReportBlocks } from './model/converted-report-blocks.js';

export type { Edition } from './model/agenda-pack.model.js';
export type { RenderOptions, RenderSummary } from './render/render-document.js';
export { ReporterError, isReporterError, type ReporterErrorCode } from './errors.js';
export { buildAgendaPackModel } from './model/agenda-pack.model.js';
export { buildMinutesModel } from './model/minutes.model.js';
export { buildPerformanceReportModel } from './model/performance-report.model.js';
export { checkPackLayout, type PackLayoutCheckOptions } from './check/pack-layout-check.js';
export { checkMeetingPublication } from './check/publication-check.js';
export { docxToReport, type DocxConversion, type DocxWarning } from './convert/docx-to-report.js';
export { MAX_UNPACKED_BYTES } from './convert/docx-package.js';
export {
  convertedReportBlocks,
  UNDESCRIBED_IMAGE,
  type ConvertedReportOptions,
} from './model/converted-report-blocks.js';
export type { Block, DocumentModel, Section } from './model/document-model.js';

/** Midnight UTC of a `YYYY-MM-DD` date: the default CreationDate, so a document's bytes depend only on its data. */
const dateOf = (date: string): Date => new Date(`${date}T00:00:00Z`);

/**
 * The agenda pack of a meeting, public or confidential, written to `out` page by page.
 * Resolves when `out` has the whole file; rejects with a ReporterError for an unknown meeting.
 */
export const renderAgendaPack = async (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  out: NodeJS.WritableStream,
  options: RenderOptions = {},
): Promise<RenderSummary> => {
  const model = buildAgendaPackModel(dataset, meetingId, edition);
  const { document } = findMeeting(dataset, meetingId);
  return renderDocument(
    {
      meta: model.meta,
      front: model.front,
      sections: model.items.map((item) => ({ section: item.section, itemNumber: item.number })),
    },
    out,
    options.creationDate ?? dateOf(document.meeting.date),
    options,
  );
};

/** The minutes of a meeting (public: exempt minutes appear only as a line saying so). */
export const renderMinutes = async (
  dataset: CouncilDataset,
  meetingId: string,
  out: NodeJS.WritableStream,
  options: RenderOptions = {},
): Promise<RenderSummary> => {
  const model = buildMinutesModel(dataset, meetingId);
  const { document } = findMeeting(dataset, meetingId);
  return renderDocument(
    { meta: model.meta, sections: model.sections.map((section) => ({ section })) },
    out,
    options.creationDate ?? dateOf(document.meeting.date),
    options,
  );
};

/** A performance report (PPRR) on its own. */
export const renderPerformanceReport = async (
  dataset: CouncilDataset,
  reportId: string,
  out: NodeJS.WritableStream,
  options: RenderOptions = {},
): Promise<RenderSummary> => {
  const model = buildPerformanceReportModel(dataset, reportId);
  const report = dataset.performanceReports.find((candidate) => candidate.id === reportId);
  if (!report)
    throw new ReporterError(
      'REPORTER.REPORT_NOT_FOUND',
      `No performance report with id "${reportId}" in the data set.`,
    );
  return renderDocument(
    { meta: model.meta, sections: model.sections.map((section) => ({ section })) },
    out,
    options.creationDate ?? dateOf(report.date),
    options,
  );
};

/** What a converted report printed on its own needs besides its blocks. */
export type ConvertedReportMeta = {
  /** The report's title: the PDF's title and its H1. */
  readonly title: string;
  /** The council's name (every page header) and colour (headings, rules), `#RRGGBB`. */
  readonly councilName: string;
  readonly colour: string;
  readonly author?: string;
};

/**
 * A converted Word report (`docxToReport`'s blocks, as stored) printed on its own, in the
 * council's style: the clerk's preview of how it will print in the pack. The pack itself draws
 * the same blocks with `convertedReportBlocks`. Without `creationDate` the PDF's dates are pinned
 * to 2000-01-01, so the same blocks give the same bytes.
 */
export const renderConvertedReport = async (
  blocks: readonly ConvertedBlock[],
  meta: ConvertedReportMeta,
  out: NodeJS.WritableStream,
  options: RenderOptions = {},
): Promise<RenderSummary> =>
  renderDocument(
    {
      meta: {
        title: meta.title,
        subject: meta.title,
        author: meta.author ?? meta.councilName,
        keywords: 'report',
        councilName: meta.councilName,
        colour: meta.colour,
        headerMark: null,
      },
      sections: [
        {
          section: {
            id: 'report',
            tag: 'Art',
            stamp: null,
            marking: null,
            blocks: [
              { kind: 'heading', level: 1, runs: [{ text: meta.title }] },
              ...convertedReportBlocks(blocks, { headingLevel: 2, idPrefix: 'report-' }),
            ],
          },
        },
      ],
    },
    out,
    options.creationDate ?? new Date('2000-01-01T00:00:00Z'),
    options,
  );
