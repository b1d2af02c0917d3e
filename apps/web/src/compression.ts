/**
 * The site's pages, stylesheets and scripts compressed with br or gzip as the browser's
 * Accept-Encoding asks (the domain's `chooseContentCoding`, the rule the API answers by too).
 * Pages are made per request, so they are compressed per request at a middling level; the
 * assets never change while the server runs, so each is compressed once, at the best level.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { chooseContentCoding, COMPRESSION_MIN_BYTES, type ContentCoding } from '@scrutineer/domain';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** A body as it goes out, with the headers that say how. */
export type Encoded = {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
};

const encodedHeaders = (coding: ContentCoding | null, body: Buffer): Record<string, string> => ({
  Vary: 'Accept-Encoding',
  'Content-Length': String(body.length),
  ...(coding === null ? {} : { 'Content-Encoding': coding }),
});

const codingFor = (request: IncomingMessage, body: Buffer): ContentCoding | null =>
  body.length < COMPRESSION_MIN_BYTES
    ? null
    : chooseContentCoding(request.headers['accept-encoding']);

/** A page made for this request: brotli quality 5 or gzip level 6 (fast enough per request). */
export const encodePage = async (request: IncomingMessage, html: string): Promise<Encoded> => {
  const plain = Buffer.from(html);
  const coding = codingFor(request, plain);
  const body =
    coding === 'br'
      ? await brotli(plain, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        })
      : coding === 'gzip'
        ? await gzipped(plain, { level: 6 })
        : plain;
  return { body, headers: encodedHeaders(coding, body) };
};

/** An asset in each coding, compressed once at the best levels. */
export type EncodedAsset = Readonly<Record<ContentCoding | 'identity', Buffer>>;

export const encodeAsset = (plain: Buffer): EncodedAsset => ({
  identity: plain,
  br: brotliCompressSync(plain, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
    },
  }),
  gzip: gzipSync(plain, { level: constants.Z_BEST_COMPRESSION }),
});

/** The asset in the coding the request asks for. */
export const pickAsset = (request: IncomingMessage, asset: EncodedAsset): Encoded => {
  const coding = codingFor(request, asset.identity);
  const body = asset[coding ?? 'identity'];
  return { body, headers: encodedHeaders(coding, body) };
};
