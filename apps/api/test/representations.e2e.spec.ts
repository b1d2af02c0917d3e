/**
 * Compression and the public record's content tags over a real socket: bodies are read as the
 * bytes the server sent (node:http, which never decodes), decoded here with node:zlib and
 * compared byte for byte with the uncompressed answer to the same request.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SAMPLE } from './support/documents.js';
import { listenOnLoopback, rawGet, type RawResponse } from './support/raw-http.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const DATASET = `/api/v1/meetings/${SAMPLE.stockportNovember2021}/dataset`;

const decode = (response: RawResponse): Buffer => {
  const coding = response.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(response.body);
  if (coding === 'gzip') return gunzipSync(response.body);
  if (coding === undefined) return response.body;
  throw new Error(`unexpected Content-Encoding ${String(coding)}`);
};

const varyOf = (response: RawResponse): string[] =>
  String(response.headers['vary'] ?? '')
    .split(',')
    .map((field) => field.trim().toLowerCase());

describeEachDatabase('compression and content tags on the wire', (kind) => {
  let t: TestApp;
  let base: string;
  const get = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
    rawGet(base, path, headers);

  beforeAll(async () => {
    t = await createTestApp(kind);
    base = await listenOnLoopback(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const TEXT_ROUTES = [
    ['JSON list', '/api/v1/meetings?limit=50', /^application\/json/],
    ['JSON resource', `/api/v1/meetings/${SAMPLE.stockportNovember2021}`, /^application\/json/],
    ['data set', DATASET, /^application\/json/],
    ['open data', '/api/v1/open-data/events', /^application\/json/],
    ['CSV', '/api/v1/open-data/meetings.csv', /^text\/csv/],
    ['iCalendar', '/api/v1/calendar.ics', /^text\/calendar/],
    ['Atom', '/api/v1/feed.atom', /^application\/atom\+xml/],
  ] as const;

  it.each(TEXT_ROUTES)(
    'sends the %s at %s in br or gzip as asked, decoding to the very bytes sent uncompressed',
    async (_name, path, type) => {
      const plain = await get(path);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-type']).toMatch(type);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(1024);
      expect(varyOf(plain)).toContain('accept-encoding');
      for (const [asked, coding] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['gzip, deflate, br', 'br'],
        ['br;q=0.5, gzip', 'gzip'],
      ] as const) {
        const packed = await get(path, { 'Accept-Encoding': asked });
        expect(packed.status).toBe(200);
        expect(packed.headers['content-encoding']).toBe(coding);
        expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
        expect(packed.body.length).toBeLessThan(plain.body.length / 2);
        expect(varyOf(packed)).toEqual(expect.arrayContaining(['accept-encoding']));
        expect(decode(packed).equals(plain.body)).toBe(true);
      }
      for (const refused of ['identity', 'br;q=0, gzip;q=0', 'deflate', ''])
        expect((await get(path, { 'Accept-Encoding': refused })).headers['content-encoding']).toBe(
          undefined,
        );
    },
  );

  it('keeps a small body as it is but still says it varies by Accept-Encoding', async () => {
    const missing = await get('/api/v1/meetings/no-such-meeting', {
      'Accept-Encoding': 'br, gzip',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.length).toBeLessThan(1024);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.body.toString('utf8'))).toMatchObject({ status: 404 });
    expect(varyOf(missing)).toContain('accept-encoding');
  });

  it('sends a PDF as it is, whatever Accept-Encoding says', async () => {
    const pdf = await get(`/api/v1/meetings/${SAMPLE.stockportNovember2021}/agenda-pack.pdf`, {
      'Accept-Encoding': 'br, gzip',
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('keeps a resource’s version as its ETag when the body is compressed', async () => {
    const path = `/api/v1/meetings/${SAMPLE.stockportNovember2021}`;
    const packed = await get(path, { 'Accept-Encoding': 'br' });
    expect(packed.headers['content-encoding']).toBe('br');
    const body = JSON.parse(decode(packed).toString('utf8')) as { version: number };
    expect(packed.headers['etag']).toBe(`"${body.version}"`);
    const again = await get(path, {
      'Accept-Encoding': 'br',
      'If-None-Match': `"${body.version}"`,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it.each([
    DATASET,
    '/api/v1/calendar.ics',
    `/api/v1/committees/${SAMPLE.committee}/feed.atom`,
    '/api/v1/open-data/results.csv',
  ])(
    'tags %s with a strong ETag of its content and answers If-None-Match with 304',
    async (path) => {
      const plain = await get(path);
      const tag = plain.headers['etag'] as string;
      expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      // The same content, another request: the same tag.
      expect((await get(path)).headers['etag']).toBe(tag);
      const unchanged = await get(path, { 'If-None-Match': tag });
      expect(unchanged.status).toBe(304);
      expect(unchanged.body.length).toBe(0);
      expect(unchanged.headers['etag']).toBe(tag);
      expect(unchanged.headers['cache-control']).toBe(plain.headers['cache-control']);
      expect((await get(path, { 'If-None-Match': `"other", W/${tag}` })).status).toBe(304);
      expect((await get(path, { 'If-None-Match': '"something-else"' })).status).toBe(200);
      // Compressed, it is another representation with a tag of its own.
      const packed = await get(path, { 'Accept-Encoding': 'br' });
      const packedTag = packed.headers['etag'] as string;
      expect(packedTag).toBe(`${tag.slice(0, -1)}-br"`);
      expect(
        (await get(path, { 'Accept-Encoding': 'br', 'If-None-Match': packedTag })).status,
      ).toBe(304);
      expect((await get(path, { 'If-None-Match': packedTag })).status).toBe(200);
      expect(
        (await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': packedTag })).status,
      ).toBe(200);
    },
  );

  it('gives the data set a new ETag when what it holds changes, and 200 to the old one', async () => {
    const before = await get(DATASET);
    const tag = before.headers['etag'] as string;
    const dataset = JSON.parse(before.body.toString('utf8')) as {
      members: { id: string; party: string | null }[];
    };
    const member = dataset.members[0]!;
    const read = await t.http().get(`/api/v1/members/${member.id}`).expect(200);
    await t
      .http()
      .patch(`/api/v1/members/${member.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', read.headers.etag as string)
      .send({ party: `${member.party ?? 'None'} (changed for the ETag test)` })
      .expect(200);
    const after = await get(DATASET, { 'If-None-Match': tag });
    expect(after.status).toBe(200);
    expect(after.headers['etag']).not.toBe(tag);
    expect(after.body.toString('utf8')).toContain('(changed for the ETag test)');
    expect((await get(DATASET, { 'If-None-Match': after.headers['etag'] as string })).status).toBe(
      304,
    );
  });

  it('gives lists no ETag of their content', async () => {
    expect((await get('/api/v1/meetings?limit=50')).headers['etag']).toBeUndefined();
  });
});
