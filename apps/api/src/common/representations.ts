/**
 * How a response's body goes on the wire: compressed with br or gzip when the client's
 * Accept-Encoding asks (the domain's `chooseContentCoding`), and, on the public record's
 * documents, a strong ETag of the body answered with 304 when If-None-Match holds it.
 *
 * It wraps `response.end`, so it sees every body Express's `res.send`/`res.json` and the public
 * record's `end(body)` give in one piece. A response streamed with `write` (the PDFs, which are
 * compressed already), one whose headers were written before its body, a HEAD, or one with a
 * `Content-Encoding` or `Cache-Control: no-transform` goes out untouched.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import {
  chooseContentCoding,
  COMPRESSION_MIN_BYTES,
  type ContentCoding,
  isCompressibleType,
} from '@scrutineer/domain';
import { appendVary } from '../security/cors.js';

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli at quality 5 and gzip at level 6: the bodies are made per request, so the best
 * compression (brotli 11 costs some 30× the time of 5) would cost more time than it saves.
 */
const compress = (body: Buffer, coding: ContentCoding): Promise<Buffer> =>
  coding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipped(body, { level: 6 });

/**
 * The public record's documents, by their OpenAPI paths: what a subscriber or an integrator
 * polls (calendars, feeds, open data, CSV) and the data sets the PDFs are drawn from. Each gets
 * a strong ETag of its body and answers a matching If-None-Match with 304, so a poll of an
 * unchanged document costs its server the read but sends no body. Other reads keep the
 * resource's version as their ETag (EntityTagInterceptor), and lists none.
 */
export const CONTENT_TAGGED_PATHS: readonly string[] = [
  '/api/v1/calendar.ics',
  '/api/v1/feed.atom',
  '/api/v1/committees/{id}/calendar.ics',
  '/api/v1/committees/{id}/feed.atom',
  '/api/v1/open-data/events',
  '/api/v1/open-data/people',
  '/api/v1/open-data/organizations',
  '/api/v1/open-data/meetings.csv',
  '/api/v1/open-data/decisions.csv',
  '/api/v1/open-data/results.csv',
  '/api/v1/meetings/{id}/dataset',
  '/api/v1/reports/{id}/dataset',
];

const pattern = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );

const TAGGED = CONTENT_TAGGED_PATHS.map(pattern);

/**
 * The strong tag of a body as it goes out: the SHA-256 of the uncompressed bytes, with the
 * coding after it, since a compressed body is another representation (RFC 9110 §8.8.3).
 */
export const contentTag = (body: Buffer, coding: ContentCoding | null): string => {
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 32);
  return `"${digest}${coding === null ? '' : `-${coding}`}"`;
};

/** If-None-Match's weak comparison (RFC 9110 §13.1.2): `*`, or any listed tag, W/ or not. */
const matches = (ifNoneMatch: string | undefined, tag: string): boolean => {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (value: string): string => value.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => opaque(candidate) === opaque(tag));
};

type End = ServerResponse['end'];

/** Compression and the public record's content tags, for every response of the API. */
export const representations = (): Middleware => (request, response, next) => {
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  let streamed = false;
  response.write = ((...args: unknown[]) => {
    streamed = true;
    return write(...args);
  }) as ServerResponse['write'];

  response.end = ((...args: unknown[]) => {
    const [chunk, encoding, callback] =
      typeof args[0] === 'function'
        ? [undefined, undefined, args[0]]
        : typeof args[1] === 'function'
          ? [args[0], undefined, args[1]]
          : args;
    const untouched = (): ServerResponse => end(...args);
    if (
      streamed ||
      response.headersSent ||
      request.method !== 'GET' ||
      response.statusCode === 204 ||
      response.statusCode === 304 ||
      chunk === undefined ||
      chunk === null ||
      !isCompressibleType(response.getHeader('Content-Type') as string | undefined)
    )
      return untouched();
    const cacheControl = String(response.getHeader('Cache-Control') ?? '');
    if (response.hasHeader('Content-Encoding') || /\bno-transform\b/i.test(cacheControl))
      return untouched();

    const body = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, (encoding as BufferEncoding | undefined) ?? 'utf8')
        : Buffer.from(chunk as Uint8Array);
    const done = typeof callback === 'function' ? (callback as () => void) : undefined;
    // Whether or not this body is compressed, the URL's answer depends on Accept-Encoding.
    response.setHeader('Vary', appendVary(response.getHeader('Vary'), 'Accept-Encoding'));
    const wanted = chooseContentCoding(request.headers['accept-encoding']);
    const coding = body.length >= COMPRESSION_MIN_BYTES ? wanted : null;
    // Express's routers may have cut `url` down to the part below their mount point.
    const url = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url;
    const path = (url ?? '/').split('?', 1)[0]!;

    if (
      response.statusCode === 200 &&
      !response.hasHeader('ETag') &&
      TAGGED.some((tagged) => tagged.test(path))
    ) {
      const tag = contentTag(body, coding);
      response.setHeader('ETag', tag);
      if (matches(request.headers['if-none-match'], tag)) {
        response.statusCode = 304;
        for (const name of ['Content-Type', 'Content-Length', 'Content-Disposition'])
          response.removeHeader(name);
        return end(done);
      }
    }
    if (coding === null) {
      response.setHeader('Content-Length', body.length);
      return end(body, done);
    }
    compress(body, coding).then(
      (compressed) => {
        response.setHeader('Content-Encoding', coding);
        response.setHeader('Content-Length', compressed.length);
        end(compressed, done);
      },
      // zlib does not fail on a Buffer in memory; were it to, the body goes out as it is.
      () => {
        response.setHeader('Content-Length', body.length);
        end(body, done);
      },
    );
    return response;
  }) as End;
  next();
};
