// Meetings: listing and filtering, reading with the agenda (exempt items withheld), creating,
// changing with the version, and deleting.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('meetings', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the sample council’s published meetings anonymously, newest first, with the total', async () => {
    const response = await t.http().get('/api/v1/meetings').expect(200);
    expect(response.body.total).toBe(5);
    expect(response.body.items.map((m: { date: string }) => m.date)).toEqual([
      '2022-03-09',
      '2022-01-13', // Flintshire (Wales), held, draft minutes
      '2021-11-24',
      '2021-11-17',
      '2021-06-16',
    ]);
    expect(response.body.items[0]).toMatchObject({
      id: SAMPLE.stockportMarch2022,
      committeeName: expect.any(String),
      version: 1,
    });
  });

  it('filters by committee, date range and status, and pages', async () => {
    const byCommittee = await t
      .http()
      .get(`/api/v1/meetings?committeeId=${SAMPLE.committee}`)
      .expect(200);
    expect(byCommittee.body.total).toBe(3);
    const range = await t
      .http()
      .get('/api/v1/meetings?from=2021-11-01&to=2021-11-30&sort=date')
      .expect(200);
    expect(range.body.items.map((m: { id: string }) => m.id)).toEqual([
      SAMPLE.westSussexNovember2021,
      SAMPLE.stockportNovember2021,
    ]);
    const page = await t.http().get('/api/v1/meetings?limit=2&offset=2').expect(200);
    expect(page.body).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(page.body.items).toHaveLength(2);
    const none = await t.http().get('/api/v1/meetings?status=cancelled').expect(200);
    expect(none.body).toMatchObject({ total: 0, items: [] });
  });

  it('rejects bad filters with the field’s path', async () => {
    const response = await t
      .http()
      .get('/api/v1/meetings?from=9-9-2021&sort=venue&limit=0')
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['query:from', 'query:limit', 'query:sort']));
    const sort = await t.http().get('/api/v1/meetings?sort=venue').expect(400);
    expect(sort.body.errors).toEqual([
      expect.objectContaining({ path: 'query:sort', message: expect.stringContaining('date') }),
    ]);
  });

  it('returns a meeting with its agenda in order; an exempt item shows the public its number, title and paragraph only', async () => {
    const anonymous = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}`)
      .expect(200);
    const orders = anonymous.body.agendaItems.map((i: { order: number }) => i.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const exempt = anonymous.body.agendaItems.find(
      (i: { exemption: unknown }) => i.exemption !== null,
    );
    expect(exempt).toMatchObject({
      exemption: { paragraph: 3 },
      isWithheld: true,
      summary: null,
      recommendations: null,
      documents: [],
      reportOf: [],
    });
    expect(exempt.title.length).toBeGreaterThan(0);
    const member = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}`)
      .set(bearer(t.tokens.member))
      .expect(200);
    const seen = member.body.agendaItems.find((i: { id: string }) => i.id === exempt.id);
    expect(seen).toMatchObject({ isWithheld: false, summary: expect.any(String) });
    expect(seen.documents.length).toBeGreaterThan(0);
  });

  it('withholds an exempt appendix of a public report but shows that it exists', async () => {
    const anonymous = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportNovember2021}`)
      .expect(200);
    const report = anonymous.body.agendaItems.find((i: { documents: { exemption: unknown }[] }) =>
      i.documents.some((d) => d.exemption !== null),
    );
    expect(report.isWithheld).toBe(false);
    const appendix = report.documents.find((d: { exemption: unknown }) => d.exemption !== null);
    expect(appendix).toMatchObject({
      exemption: { paragraph: 3 },
      content: null,
      isWithheld: true,
      title: expect.any(String),
    });
    const clerk = await t
      .http()
      .get(`/api/v1/agenda-items/${report.id}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(
      clerk.body.documents.find((d: { title: string }) => d.title === appendix.title).content,
    ).not.toBeNull();
  });

  it('answers 404 for a meeting or agenda item that does not exist', async () => {
    const response = await t.http().get('/api/v1/meetings/999999999').expect(404);
    expect(response.body).toMatchObject({ code: 'RESOURCE.NOT_FOUND', status: 404 });
    await t.http().get('/api/v1/agenda-items/no-such-item').expect(404);
  });

  it('lets only clerks create meetings: 401 anonymous, 403 officer and member, 400 invalid, 201 clerk', async () => {
    const body = {
      committeeId: SAMPLE.committee,
      date: '2030-06-17',
      startTime: '18:00',
      venue: 'Committee Room 2',
    };
    await t.http().post('/api/v1/meetings').send(body).expect(401);
    expect(
      (await t.http().post('/api/v1/meetings').set(bearer(t.tokens.officer)).send(body).expect(403))
        .body.code,
    ).toBe('AUTH.FORBIDDEN');
    await t.http().post('/api/v1/meetings').set(bearer(t.tokens.member)).send(body).expect(403);
    const invalid = await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ ...body, date: '17/06/2030', colour: 'red', venue: 'x'.repeat(301) })
      .expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '$.colour',
      '$.date',
      '$.venue',
    ]);
    const unknownCommittee = await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ ...body, committeeId: 'nope' })
      .expect(404);
    expect(unknownCommittee.body.errors).toEqual([
      { path: '$.committeeId', message: 'no such committee' },
    ]);
    const created = await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ ...body, id: 'cfsc-2030-06-17' })
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'cfsc-2030-06-17',
      status: 'scheduled',
      agendaPublishedAt: null,
      version: 1,
    });
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ ...body, id: 'cfsc-2030-06-17' })
      .expect(409);
  });

  it('keeps an unpublished meeting from the public (not listed, not counted, 404) but shows it to members', async () => {
    await t.http().get('/api/v1/meetings/cfsc-2030-06-17').expect(404);
    const list = await t.http().get('/api/v1/meetings?from=2030-01-01').expect(200);
    expect(list.body).toMatchObject({ total: 0, items: [] });
    await t.http().get('/api/v1/meetings/cfsc-2030-06-17').set(bearer(t.tokens.member)).expect(200);
  });

  it('changes a meeting only with the version read: 428 without If-Match, 412 stale (nothing changed), 200 current', async () => {
    await t
      .http()
      .patch('/api/v1/meetings/cfsc-2030-06-17')
      .set(bearer(t.tokens.clerk))
      .send({ venue: 'Council Chamber' })
      .expect(428);
    const stale = await t
      .http()
      .patch('/api/v1/meetings/cfsc-2030-06-17')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '"7"')
      .send({ venue: 'Council Chamber' })
      .expect(412);
    expect(stale.body).toMatchObject({
      code: 'CONCURRENCY.STALE_VERSION',
      data: { currentVersion: 1, expectedVersion: 7 },
    });
    const unchanged = await t
      .http()
      .get('/api/v1/meetings/cfsc-2030-06-17')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(unchanged.body).toMatchObject({ venue: 'Committee Room 2', version: 1 });
    const updated = await t
      .http()
      .patch('/api/v1/meetings/cfsc-2030-06-17')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '"1"')
      .send({ venue: 'Council Chamber' })
      .expect(200);
    expect(updated.body).toMatchObject({ venue: 'Council Chamber', version: 2 });
    const audit = await t
      .http()
      .get('/api/v1/audit-events?entity=meeting&entityId=cfsc-2030-06-17')
      .set(bearer(t.tokens.admin))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.items[0]).toMatchObject({
      actorName: 'test clerk',
      actorRole: 'clerk',
      changes: { venue: { from: 'Committee Room 2', to: 'Council Chamber' } },
    });
  });

  it('deletes a meeting with its agenda, with the version', async () => {
    const created = await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ committeeId: SAMPLE.committee, date: '2031-01-01' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/meetings/${created.body.id}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(reportItem())
      .expect(201);
    await t
      .http()
      .delete(`/api/v1/meetings/${created.body.id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '1')
      .expect(403);
    await t
      .http()
      .delete(`/api/v1/meetings/${created.body.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '1')
      .expect(204);
    await t
      .http()
      .get(`/api/v1/meetings/${created.body.id}`)
      .set(bearer(t.tokens.clerk))
      .expect(404);
    const items = await t
      .http()
      .get(`/api/v1/agenda-items?meetingId=${created.body.id}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(items.body.total).toBe(0);
  });
});
