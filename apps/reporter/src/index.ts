import { Writable } from 'node:stream';
import type { CouncilDataset } from '@scrutineer/domain';
import {
  buildAgendaPackModel,
  packAttachedFiles,
  type Edition,
} from './model/agenda-pack.model.js';
import { docxToReport } from './convert/docx-to-report.js';
import { buildMinutesModel } from './model/minutes.model.js';
import { buildPerformanceReportModel } from './model/performance-report.model.js';
import {
  renderDocument,
  type RenderOptions,
  type RenderSummary,
} from './render/render-document.js';
import { findMeeting } from './model/lookup.js';
import { isReporterError, ReporterError } from './errors.js';
import type { ConvertedBlock } from '@scrutineer/domain';
import { convertedReportBlocks } from './model/converted-report-blocks.js';
import { mergeAttachments } from './attachments/merge.js';

export type { Edition } from './model/agenda-pack.model.js';
export type { RenderOptions, RenderSummary, ReservedAttachment } from './render/render-document.js';
export {
  mergeAttachments,
  type MergeAttachment,
  type MergePlan,
  type MergeResult,
} from './attachments/merge.js';
export { validatePdf, type PdfValidation } from './attachments/open-pdf.js';
export { pdfText } from './attachments/pdf-text.js';
export {
  preflightPdf,
  type PdfPreflight,
  type PreflightWarning,
  type PreflightWarningCode,
} from './attachments/preflight.js';
export { ReporterError, isReporterError, type ReporterErrorCode } from './errors.js';
export { buildAgendaPackModel, packAttachedFiles } from './model/agenda-pack.model.js';
export { buildMinutesModel } from './model/minutes.model.js';
export { buildPerformanceReportModel } from './model/performance-report.model.js';
export { checkPackLayout, type PackLayoutCheckOptions } from './check/pack-layout-check.js';
export { checkMeetingPublication } from './check/publication-check.js';
export {
  DOCX_CONVERTER_VERSION,
  docxToReport,
  type DocxConversion,
  type DocxWarning,
} from './convert/docx-to-report.js';
export { loadSamplePaperFiles, type SamplePaperFile } from './sample-papers.js';
export { MAX_UNPACKED_BYTES } from './convert/docx-package.js';
export {
  convertedReportBlocks,
  UNDESCRIBED_IMAGE,
  type ConvertedReportOptions,
} from './model/converted-report-blocks.js';
export type { Block, DocumentModel, Section } from './model/document-model.js';

/** Midnight UTC of a `YYYY-MM-DD` date: the default CreationDate, so a document's bytes depend only on its data. */
const dateOf = (date: string): Date => new Date(`${date}T00:00:00Z`);

export type AgendaPackRenderOptions = RenderOptions & {
  /**
   * Print the attached files (documents of kind `file`) in the pack: `load` is asked for each
   * file's bytes by its SHA-256, one file at a time (`packAttachedFiles` lists those it will ask
   * for). A Word document is converted (`docxToReport`) and drawn in the pack's flow like a report
   * written inline; a PDF with a stored page count is merged into pages reserved after its item's
   * (the pack is then drawn into memory, merged, then written to `out`: pdf-lib needs the whole
   * file). Without it the pack prints a notice for each attached file instead.
   */
  attachedFiles?: { readonly load: (sha256: string) => Promise<Uint8Array> | Uint8Array };
  /**
   * The Word documents' conversions already made (the API's, stored at upload), their blocks by
   * SHA-256: a Word document found here is drawn from them and its bytes are never asked for;
   * one not found is converted from `attachedFiles` (the CLI, with files beside a data set).
   * Read only with `attachedFiles`.
   */
  convertedReports?: Readonly<Record<string, readonly ConvertedBlock[]>>;
  /**
   * Draw Supplementary Agenda No. `supplement` instead of the main pack: its own front sheet
   * (the meeting, and each late paper with its item and the chair's reason for urgency), then
   * only the papers whose stored `late.supplement` is this number, paged from 1. A number no
   * paper carries rejects with `REPORTER.SUPPLEMENT_NOT_FOUND`.
   */
  supplement?: number;
};

/**
 * Each Word document the pack prints, converted, by SHA-256: from `given` (conversions made
 * before, never converted again) or else converted now. One that cannot be converted (it
 * passed the upload's checks but mammoth cannot read it, or it unpacks past the limit) is left
 * out, so the pack prints its notice naming the file, with a warning, instead of failing whole.
 */
const convertAttachedDocx = async (
  shas: readonly string[],
  load: (sha256: string) => Promise<Uint8Array> | Uint8Array,
  given: Readonly<Record<string, readonly ConvertedBlock[]>> = {},
): Promise<{ converted: Map<string, readonly ConvertedBlock[]>; warnings: string[] }> => {
  const converted = new Map<string, readonly ConvertedBlock[]>();
  const warnings: string[] = [];
  for (const sha256 of shas) {
    const blocks = Object.hasOwn(given, sha256) ? given[sha256] : undefined;
    if (blocks !== undefined) {
      converted.set(sha256, blocks);
      continue;
    }
    try {
      converted.set(sha256, (await docxToReport(await load(sha256))).blocks);
    } catch (error) {
      if (!isReporterError(error) || error.code !== 'REPORTER.INVALID_DOCX') throw error;
      warnings.push(
        `The Word document with SHA-256 ${sha256} could not be converted (${error.message}); the pack prints a notice naming it instead.`,
      );
    }
  }
  return { converted, warnings };
};

/** Writes `bytes` to `out` and resolves once it has them (stdout is never ended). */
const writeAll = (out: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> =>
  new Promise((resolve, reject) => {
    out.once('error', reject);
    if (out === process.stdout || out === process.stderr) {
      out.write(bytes, (error) => (error ? reject(error) : resolve()));
      return;
    }
    out.once('finish', () => resolve());
    out.end(bytes);
  });

/** Collects a stream's chunks: a pack drawn to memory before its attachments are merged. */
const memorySink = (): { out: NodeJS.WritableStream; bytes: () => Uint8Array } => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { out, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
};

/**
 * The agenda pack of a meeting, public or confidential, written to `out` page by page (or, with
 * `attachedFiles`, its Word documents converted and drawn in, its PDFs merged, then written). Resolves when `out` has
 * the whole file; rejects with a ReporterError for an unknown meeting, an unknown supplement or
 * an attachment that cannot be merged. With `supplement`, the supplementary agenda of that number.
 */
export const renderAgendaPack = async (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  out: NodeJS.WritableStream,
  options: AgendaPackRenderOptions = {},
): Promise<RenderSummary> => {
  const { attachedFiles, convertedReports, supplement, ...renderOptions } = options;
  const selection = supplement === undefined ? {} : { supplement };
  const conversion =
    attachedFiles === undefined
      ? undefined
      : await convertAttachedDocx(
          packAttachedFiles(dataset, meetingId, edition, selection).docx,
          attachedFiles.load,
          convertedReports,
        );
  const model = buildAgendaPackModel(dataset, meetingId, edition, {
    mergeAttachedPdfs: attachedFiles !== undefined,
    ...(conversion === undefined ? {} : { convertedReports: conversion.converted }),
    ...selection,
  });
  const { document } = findMeeting(dataset, meetingId);
  const draw = (target: NodeJS.WritableStream): Promise<RenderSummary> =>
    renderDocument(
      {
        meta: model.meta,
        front: model.front,
        sections: model.items.map((item) => ({ section: item.section, itemNumber: item.number })),
      },
      target,
      renderOptions.creationDate ?? dateOf(document.meeting.date),
      renderOptions,
    );
  if (attachedFiles === undefined) return draw(out);
  const sink = memorySink();
  const drawn = await draw(sink.out);
  const summary: RenderSummary =
    conversion === undefined || conversion.warnings.length === 0
      ? drawn
      : { ...drawn, warnings: [...conversion.warnings, ...drawn.warnings] };
  const reserved = summary.attachments ?? [];
  const merged =
    reserved.length === 0
      ? sink.bytes()
      : (
          await mergeAttachments(sink.bytes(), {
            attachments: reserved.map((attachment) => ({
              firstPage: attachment.firstPage,
              pages: attachment.pages,
              title: attachment.title,
              stamp: attachment.stamp,
              marking: attachment.marking,
              load: () => attachedFiles.load(attachment.file),
            })),
          })
        ).bytes;
  await writeAll(out, merged);
  return summary;
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
