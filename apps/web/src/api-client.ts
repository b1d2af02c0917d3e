/**
 * The site's only way to the data: the API over HTTP, anonymously (no token is ever sent, so an
 * exempt item's content cannot reach a page even by mistake), through a client typed from the
 * API's OpenAPI document (src/generated/api.d.ts, written by scripts/generate-client.mjs).
 * Responses that carry an ETag are kept and revalidated with If-None-Match: a 304 answers from
 * the copy kept here.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/api.js';

export type Schemas = components['schemas'];
export type ApiClient = ReturnType<typeof createClient<paths>>;

/** The API answered 404: the page answers 404 too. */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/** The API could not be reached (503) or answered with an error the site cannot show (502). */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    message: string,
    readonly status: 502 | 503,
  ) {
    super(message);
  }
}

type Answer = {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: ArrayBuffer;
};

export type CacheStats = {
  /** Answers fetched in full. */
  misses: number;
  /** Answers the API confirmed unchanged (304), given from the kept copy. */
  revalidated: number;
  /** Requests that joined an identical one already in flight. */
  shared: number;
};

const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const toResponse = (answer: Answer): Response =>
  new Response(NULL_BODY.has(answer.status) ? null : answer.body.slice(0), {
    status: answer.status,
    headers: answer.headers,
  });

/**
 * A fetch for GETs that keeps up to `max` answers with an ETag (least recently used dropped
 * first) and sends If-None-Match for them: a 304 is answered with the kept body as a 200. GETs
 * of one URL in flight at the same time share one request to the API (ten readers of a meeting
 * page cost the API one read), so no answer is older than the request that asked for it.
 */
export const revalidatingFetch = (
  max = 2000,
  inner: (input: Request) => Promise<Response> = globalThis.fetch,
): { fetch: (input: Request) => Promise<Response>; stats: CacheStats } => {
  const kept = new Map<string, Answer & { readonly etag: string }>();
  const inflight = new Map<string, Promise<Answer>>();
  const stats: CacheStats = { misses: 0, revalidated: 0, shared: 0 };

  const fetchOnce = async (key: string, input: Request): Promise<Answer> => {
    const entry = kept.get(key);
    let request = input;
    if (entry) {
      const headers = new Headers(input.headers);
      headers.set('If-None-Match', entry.etag);
      // Without it fetch adds `Cache-Control: no-cache` to a conditional request (the Fetch
      // standard's rule), and the API, rightly, then never answers 304.
      headers.set('Cache-Control', 'max-age=0');
      request = new Request(input, { headers });
    }
    const response = await inner(request);
    if (response.status === 304 && entry) {
      await response.body?.cancel();
      stats.revalidated += 1;
      kept.delete(key);
      kept.set(key, entry);
      return entry;
    }
    stats.misses += 1;
    const answer: Answer = {
      status: response.status,
      headers: [...response.headers.entries()],
      body: await response.arrayBuffer(),
    };
    const etag = response.headers.get('etag');
    if (response.status === 200 && etag !== null) {
      kept.delete(key);
      kept.set(key, { ...answer, etag });
      if (kept.size > max) kept.delete(kept.keys().next().value as string);
    }
    return answer;
  };

  const run = async (input: Request): Promise<Response> => {
    if (input.method !== 'GET') return inner(input);
    const key = `${input.headers.get('accept') ?? ''} ${input.url}`;
    const pending = inflight.get(key);
    if (pending) {
      stats.shared += 1;
      return toResponse(await pending);
    }
    const answer = fetchOnce(key, input);
    inflight.set(key, answer);
    try {
      return toResponse(await answer);
    } finally {
      inflight.delete(key);
    }
  };
  return { fetch: run, stats };
};

/** Anonymous calls: anything calling itself a token is taken off before a request leaves. */
const anonymous =
  (inner: (input: Request) => Promise<Response>) =>
  async (input: Request): Promise<Response> => {
    const headers = new Headers(input.headers);
    headers.delete('authorization');
    headers.set('accept', headers.get('accept') ?? 'application/json');
    try {
      return await inner(new Request(input, { headers }));
    } catch (error) {
      throw new ApiFailure(
        `The API at ${new URL(input.url).origin} could not be reached: ${(error as Error).message}`,
        503,
      );
    }
  };

export type Api = {
  readonly client: ApiClient;
  readonly stats: CacheStats;
  readonly baseUrl: string;
};

export const createApi = (baseUrl: string): Api => {
  const cache = revalidatingFetch();
  const client = createClient<paths>({ baseUrl, fetch: anonymous(cache.fetch) });
  return { client, stats: cache.stats, baseUrl };
};

/** The data of an openapi-fetch answer, or NotFound (404) / ApiFailure (anything else). */
export const must = <T>(answer: {
  data?: T;
  error?: unknown;
  response: Response;
}): NonNullable<T> => {
  const { data, response } = answer;
  if (response.status === 404) throw new NotFound(`${response.url}: not found`);
  // 429: the API's anonymous rate limit, which the site's requests count against; try again later.
  if (response.status === 503 || response.status === 429)
    throw new ApiFailure(`${response.url}: the API answered ${response.status}`, 503);
  if (!response.ok || data === undefined || data === null)
    throw new ApiFailure(`${response.url}: the API answered ${response.status}`, 502);
  return data as NonNullable<T>;
};

/** Every page of a list: `get` is called with offsets 0, 100, 200 … until `total` is reached. */
export const everyPage = async <T>(
  get: (page: { limit: number; offset: number }) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> => {
  const items: T[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await get({ limit: 100, offset });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
};
