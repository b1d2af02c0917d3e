import type { Edition } from '../model/agenda-pack.model.js';
import { CliError, EXIT_CODES } from './cli-error.js';

/** A running Scrutineer API: its base URL (`http://127.0.0.1:3000`) and a bearer token, if any. */
export type ApiSource = {
  readonly baseUrl: string;
  readonly token: string | null;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
};

/** What a command draws: a meeting's documents in one edition, or a performance report on its own. */
export type DatasetScope =
  | { readonly kind: 'meeting'; readonly meetingId: string; readonly edition: Edition }
  | { readonly kind: 'report'; readonly reportId: string }
  /** Not a data set: the API's own pre-publication check of the meeting, in the token's edition. */
  | { readonly kind: 'publication-check'; readonly meetingId: string };

const API_PREFIX = '/api/v1';

/** `http://host:3000`, `http://host:3000/` and `http://host:3000/api/v1` all name the same API. */
export const apiRoot = (baseUrl: string): URL => {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CliError(
      EXIT_CODES.usage,
      `--api ${baseUrl} is not a URL (e.g. http://127.0.0.1:3000).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(EXIT_CODES.usage, `--api ${baseUrl} must be an http or https URL.`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return new URL(`${url.origin}${path}${API_PREFIX}/`);
};

/** The API route that serves the CouncilDataset slice the API's own PDF routes render. */
export const datasetPath = (scope: DatasetScope): string => {
  switch (scope.kind) {
    case 'meeting':
      return `meetings/${encodeURIComponent(scope.meetingId)}/dataset?edition=${scope.edition}`;
    case 'report':
      return `reports/${encodeURIComponent(scope.reportId)}/dataset`;
    case 'publication-check':
      return `meetings/${encodeURIComponent(scope.meetingId)}/publication-check`;
  }
};

/**
 * GETs the data set a command draws from (`GET /api/v1/meetings/:id/dataset?edition=…` or
 * `GET /api/v1/reports/:id/dataset`) and returns the parsed JSON, unchecked: the caller
 * validates it as a CouncilDataset. The public edition and reports need no token; the
 * confidential edition needs a clerk or member token. Every failure is a CliError saying what
 * to do about it, with the API's own problem detail.
 */
export const fetchDataset = async (source: ApiSource, scope: DatasetScope): Promise<unknown> => {
  if (scope.kind === 'meeting' && scope.edition === 'confidential' && source.token === null) {
    throw new CliError(
      EXIT_CODES.usage,
      'The confidential edition holds exempt information: pass a clerk or member token with --token or SCRUTINEER_TOKEN (the public edition needs none).',
    );
  }
  const url = new URL(datasetPath(scope), apiRoot(source.baseUrl));
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/json',
        ...(source.token !== null ? { authorization: `Bearer ${source.token}` } : {}),
      },
      signal: AbortSignal.timeout(source.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new CliError(
      EXIT_CODES.apiError,
      `Cannot reach the API at ${source.baseUrl}: ${describeFetchError(error)}.`,
    );
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw new CliError(
      EXIT_CODES.apiError,
      `The API at ${source.baseUrl} stopped answering GET ${url.pathname}: ${describeFetchError(error)}.`,
    );
  }
  if (!response.ok) throw describeHttpError(source, scope, url, response, body);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new CliError(
      EXIT_CODES.apiError,
      `The API answered GET ${url.pathname} with something that is not JSON (${response.headers.get('content-type') ?? 'no content type'}).`,
    );
  }
};

const describeHttpError = (
  source: ApiSource,
  scope: DatasetScope,
  url: URL,
  response: Response,
  body: string,
): CliError => {
  const problem = readProblem(body);
  const status = `${response.status} ${response.statusText}`.trim();
  const suffix = problem.detail === null ? '' : `: ${problem.detail}`;
  const fail = (message: string): CliError => new CliError(EXIT_CODES.apiError, message);
  switch (response.status) {
    case 401:
      return fail(
        source.token === null
          ? `The API needs a token for GET ${url.pathname} (${status}); pass --token or set SCRUTINEER_TOKEN${suffix}.`
          : `The API refused the token for GET ${url.pathname} (${status})${suffix}.`,
      );
    case 403:
      return fail(
        `The token may not read GET ${url.pathname} (${status})${suffix || '; the confidential edition needs a clerk or member token'}.`,
      );
    case 404:
      if (problem.code === 'ROUTE.NOT_FOUND') {
        return fail(
          `The API at ${source.baseUrl} has no GET ${url.pathname} (${status}): it is older than this scrutineer-pack, which reads the dataset routes.`,
        );
      }
      return new CliError(
        EXIT_CODES.notFound,
        scope.kind === 'report'
          ? `No performance report "${scope.reportId}" at ${source.baseUrl}.`
          : `No meeting "${scope.meetingId}" at ${source.baseUrl}.`,
        scope.kind !== 'report' && source.token === null
          ? ['An unpublished meeting is found only with a token (--token or SCRUTINEER_TOKEN).']
          : [],
      );
    default:
      return fail(`The API answered GET ${url.pathname} with ${status}${suffix}.`);
  }
};

/** `detail` (or `title`) and `code` of an RFC 9457 problem body, when the body is one. */
const readProblem = (body: string): { detail: string | null; code: string | null } => {
  try {
    const problem = JSON.parse(body) as { detail?: unknown; title?: unknown; code?: unknown };
    const text =
      typeof problem.detail === 'string'
        ? problem.detail
        : typeof problem.title === 'string'
          ? problem.title
          : null;
    return {
      detail: text === null ? null : text.replace(/\.$/, ''),
      code: typeof problem.code === 'string' ? problem.code : null,
    };
  } catch {
    return { detail: null, code: null };
  }
};

const describeFetchError = (error: unknown): string => {
  // Not `instanceof Error`: fetch's TimeoutError is a DOMException, from another realm under jest.
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return 'no answer within the time limit';
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
};
