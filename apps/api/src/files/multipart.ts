import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { ApiError } from '../common/problem.js';

/** Attached files up to this size by default (ATTACHMENT_MAX_BYTES). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

/** Nest's injection token of the limit in force. */
export const ATTACHMENT_MAX_BYTES = Symbol('ATTACHMENT_MAX_BYTES');

/** A size limit as people read it: `50 MB`. */
export const bytesText = (bytes: number): string =>
  bytes % (1024 * 1024) === 0
    ? `${bytes / 1024 / 1024} MB`
    : bytes % 1024 === 0
      ? `${bytes / 1024} KB`
      : `${bytes} bytes`;

/** The file part of an upload, read whole into memory (at most the limit). */
export type UploadedFile = {
  readonly bytes: Buffer;
  /** The name the client gave, as text (multer reads it as Latin-1; UTF-8 names are mended). */
  readonly fileName: string;
};

/** Form text fields are small: a title, a role, a paragraph, a public interest test's outcome. */
export const MULTIPART_FIELD_BYTES = 64 * 1024;

const invalid = (message: string): ApiError =>
  new ApiError('REQUEST.INVALID', message, [{ path: 'body', message }]);

/** busboy decodes header parameters as Latin-1 by default; a UTF-8 name comes out as mojibake. */
const mendName = (name: string): string => {
  const bytes = Buffer.from(name, 'latin1');
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : name;
};

/** C0 controls and DEL, which no file name needs (and a header cannot carry). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The file's base name, without a path or control characters, at most 255 characters. */
export const cleanFileName = (name: string): string =>
  (mendName(name).split(/[\\/]/).pop() ?? '').replace(CONTROL_CHARACTERS, '').trim().slice(0, 255);

const multerErrorOf = (error: unknown, field: string, maxBytes: number): ApiError => {
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new ApiError(
          'FILE.TOO_LARGE',
          `The file is larger than the limit of ${bytesText(maxBytes)} (${maxBytes} bytes, ATTACHMENT_MAX_BYTES).`,
          [{ path: `body:${field}`, message: `must be at most ${maxBytes} bytes` }],
          { limitBytes: maxBytes },
        );
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return invalid(
          `Send one file, in the form field \`${field}\` (got a file in ${JSON.stringify(error.field ?? '?')}).`,
        );
      default:
        return invalid(`The form is not acceptable: ${error.message}.`);
    }
  }
  return invalid(
    `The multipart body is malformed: ${error instanceof Error ? error.message : 'unreadable'}.`,
  );
};

/**
 * Reads a multipart/form-data body: its text fields into `request.body`, its one file (the form
 * field `field`), streamed and cut off at `maxBytes`, into memory. Past the limit the upload
 * stops with 413 and nothing of it is kept; a body of another type is 415.
 */
export const readMultipart = (
  request: Request,
  response: Response,
  field: string,
  maxBytes: number,
): Promise<UploadedFile | null> => {
  if (!request.is('multipart/form-data'))
    return Promise.reject(
      new ApiError(
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        `Send the file as multipart/form-data, in the form field \`${field}\`, with the document's fields beside it (got ${JSON.stringify(request.header('content-type') ?? 'no Content-Type')}).`,
      ),
    );
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: maxBytes,
      files: 1,
      fields: 20,
      fieldSize: MULTIPART_FIELD_BYTES,
      parts: 21,
    },
  }).single(field);
  return new Promise((resolve, reject) => {
    parse(request, response, (error: unknown) => {
      if (error !== undefined && error !== null) {
        reject(multerErrorOf(error, field, maxBytes));
        return;
      }
      const file = (request as Request & { file?: Express.Multer.File }).file;
      request.body = { ...(request.body as Record<string, unknown>) };
      resolve(
        file === undefined
          ? null
          : { bytes: file.buffer, fileName: cleanFileName(file.originalname) },
      );
    });
  });
};

/** The file of a multipart request, once read (null when the form had none). */
export type RequestWithUpload = { upload?: UploadedFile | null };

/** The file of a multipart request, read and checked by the request validation interceptor. */
export const Upload = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedFile | null =>
    context.switchToHttp().getRequest<RequestWithUpload>().upload ?? null,
);
