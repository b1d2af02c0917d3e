import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { fetchPdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

/** Every top-level list of the API. */
const LISTS = [
  'authorities',
  'members',
  'committees',
  'meetings',
  'agenda-items',
  'declarations',
  'minutes',
  'actions',
  'resolutions',
  'portfolios',
  'officer-contacts',
  'measures',
  'agreements',
  'results',
  'performance-reports',
  'audit-events',
] as const;

/** Lists whose items are resources with createdAt/updatedAt (audit events have `at`). */
const RESOURCE_LISTS = LISTS.filter((list) => list !== 'audit-events');

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MEMBER = '/api/v1/members/councillor-http-test';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('HTTP semantics: ETag, If-Match, timestamps, updatedSince', (kind) => {
  let t: TestApp;
  let clerk: { Authorization: string };
  let admin: { Authorization: string };
  /** The nested lists, once their parents' ids are known. */
  let nested: string[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    clerk = bearer(t.tokens.clerk);
    admin = bearer(t.tokens.admin);
    const minutes = await t.http().get('/api/v1/minutes?limit=100').set(clerk).expect(200);
    const withMotions = minutes.body.items.find(
      (m: { motions: unknown[] }) => m.motions.length > 0,
    );
    nested = [
      `/api/v1/meetings/${SAMPLE.stockportNovember2021}/agenda-items`,
      `/api/v1/committees/${SAMPLE.committee}/members`,
      `/api/v1/minutes/${withMotions.id}/motions`,
    ];
    await t
      .http()
      .post('/api/v1/members')
      .set(clerk)
      .send({ id: 'councillor-http-test', name: 'Councillor HTTP Test', ward: 'Brinnington' })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const auditCount = async (entityId: string): Promise<number> =>
    (
      await t
        .http()
        .get(`/api/v1/audit-events?entity=member&entityId=${entityId}&limit=100`)
        .set(admin)
        .expect(200)
    ).body.total as number;

  it('sends ETag "<version>" on single-resource reads and writes, not on lists or PDFs', async () => {
    const created = await t
      .http()
      .post('/api/v1/members')
      .set(clerk)
      .send({ id: 'councillor-etag', name: 'Councillor ETag' })
      .expect(201);
    expect(created.headers.etag).toBe('"1"');
    const read = await t.http().get(MEMBER).expect(200);
    expect(read.headers.etag).toBe(`"${read.body.version}"`);
    expect(read.headers.vary).toMatch(/Authorization/i);
    const written = await t
      .http()
      .patch('/api/v1/members/councillor-etag')
      .set(clerk)
      .set('If-Match', created.headers.etag as string)
      .send({ party: 'Independent' })
      .expect(200);
    expect(written.body.version).toBe(2);
    expect(written.headers.etag).toBe('"2"');
    for (const path of [
      `/api/v1/meetings/${SAMPLE.stockportNovember2021}`,
      `/api/v1/committees/${SAMPLE.committee}`,
      '/api/v1/authorities/stockport',
      '/api/v1/portfolios/CFSE',
    ]) {
      const response = await t.http().get(path).set(clerk).expect(200);
      expect(response.headers.etag).toBe(`"${response.body.version}"`);
    }
    const list = await t.http().get('/api/v1/members').expect(200);
    expect(list.headers.etag).toBeUndefined();
    const nestedList = await t
      .http()
      .get(nested[0] as string)
      .expect(200);
    expect(nestedList.headers.etag).toBeUndefined();
    const pdf = await fetchPdf(
      t,
      `/api/v1/meetings/${SAMPLE.stockportNovember2021}/agenda-pack.pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.etag).toBeUndefined();
  });

  it('answers 304 to a GET whose If-None-Match is the current ETag', async () => {
    const read = await t.http().get(MEMBER).expect(200);
    const etag = read.headers.etag as string;
    const again = await t.http().get(MEMBER).set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    await t.http().get(MEMBER).set('If-None-Match', '"999"').expect(200);
  });

  it('takes If-Match as the ETag or the bare version, refuses a weak tag with 400', async () => {
    const read = await t.http().get(MEMBER).expect(200);
    const version = read.body.version as number;
    const weak = await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .set('If-Match', `W/"${version}"`)
      .send({ ward: 'Reddish' })
      .expect(400);
    expect(weak.body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(weak.body.errors[0].path).toBe('header:If-Match');
    const bare = await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .set('If-Match', String(version))
      .send({ ward: 'Reddish' })
      .expect(200);
    expect(bare.body.version).toBe(version + 1);
    const quoted = await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .set('If-Match', bare.headers.etag as string)
      .send({ ward: 'Brinnington' })
      .expect(200);
    expect(quoted.body.version).toBe(version + 2);
  });

  it('answers a stale If-Match with 412 and a problem document, changing nothing; a missing one with 428', async () => {
    const before = await t.http().get(MEMBER).expect(200);
    const audits = await auditCount('councillor-http-test');
    const stale = await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .set('If-Match', `"${before.body.version - 1}"`)
      .send({ ward: 'Heaton Mersey' })
      .expect(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({
      status: 412,
      code: 'CONCURRENCY.STALE_VERSION',
      type: expect.stringContaining('concurrency-stale-version'),
      data: { expectedVersion: before.body.version - 1, currentVersion: before.body.version },
    });
    const missing = await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .send({ ward: 'Heaton Mersey' })
      .expect(428);
    expect(missing.body).toMatchObject({ status: 428, code: 'CONCURRENCY.VERSION_REQUIRED' });
    const after = await t.http().get(MEMBER).expect(200);
    expect(after.body).toEqual(before.body);
    expect(await auditCount('councillor-http-test')).toBe(audits);
    // A stale write on a resource keyed otherwise (and a lifecycle action) is a 412 too.
    await t
      .http()
      .post(`/api/v1/meetings/${SAMPLE.stockportNovember2021}/agenda/publication`)
      .set(clerk)
      .set('If-Match', '"999"')
      .expect(412);
  });

  it('keeps the version, updatedAt and audit trail when a PATCH or PUT changes nothing', async () => {
    const before = await t.http().get(MEMBER).expect(200);
    const audits = await auditCount('councillor-http-test');
    const same = await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .set('If-Match', before.headers.etag as string)
      .send({ name: before.body.name, ward: before.body.ward })
      .expect(200);
    expect(same.body).toEqual(before.body);
    expect(same.headers.etag).toBe(before.headers.etag);
    expect(await auditCount('councillor-http-test')).toBe(audits);

    // GET, then PUT the same body back (server fields and all).
    const authority = await t.http().get('/api/v1/authorities/stockport').expect(200);
    const { version, ...body } = authority.body;
    const put = await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(admin)
      .set('If-Match', authority.headers.etag as string)
      .send(body)
      .expect(200);
    expect(put.body).toEqual(authority.body);
    const authorityAudits = await t
      .http()
      .get('/api/v1/audit-events?entity=authority&entityId=stockport')
      .set(admin)
      .expect(200);
    expect(authorityAudits.body.total).toBe(0);
    expect(version).toBe(put.body.version);

    // The same for a meeting's PATCH and PUT attendance, and a portfolio's PATCH.
    const meetingPath = `/api/v1/meetings/${SAMPLE.stockportMarch2022}`;
    const meeting = await t.http().get(meetingPath).set(clerk).expect(200);
    const patched = await t
      .http()
      .patch(meetingPath)
      .set(clerk)
      .set('If-Match', meeting.headers.etag as string)
      .send({ venue: meeting.body.venue, date: meeting.body.date })
      .expect(200);
    expect(patched.body).toMatchObject({
      version: meeting.body.version,
      updatedAt: meeting.body.updatedAt,
      venue: meeting.body.venue,
    });
    const attendance = await t.http().get(`${meetingPath}/attendance`).set(clerk).expect(200);
    expect(attendance.headers.etag).toBe(meeting.headers.etag);
    const sameAttendance = await t
      .http()
      .put(`${meetingPath}/attendance`)
      .set(clerk)
      .set('If-Match', attendance.headers.etag as string)
      .send(attendance.body.attendance)
      .expect(200);
    expect(sameAttendance.body.version).toBe(meeting.body.version);
    const portfolio = await t.http().get('/api/v1/portfolios/CFSE').expect(200);
    const samePortfolio = await t
      .http()
      .patch('/api/v1/portfolios/CFSE')
      .set(admin)
      .set('If-Match', portfolio.headers.etag as string)
      .send({ name: portfolio.body.name, directors: portfolio.body.directors })
      .expect(200);
    expect(samePortfolio.body).toEqual(portfolio.body);
    const trail = await t
      .http()
      .get(`/api/v1/audit-events?updatedSince=${encodeURIComponent(meeting.body.updatedAt)}`)
      .set(admin)
      .expect(200);
    expect(
      trail.body.items.filter(
        (e: { entityId: string }) =>
          e.entityId === SAMPLE.stockportMarch2022 || e.entityId === 'CFSE',
      ),
    ).toEqual([]);
  });

  it('gives every resource createdAt and updatedAt; a real change moves updatedAt only', async () => {
    for (const list of RESOURCE_LISTS) {
      const page = await t.http().get(`/api/v1/${list}?limit=1`).set(clerk).expect(200);
      expect({ list, total: page.body.total > 0 }).toEqual({ list, total: true });
      const [item] = page.body.items;
      expect({ list, createdAt: item.createdAt, updatedAt: item.updatedAt }).toEqual({
        list,
        createdAt: expect.stringMatching(ISO_INSTANT),
        updatedAt: expect.stringMatching(ISO_INSTANT),
      });
    }
    const before = await t.http().get(MEMBER).expect(200);
    await pause(5);
    const changed = await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .set('If-Match', before.headers.etag as string)
      .send({ ward: 'Bredbury Green' })
      .expect(200);
    expect(changed.body.createdAt).toBe(before.body.createdAt);
    expect(changed.body.updatedAt > before.body.updatedAt).toBe(true);
    const reread = await t.http().get(MEMBER).expect(200);
    expect(reread.body.updatedAt).toBe(changed.body.updatedAt);
  });

  it('filters every list by updatedSince and refuses a value that is not a date-time', async () => {
    await pause(5);
    const since = new Date().toISOString();
    await pause(5);
    const current = await t.http().get(MEMBER).expect(200);
    await t
      .http()
      .patch(MEMBER)
      .set(clerk)
      .set('If-Match', current.headers.etag as string)
      .send({ party: 'Liberal Democrat' })
      .expect(200);
    const changed = await t.http().get(`/api/v1/members?updatedSince=${since}`).expect(200);
    expect(changed.body.items.map((m: { id: string }) => m.id)).toEqual(['councillor-http-test']);
    expect(changed.body.total).toBe(1);
    // An offset is honoured: an hour before `since` in +01:00 is still after every seeded row.
    const withOffset = new Date(Date.parse(since) + 3_600_000).toISOString().replace('Z', '+01:00');
    const offsetPage = await t
      .http()
      .get(`/api/v1/members?updatedSince=${encodeURIComponent(withOffset)}`)
      .expect(200);
    expect(offsetPage.body.total).toBe(1);

    const future = '2999-01-01T00:00:00Z';
    for (const path of [...LISTS.map((list) => `/api/v1/${list}`), ...nested]) {
      const all = await t.http().get(path).set(admin).expect(200);
      expect({ path, total: all.body.total > 0 }).toEqual({ path, total: true });
      const none = await t.http().get(`${path}?updatedSince=${future}`).set(admin).expect(200);
      expect({ path, total: none.body.total, items: none.body.items }).toEqual({
        path,
        total: 0,
        items: [],
      });
      for (const bad of ['yesterday', '2021-02-30T00:00:00Z', '2021-06-16']) {
        const refused = await t.http().get(`${path}?updatedSince=${bad}`).set(admin).expect(400);
        expect({ path, bad, errors: refused.body.errors }).toEqual({
          path,
          bad,
          errors: [
            expect.objectContaining({
              path: 'query:updatedSince',
              message: expect.stringContaining(`Not an instant (ISO 8601 with an offset`),
            }),
          ],
        });
      }
    }
  });

  it('answers nested lists with the same { items, total, limit, offset } envelope', async () => {
    for (const path of nested) {
      const page = await t.http().get(path).set(clerk).expect(200);
      expect(Object.keys(page.body).sort()).toEqual(['items', 'limit', 'offset', 'total']);
      expect(page.body).toMatchObject({ limit: 20, offset: 0 });
      expect(page.body.total).toBeGreaterThan(0);
      expect(page.body.items).toHaveLength(Math.min(page.body.total, 20));
      const last = page.body.total - 1;
      const one = await t.http().get(`${path}?limit=1&offset=${last}`).set(clerk).expect(200);
      expect(one.body).toMatchObject({ total: page.body.total, limit: 1, offset: last });
      expect(one.body.items).toEqual([page.body.items[last]]);
      const sorted = await t.http().get(`${path}?sort=title`).set(clerk).expect(400);
      // Refused by the list's query schema, which names the fields it sorts by (the motions,
      // in the order they were put, take no sort at all).
      expect({ path, errors: sorted.body.errors }).toEqual({
        path,
        errors: [
          expect.objectContaining({
            path: 'query:sort',
            message: expect.stringMatching(/Fields: [a-z, ]+\.$|^Unknown query parameter sort$/),
          }),
        ],
      });
    }
  });
});
