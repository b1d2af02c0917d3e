import type { CouncilDataset } from '@scrutineer/domain';
import { CliError, EXIT_CODES } from './cli-error.js';

/** A running Scrutineer API: its base URL (`http://127.0.0.1:3000`) and a bearer token. */
export type ApiSource = {
  readonly baseUrl: string;
  readonly token: string | null;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
};

/** What a command needs from the API, so only that is fetched. */
export type DatasetScope =
  | { readonly kind: 'meeting'; readonly meetingId: string }
  | { readonly kind: 'report'; readonly reportId: string };

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

/**
 * GETs `path` (relative to /api/v1) as JSON. Returns null on 404 so the caller can say what
 * was not found; every other failure is a CliError with the API's own problem detail.
 */
export const getJson = async (source: ApiSource, path: string): Promise<unknown> => {
  const url = new URL(path, apiRoot(source.baseUrl));
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
  if (response.status === 404) return null;
  const body = await response.text();
  if (!response.ok) {
    throw new CliError(EXIT_CODES.apiError, describeHttpError(source, url, response, body));
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new CliError(
      EXIT_CODES.apiError,
      `The API answered GET ${url.pathname} with something that is not JSON.`,
    );
  }
};

const describeHttpError = (
  source: ApiSource,
  url: URL,
  response: Response,
  body: string,
): string => {
  const detail = problemDetail(body);
  const status = `${response.status} ${response.statusText}`.trim();
  const suffix = detail === null ? '' : `: ${detail}`;
  if (response.status === 401) {
    return source.token === null
      ? `The API needs a token for GET ${url.pathname} (${status}); pass --token or set SCRUTINEER_TOKEN${suffix}.`
      : `The API refused the token for GET ${url.pathname} (${status})${suffix}.`;
  }
  if (response.status === 403) {
    return `The token may not read GET ${url.pathname} (${status}); the confidential edition needs a clerk or member token${suffix}.`;
  }
  return `The API answered GET ${url.pathname} with ${status}${suffix}.`;
};

/** `detail` (or `title`) of an RFC 9457 problem body, when the body is one. */
const problemDetail = (body: string): string | null => {
  try {
    const problem = JSON.parse(body) as { detail?: unknown; title?: unknown };
    if (typeof problem.detail === 'string') return problem.detail;
    if (typeof problem.title === 'string') return problem.title;
  } catch {
    // not JSON: fall through
  }
  return null;
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

/** Reads what the scope needs from the API and assembles a CouncilDataset from it. */
export const loadDatasetFromApi = async (
  source: ApiSource,
  scope: DatasetScope,
): Promise<CouncilDataset> => {
  void source;
  void scope;
  throw new CliError(EXIT_CODES.apiError, 'Reading from the API is not available yet.');
};
