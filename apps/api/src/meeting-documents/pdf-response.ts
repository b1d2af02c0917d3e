import { Writable } from 'node:stream';
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
    default:
      return error;
  }
};

/**
 * A writable the reporter draws into that forwards to the HTTP response. The status and the PDF
 * headers are sent with the first byte, so a failure before it still leaves as problem+json.
 * It honours the response's back-pressure, and once the client has gone it discards the rest
 * so the renderer runs to its end and lets go of its memory instead of waiting forever.
 */
const responseSink = (response: Response, filename: string): Writable =>
  new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (response.destroyed || response.writableEnded) return callback();
      if (!response.headersSent) {
        response.status(200);
        response.setHeader('Content-Type', 'application/pdf');
        response.setHeader('Content-Disposition', `inline; filename="${filename}"`);
        response.setHeader('Cache-Control', 'no-store');
      }
      if (response.write(chunk)) return callback();
      const resume = (): void => {
        response.off('drain', resume);
        response.off('close', resume);
        callback();
      };
      response.once('drain', resume);
      response.once('close', resume);
    },
    final(callback) {
      if (!response.writableEnded) response.end();
      callback();
    },
  });

/**
 * Streams a document the reporter renders into `response`. Errors before the first byte are
 * rethrown for the problem filter; after it, the status is already 200, so the connection is cut
 * and the client sees a short body rather than a PDF that looks whole.
 */
export const streamPdf = async (
  response: Response,
  filename: string,
  render: (out: NodeJS.WritableStream) => Promise<unknown>,
): Promise<void> => {
  const sink = responseSink(response, filename);
  try {
    await render(sink);
  } catch (error) {
    if (!response.headersSent) throw fromReporterError(error);
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
};
