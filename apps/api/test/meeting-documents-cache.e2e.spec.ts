import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import type { Response } from 'supertest';
import { SAMPLE } from './support/documents.js';
import { fetchPdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MARCH = SAMPLE.stockportMarch2022;
const UNPUBLISHED = 'cache-unpublished';

const varies = (response: Response): string[] =>
  String(response.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());

/** What a shared cache may keep: `public`, never `private` or `no-store`. */
const expectPublic = (response: Response): void => {
  expect(response.headers['cache-control']).toBe('public, max-age=300');
  expect(varies(response)).toContain('authorization');
};

/** For the caller alone: `private`, never `public`; `no-store` when it holds exempt content. */
const expectPrivate = (response: Response, noStore: boolean): void => {
  const cacheControl = String(response.headers['cache-control']);
  expect(cacheControl).toBe(noStore ? 'private, no-store' : 'private, no-cache');
  expect(cacheControl).not.toMatch(/public|max-age|s-maxage/);
  expect(varies(response)).toContain('authorization');
};

/**
 * The meeting's data set and PDFs depend on who asks: an anonymous answer is the public record
 * and says so; a token's answer (unpublished meetings, the confidential edition) must never be
 * kept by a shared cache; and every one says `Vary: Authorization`.
 */
describeEachDatabase('cache headers of the meeting documents', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ id: UNPUBLISHED, committeeId: SAMPLE.committee, date: '2031-02-11' })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, token?: string) => {
    const request = t.http().get(path);
    return token === undefined ? request : request.set(bearer(token));
  };

  it('marks the public data set public for an anonymous caller, private with a token', async () => {
    const path = `/api/v1/meetings/${MARCH}/dataset`;
    const anonymous = await get(path).expect(200);
    expectPublic(anonymous);
    // The same public edition read with a token is still the caller's own answer.
    for (const token of [t.tokens.clerk, t.tokens.member, t.tokens.officer])
      expectPrivate(await get(path, token).expect(200), false);
    // Its content tag still answers 304, with the same headers.
    const again = await get(path).set('If-None-Match', anonymous.headers.etag!).expect(304);
    expectPublic(again);
  });

  it('never lets a shared cache keep the confidential edition', async () => {
    const path = `/api/v1/meetings/${MARCH}/dataset?edition=confidential`;
    const clerk = await get(path, t.tokens.clerk).expect(200);
    expectPrivate(clerk, true);
    expectPrivate(await get(path, t.tokens.member).expect(200), true);
    // Without a token it is a problem, and a problem is marked cacheable by no one here.
    const refused = await get(path).expect(401);
    expect(String(refused.headers['cache-control'] ?? '')).not.toMatch(/public|max-age/);
    expect(varies(refused)).toContain('authorization');
  });

  it('says Vary: Authorization where the answer differs by caller (an unpublished meeting)', async () => {
    const path = `/api/v1/meetings/${UNPUBLISHED}/dataset`;
    const anonymous = await get(path).expect(404);
    const clerk = await get(path, t.tokens.clerk).expect(200);
    expect(clerk.body.meetings[0].meeting.id).toBe(UNPUBLISHED);
    expectPrivate(clerk, false);
    // The anonymous 404 is another answer to the same URL: a cache must tell them apart.
    expect(varies(anonymous)).toContain('authorization');
    expect(String(anonymous.headers['cache-control'] ?? '')).not.toMatch(/public|max-age/);
  });

  it('marks a performance report’s data set public: the same whoever asks', async () => {
    const [report] = loadSampleCouncil().performanceReports;
    const path = `/api/v1/reports/${report!.id}/dataset`;
    const anonymous = await get(path).expect(200);
    const clerk = await get(path, t.tokens.clerk).expect(200);
    expect(clerk.body).toEqual(anonymous.body);
    expectPublic(anonymous);
    expectPublic(clerk);
  });

  it('marks the PDFs the same way as the data sets they are drawn from', async () => {
    expectPublic(await fetchPdf(t, `/api/v1/meetings/${MARCH}/agenda-pack.pdf`).expect(200));
    expectPrivate(
      await fetchPdf(t, `/api/v1/meetings/${MARCH}/agenda-pack.pdf`, t.tokens.clerk).expect(200),
      false,
    );
    expectPrivate(
      await fetchPdf(
        t,
        `/api/v1/meetings/${MARCH}/agenda-pack.pdf?edition=confidential`,
        t.tokens.member,
      ).expect(200),
      true,
    );
    expectPublic(await fetchPdf(t, `/api/v1/meetings/${MARCH}/minutes.pdf`).expect(200));
    const [report] = loadSampleCouncil().performanceReports;
    expectPublic(await fetchPdf(t, `/api/v1/reports/${report!.id}.pdf`).expect(200));
    const unpublished = await fetchPdf(t, `/api/v1/meetings/${UNPUBLISHED}/agenda-pack.pdf`);
    expect(unpublished.status).toBe(404);
    expect(varies(unpublished)).toContain('authorization');
    expect(String(unpublished.headers['cache-control'] ?? '')).not.toMatch(/public|max-age/);
  });
});
