import { isReporterError } from '@scrutineer/reporter';
import type { Response } from 'express';
import { ApiError } from '../common/problem.js';

/** A name safe inside `Content-Disposition: inline; filename="…"` (ids are free text). */
export const pdfFilename = (stem: string): string =>
  `${stem.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 150) || 'document'}.pdf`;

/**
 * The reporter's own errors in the API's terms: what it could not find is a 404, a bad option
 * a 400. Anything else (inconsistent data) stays an unknown error: a logged 500 revealing nothing.
 */
export const fromReporterError = (error: unknown): unknown => {
  if (!isReporterError(error)) return error;
  switch (error.code) {
    case 'REPORTER.MEETING_NOT_FOUND':
    case 'REPORTER.REPORT_NOT_FOUND':
    case 'REPORTER.NO_MINUTES':
      return new ApiError('RESOURCE.NOT_FOUND', error.message);
    case 'REPORTER.INVALID_OPTION':
      return new ApiError('REQUEST.INVALID', error.message);
    case 'REPORTER.RENDER_FAILED':
      return new ApiError('RENDER.FAILED', error.message);
    default:
      return error;
  }
};

/** How a PDF may be cached: set on its success only, so a problem is never kept as the PDF. */
export type MarkCache = (response: Response) => void;

/** Sends a whole rendered PDF; failures before this point leave as problem documents. */
export const sendPdf = (
  response: Response,
  filename: string,
  bytes: Buffer,
  markCache: MarkCache,
): void => {
  response.status(200);
  response.setHeader('Content-Type', 'application/pdf');
  response.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  response.setHeader('Content-Length', String(bytes.byteLength));
  markCache(response);
  response.end(bytes);
};

/** Renders through `render` and sends the PDF, or throws the problem its failure maps to. */
export const renderPdf = async (
  response: Response,
  filename: string,
  render: () => Promise<Buffer>,
  markCache: MarkCache,
): Promise<void> => {
  let bytes: Buffer;
  try {
    bytes = await render();
  } catch (error) {
    throw fromReporterError(error);
  }
  sendPdf(response, filename, bytes, markCache);
};
