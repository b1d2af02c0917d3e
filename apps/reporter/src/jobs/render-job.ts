import { Writable } from 'node:stream';
import type { ConvertedBlock, CouncilDataset } from '@scrutineer/domain';
import { ReporterError } from '../errors.js';
import {
  renderAgendaPack,
  renderMinutes,
  renderPerformanceReport,
  type Edition,
} from '../index.js';

/**
 * One document to draw, with everything it is drawn from: the data set slice the API built for
 * the caller's edition (so the public edition's slice never holds exempt text), what to draw and
 * of which meeting or report. Plain data, so it crosses a thread (structured clone) or a queue
 * (JSON) unchanged, and the same job always gives the same bytes.
 */
export type RenderJob =
  | {
      readonly kind: 'agenda-pack';
      readonly meetingId: string;
      readonly edition: Edition;
      readonly dataset: CouncilDataset;
      /**
       * The attached files the pack prints (PDFs merged, Word documents converted and drawn),
       * base64 by SHA-256 (text, so the job stays JSON for a queue): those `packAttachedFiles`
       * lists for the job's edition. Absent: the pack prints a notice for each attached file.
       */
      readonly attachedFiles?: Readonly<Record<string, string>>;
      /**
       * The attached Word documents' blocks, already converted (the API's, stored at upload),
       * by SHA-256: drawn as they are, so `attachedFiles` need not carry their bytes. One not
       * here is converted from `attachedFiles`. Not hashed into the render key: a file's
       * conversion follows from its SHA-256 and the converter, which is part of the renderer.
       */
      readonly convertedReports?: Readonly<Record<string, readonly ConvertedBlock[]>>;
      /**
       * Draw Supplementary Agenda No. `supplement` (its front sheet and only the late papers it
       * published) instead of the main pack. Absent: the main pack. A number no paper carries
       * rejects with `REPORTER.SUPPLEMENT_NOT_FOUND`.
       */
      readonly supplement?: number;
    }
  | { readonly kind: 'minutes'; readonly meetingId: string; readonly dataset: CouncilDataset }
  | {
      readonly kind: 'performance-report';
      readonly reportId: string;
      readonly dataset: CouncilDataset;
    };

export type RenderJobKind = RenderJob['kind'];

/** One attached file of a job, decoded when the pack reaches it. */
const attachedFile = (files: Readonly<Record<string, string>>, sha256: string): Uint8Array => {
  const base64 = Object.hasOwn(files, sha256) ? files[sha256] : undefined;
  if (base64 === undefined) {
    throw new ReporterError(
      'REPORTER.INCONSISTENT_DATA',
      `The pack attaches the file with SHA-256 ${sha256}, which the render job does not carry.`,
      { sha256 },
    );
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
};

/** Draws a job into memory: the whole PDF file. Rejects with a ReporterError as the renderers do. */
export const renderJob = async (job: RenderJob): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  switch (job.kind) {
    case 'agenda-pack': {
      const files = job.attachedFiles;
      await renderAgendaPack(job.dataset, job.meetingId, job.edition, out, {
        ...(files === undefined
          ? {}
          : { attachedFiles: { load: (sha256) => attachedFile(files, sha256) } }),
        ...(files === undefined || job.convertedReports === undefined
          ? {}
          : { convertedReports: job.convertedReports }),
        ...(job.supplement === undefined ? {} : { supplement: job.supplement }),
      });
      break;
    }
    case 'minutes':
      await renderMinutes(job.dataset, job.meetingId, out);
      break;
    case 'performance-report':
      await renderPerformanceReport(job.dataset, job.reportId, out);
      break;
    default:
      throw new ReporterError(
        'REPORTER.INVALID_OPTION',
        `Unknown render job kind ${JSON.stringify((job as { kind: unknown }).kind)}.`,
      );
  }
  return Buffer.concat(chunks);
};

/** A ReporterError as plain data (for a thread message or a queue's failure reason), and back. */
export type SerializedReporterError = {
  readonly code: ReporterError['code'];
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
};

export const serializeRenderError = (error: unknown): SerializedReporterError =>
  error instanceof ReporterError
    ? { code: error.code, message: error.message, data: error.data }
    : {
        code: 'REPORTER.RENDER_FAILED',
        message: `The document could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
        data: {},
      };

export const deserializeRenderError = (error: SerializedReporterError): ReporterError =>
  new ReporterError(error.code, error.message, error.data);
