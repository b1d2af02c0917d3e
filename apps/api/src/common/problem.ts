import { HttpException } from '@nestjs/common';
import { isDomainError, type DomainErrorCode } from '@scrutineer/domain';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { BODY_LIMIT_TEXT } from './body-limit.js';
import { MAX_JSON_DEPTH } from './json-depth.js';

/** Error codes the API itself raises (the domain's own codes are in @scrutineer/domain errors.ts). */
export type ApiErrorCode =
  | 'REQUEST.INVALID'
  | 'REQUEST.MALFORMED_JSON'
  | 'REQUEST.TOO_LARGE'
  | 'REQUEST.TOO_DEEP'
  | 'REQUEST.RATE_LIMITED'
  | 'DOCUMENT.INVALID'
  | 'REQUEST.UNSUPPORTED_MEDIA_TYPE'
  | 'FILE.REQUIRED'
  | 'FILE.TOO_LARGE'
  | 'FILE.UNSUPPORTED_TYPE'
  | 'FILE.EMPTY'
  | 'FILE.PDF_ENCRYPTED'
  | 'FILE.PDF_DAMAGED'
  | 'FILE.PDF_NO_PAGES'
  | 'FILE.DOCX_INVALID'
  | 'FILE.NOT_STORED'
  | 'FILE.NOT_A_FILE'
  | 'FILE.NOT_CONVERTIBLE'
  | 'RESOURCE.NOT_FOUND'
  | 'RESOURCE.ALREADY_EXISTS'
  | 'RESOURCE.IN_USE'
  | 'TOKEN.ALREADY_REVOKED'
  | 'ROUTE.NOT_FOUND'
  | 'AUTH.UNAUTHENTICATED'
  | 'AUTH.FORBIDDEN'
  | 'CONCURRENCY.STALE_VERSION'
  | 'CONCURRENCY.VERSION_REQUIRED'
  | 'HEALTH.DATABASE_UNAVAILABLE'
  | 'RENDER.FAILED'
  | 'RENDER.TIMEOUT'
  | 'HEALTH.NOT_READY'
  | 'INTERNAL';

export type ErrorCode = DomainErrorCode | ApiErrorCode;

/** One field-level problem: a JSON path into the request (`$.agendaItems[2].title`) and what is wrong there. */
export type FieldProblem = {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
};

/** An error raised by the API layer. Like domain errors it carries a code, never a status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly errors: readonly FieldProblem[] = [],
    readonly data: Readonly<Record<string, unknown>> = {},
    /** Response headers the problem needs, e.g. `Retry-After` on 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const notFound = (entity: string, id: string): ApiError =>
  new ApiError('RESOURCE.NOT_FOUND', `No ${entity} with id ${JSON.stringify(id)}.`, [], {
    entity,
    id,
  });

/**
 * Status and title of every code, in one table. Codes not listed (a domain code added
 * later) fall back by their area: LIFECYCLE/AGREEMENT/MINUTES → 409, anything else → 400.
 */
const STATUS_BY_CODE: Readonly<Record<string, { status: number; title: string }>> = {
  'VALIDATION.INVALID_VALUE': { status: 400, title: 'A value is not valid' },
  'VALIDATION.REQUIRED': { status: 400, title: 'A required value is missing' },
  'VALIDATION.MISMATCH': { status: 400, title: 'Values that must agree do not' },
  'MONEY.NOT_INTEGER_PENCE': { status: 400, title: 'Money must be a whole number of pence' },
  'LIFECYCLE.INVALID_TRANSITION': { status: 409, title: 'The change is not allowed in this state' },
  'AGREEMENT.APPROVED': { status: 409, title: 'The agreement is approved and cannot change' },
  'MINUTES.ALREADY_APPROVED': { status: 409, title: 'The minutes are approved and cannot change' },
  'PUBLICATION.HAS_ERRORS': {
    status: 409,
    title: 'The agenda has errors to fix before it can be published',
  },
  'LATE_PAPER.URGENCY_REQUIRED': {
    status: 400,
    title: 'A paper added after the agenda was published needs the chair’s reason for urgency',
  },
  'LATE_PAPER.AGENDA_NOT_PUBLISHED': {
    status: 400,
    title: 'The agenda is not published, so nothing added now is late',
  },
  'LATE_PAPER.ALREADY_PUBLISHED': {
    status: 409,
    title: 'A supplementary agenda published this reason for urgency',
  },
  'LATE_PAPER.NOTHING_PENDING': {
    status: 409,
    title: 'No late paper is waiting for a supplementary agenda',
  },
  'LATE_PAPER.TOO_MANY_SUPPLEMENTS': {
    status: 409,
    title: 'The meeting has the most supplementary agendas it can',
  },
  'EXEMPTION.PARAGRAPH_REQUIRED': {
    status: 400,
    title: 'An exempt item needs its Schedule 12A paragraph',
  },
  'REQUEST.INVALID': { status: 400, title: 'The request is not valid' },
  'REQUEST.MALFORMED_JSON': { status: 400, title: 'The body is not valid JSON' },
  'REQUEST.TOO_LARGE': { status: 413, title: 'The body is too large' },
  'REQUEST.TOO_DEEP': { status: 400, title: 'The body nests too deep' },
  'REQUEST.RATE_LIMITED': { status: 429, title: 'Too many requests: wait and try again' },
  'DOCUMENT.INVALID': { status: 400, title: 'The document is not valid' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': {
    status: 415,
    title: 'The body is not of a type this route takes',
  },
  'FILE.REQUIRED': { status: 400, title: 'The upload has no file' },
  'FILE.TOO_LARGE': { status: 413, title: 'The file is too large' },
  'FILE.UNSUPPORTED_TYPE': { status: 415, title: 'The file is not a PDF or a Word document' },
  'FILE.EMPTY': { status: 422, title: 'The file is empty' },
  'FILE.PDF_ENCRYPTED': { status: 422, title: 'The PDF is encrypted' },
  'FILE.PDF_DAMAGED': { status: 422, title: 'The PDF is damaged' },
  'FILE.PDF_NO_PAGES': { status: 422, title: 'The PDF has no pages' },
  'FILE.DOCX_INVALID': { status: 422, title: 'The Word document is not a valid package' },
  'FILE.NOT_STORED': { status: 400, title: 'The body names a file the server does not hold' },
  'FILE.NOT_A_FILE': { status: 404, title: 'The document is not an attached file' },
  'FILE.NOT_CONVERTIBLE': { status: 404, title: 'Only Word documents have a converted form' },
  'RESOURCE.NOT_FOUND': { status: 404, title: 'Not found' },
  'RESOURCE.ALREADY_EXISTS': { status: 409, title: 'It already exists' },
  'RESOURCE.IN_USE': { status: 409, title: 'Other records still refer to it' },
  'TOKEN.ALREADY_REVOKED': { status: 409, title: 'The token is already revoked' },
  'ROUTE.NOT_FOUND': { status: 404, title: 'No such route' },
  'AUTH.UNAUTHENTICATED': { status: 401, title: 'A valid bearer token is required' },
  'AUTH.FORBIDDEN': { status: 403, title: 'Your role may not do this' },
  'CONCURRENCY.STALE_VERSION': { status: 412, title: 'The resource changed since you read it' },
  'CONCURRENCY.VERSION_REQUIRED': { status: 428, title: 'Send the version you read in If-Match' },
  'HEALTH.DATABASE_UNAVAILABLE': { status: 503, title: 'The database is unavailable' },
  'RENDER.FAILED': { status: 503, title: 'The document could not be drawn; try again' },
  'RENDER.TIMEOUT': { status: 503, title: 'The document was not drawn in time; try again' },
  'HEALTH.NOT_READY': { status: 503, title: 'A dependency the API needs is not answering' },
  INTERNAL: { status: 500, title: 'Internal server error' },
};

const statusOf = (code: string): { status: number; title: string } =>
  STATUS_BY_CODE[code] ??
  (/^(LIFECYCLE|AGREEMENT|MINUTES)\./.test(code)
    ? { status: 409, title: 'The change is not allowed in this state' }
    : { status: 400, title: 'The request is not valid' });

/** RFC 9457 `type`: a stable URI derived from the code. */
export const problemType = (code: string): string =>
  `https://scrutineer.example/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string | null;
  errors?: readonly FieldProblem[];
  data?: Readonly<Record<string, unknown>>;
};

const httpCode = (status: number): ErrorCode =>
  status === 404
    ? 'ROUTE.NOT_FOUND'
    : status === 401
      ? 'AUTH.UNAUTHENTICATED'
      : status === 403
        ? 'AUTH.FORBIDDEN'
        : status === 413
          ? 'REQUEST.TOO_LARGE'
          : status >= 500
            ? 'INTERNAL'
            : 'REQUEST.INVALID';

type Classified = {
  code: string;
  detail: string;
  errors?: readonly FieldProblem[];
  data?: Readonly<Record<string, unknown>>;
  status?: number;
};

/**
 * A unique-key violation from either database (SQLite `SQLITE_CONSTRAINT_UNIQUE`/`PRIMARYKEY`,
 * PostgreSQL `23505`), as TypeORM's QueryFailedError or the bare driver error. Services check for
 * an existing key first; this is the race two simultaneous creates run past that check, so it is
 * the same 409 the check gives, never a 500.
 */
export const isUniqueViolation = (error: unknown): boolean => {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((candidate) => {
    const code = (candidate as { code?: unknown } | null)?.code;
    return (
      code === '23505' ||
      code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
    );
  });
};

const classify = (error: unknown): Classified => {
  if (error instanceof ApiError) {
    return {
      code: error.code,
      detail: error.message,
      ...(error.errors.length > 0 ? { errors: error.errors } : {}),
      ...(Object.keys(error.data).length > 0 ? { data: error.data } : {}),
    };
  }
  if (isDomainError(error)) return { code: error.code, detail: error.message, data: error.data };
  if (isUniqueViolation(error)) {
    return {
      code: 'RESOURCE.ALREADY_EXISTS',
      detail:
        'Another request stored a resource with the same key at the same moment: read it, or choose another key.',
    };
  }
  // A pool that cannot hand out a connection in time (DATABASE_CONNECT_TIMEOUT_MS), or a database
  // that went away mid-request, is the service being unavailable, not the caller's fault nor an
  // unexpected error: 503, saying nothing of the driver's text.
  if (isDatabaseUnavailable(error)) {
    return {
      code: 'HEALTH.DATABASE_UNAVAILABLE',
      detail: 'The database did not answer in time; try again shortly.',
    };
  }
  // body-parser errors carry `type` and `status`; Nest's Express adapter hands them on wrapped
  // in an HttpException whose `cause` is the parser's error.
  const parserError = error as { type?: unknown; cause?: { type?: unknown } } | null;
  const parserType = parserError?.type ?? parserError?.cause?.type;
  if (parserType === 'entity.too.large') {
    return {
      code: 'REQUEST.TOO_LARGE',
      detail: `The request body is larger than the limit of ${BODY_LIMIT_TEXT}.`,
    };
  }
  if (parserType === 'entity.too.deep') {
    return {
      code: 'REQUEST.TOO_DEEP',
      detail: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
    };
  }
  if (parserType === 'entity.parse.failed') {
    return { code: 'REQUEST.MALFORMED_JSON', detail: 'The request body is not valid JSON.' };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = httpCode(status);
    return {
      code,
      status,
      detail: status >= 500 ? 'An unexpected error occurred.' : error.message,
    };
  }
  return { code: 'INTERNAL', detail: 'An unexpected error occurred.' };
};

/** Maps any error to an RFC 9457 problem. Unknown errors become a generic 500 that reveals nothing. */
export const toProblem = (
  error: unknown,
  context: { readonly instance: string; readonly requestId: string | null },
): { status: number; body: ProblemBody } => {
  const classified = classify(error);
  const known = statusOf(classified.code);
  const status = classified.status ?? known.status;
  return {
    status,
    body: {
      type: problemType(classified.code),
      title: known.title,
      status,
      detail: classified.detail,
      instance: context.instance,
      code: classified.code,
      requestId: context.requestId,
      ...(classified.errors ? { errors: classified.errors } : {}),
      ...(classified.data ? { data: classified.data } : {}),
    },
  };
};
