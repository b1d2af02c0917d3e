import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const reportItem = (overrides: Record<string, unknown> = {}) => ({
  number: '4',
  order: 4,
  kind: 'report',
  title: 'School Place Planning',
  summary: 'To consider a report of the Director of Education.',
  recommendations: {
    lead: 'The Committee is asked to:',
    style: 'lettered',
    items: ['note the report'],
  },
  reportOf: ['Director of Education'],
  contacts: [
    {
      name: 'Jane Example',
      role: 'Head of School Organisation',
      email: 'jane.example@stockport.gov.uk',
      phone: '0161 474 0000',
    },
  ],
  exemption: null,
  documents: [
    {
      title: 'School Place Planning',
      role: 'report',
      exemption: null,
      content: {
        kind: 'sections',
        sections: [{ heading: '1. Introduction', paragraphs: ['1.1 Pupil numbers are rising.'] }],
      },
    },
  ],
  ...overrides,
});

describeEachDatabase('meetings and agenda items', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the sample council’s published meetings anonymously, newest first, with the total', async () => {
    const response = await t.http().get('/api/v1/meetings').expect(200);
    expect(response.body.total).toBe(4);
    expect(response.body.items.map((m: { date: string }) => m.date)).toEqual([
      '2022-03-09',
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
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
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
    expect(paths).toEqual(expect.arrayContaining(['$.from', '$.limit']));
    const sort = await t.http().get('/api/v1/meetings?sort=venue').expect(400);
    expect(sort.body.errors).toEqual([
      { path: '$.sort', message: expect.stringContaining('date') },
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

  it('orders agenda items: inserting at an order moves later items down, moving and deleting close the gaps', async () => {
    const url = '/api/v1/meetings/cfsc-2030-06-17/agenda-items';
    const clerk = bearer(t.tokens.clerk);
    const a = await t
      .http()
      .post(url)
      .set(clerk)
      .send(
        reportItem({
          number: '1',
          order: 1,
          kind: 'apologies',
          title: 'Apologies',
          summary: null,
          recommendations: null,
          reportOf: [],
          contacts: [],
          documents: [],
        }),
      )
      .expect(201);
    const b = await t
      .http()
      .post(url)
      .set(clerk)
      .send(reportItem({ number: '2', order: 2 }))
      .expect(201);
    const c = await t
      .http()
      .post(url)
      .set(clerk)
      .send(
        reportItem({
          number: '1a',
          order: 1,
          title: 'Urgent business',
          kind: 'urgent-business',
          documents: [],
        }),
      )
      .expect(201);
    expect(c.body.order).toBe(1);
    let agenda = await t.http().get(url).set(clerk).expect(200);
    expect(agenda.body.items.map((i: { number: string }) => i.number)).toEqual(['1a', '1', '2']);
    await t
      .http()
      .post(url)
      .set(clerk)
      .send(reportItem({ number: '2', order: 9 }))
      .expect(409);
    const moved = await t
      .http()
      .put(`/api/v1/agenda-items/${c.body.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .send(
        reportItem({
          number: '3',
          order: 3,
          title: 'Urgent business',
          kind: 'urgent-business',
          documents: [],
        }),
      )
      .expect(200);
    expect(moved.body).toMatchObject({ order: 3, number: '3', version: 2 });
    agenda = await t.http().get(url).set(clerk).expect(200);
    expect(
      agenda.body.items.map((i: { number: string; order: number }) => `${i.order}:${i.number}`),
    ).toEqual(['1:1', '2:2', '3:3']);
    await t
      .http()
      .delete(`/api/v1/agenda-items/${a.body.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .expect(204);
    agenda = await t.http().get(url).set(clerk).expect(200);
    expect(
      agenda.body.items.map((i: { number: string; order: number }) => `${i.order}:${i.number}`),
    ).toEqual(['1:2', '2:3']);
    expect(b.body.documents[0].content.kind).toBe('sections');
  });

  it('validates an agenda item against the domain’s schema, listing every problem with its path', async () => {
    const response = await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-06-17/agenda-items')
      .set(bearer(t.tokens.clerk))
      .send(reportItem({ exemption: { paragraph: 9 }, kind: 'party', extra: true }))
      .expect(400);
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.exemption.paragraph', '$.kind', '$.extra']));
    const tooLong = await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-06-17/agenda-items')
      .set(bearer(t.tokens.clerk))
      .send(reportItem({ number: '12345678901', title: 'x'.repeat(501) }))
      .expect(400);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '$.number',
      '$.title',
    ]);
    const agenda = await t
      .http()
      .get('/api/v1/meetings/cfsc-2030-06-17/agenda-items')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(agenda.body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(agenda.body.items).toHaveLength(2);
  });

  it('filters agenda items across meetings by kind and exemption, never counting hidden meetings for the public', async () => {
    const exempt = await t.http().get('/api/v1/agenda-items?exempt=true').expect(200);
    expect(exempt.body.total).toBe(1);
    expect(exempt.body.items[0]).toMatchObject({ isWithheld: true, summary: null });
    const reports = await t.http().get('/api/v1/agenda-items?kind=report&limit=100').expect(200);
    expect(
      reports.body.items.every((i: { meetingId: string }) => i.meetingId !== 'cfsc-2030-06-17'),
    ).toBe(true);
    const clerkReports = await t
      .http()
      .get('/api/v1/agenda-items?kind=report&limit=100')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(clerkReports.body.total).toBe(reports.body.total + 1);
  });

  it('publishes the agenda once, recording the time and whether it met the five-clear-days deadline', async () => {
    const meeting = await t
      .http()
      .get('/api/v1/meetings/cfsc-2030-06-17')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    const published = await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-06-17/agenda/publication')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(meeting.body.version))
      .expect(200);
    // Published now, years before a meeting in June 2030: on time; the deadline is a working day before it.
    expect(published.body).toMatchObject({
      isOnTime: true,
      deadline: expect.stringMatching(/^2030-06-/),
      clearDays: expect.any(Number),
    });
    expect(published.body.explanation).toContain('on time');
    expect(published.body.meeting).toMatchObject({
      status: 'agenda-published',
      agendaPublishedAt: published.body.publishedAt,
    });
    const again = await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-06-17/agenda/publication')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(published.body.meeting.version))
      .expect(409);
    expect(again.body.code).toBe('LIFECYCLE.INVALID_TRANSITION');
    await t.http().get('/api/v1/meetings/cfsc-2030-06-17').expect(200);
  });

  it('says when an agenda was published late', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ committeeId: SAMPLE.committee, date: soon })
      .expect(201);
    const published = await t
      .http()
      .post(`/api/v1/meetings/${created.body.id}/agenda/publication`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '1')
      .expect(200);
    expect(published.body.isOnTime).toBe(false);
    expect(published.body.explanation).toContain('late');
  });

  it('records attendance in the domain shape', async () => {
    const meeting = await t
      .http()
      .get('/api/v1/meetings/cfsc-2030-06-17')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    const attendance = {
      kind: 'recorded',
      present: [{ person: { name: 'Councillor A Chair', memberId: null }, role: 'chair' }],
      apologies: [],
      substitutes: [],
      cabinetMembers: [],
      officers: [{ name: 'J Clerk', role: 'Democratic Services Officer' }],
    };
    await t
      .http()
      .put('/api/v1/meetings/cfsc-2030-06-17/attendance')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(meeting.body.version))
      .send({ ...attendance, kind: 'guessed' })
      .expect(400);
    const saved = await t
      .http()
      .put('/api/v1/meetings/cfsc-2030-06-17/attendance')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(meeting.body.version))
      .send(attendance)
      .expect(200);
    expect(saved.body).toEqual({ attendance, version: meeting.body.version + 1 });
    expect(
      (await t.http().get('/api/v1/meetings/cfsc-2030-06-17/attendance').expect(200)).body
        .attendance,
    ).toEqual(attendance);
  });

  it('records declarations of interest, filters them, and corrects and removes them with the version', async () => {
    const clerk = bearer(t.tokens.clerk);
    const declaration = {
      member: { name: 'Councillor A Chair', memberId: null },
      about: { kind: 'agenda-item', itemNumber: '2' },
      interest: 'personal',
      nature: 'A relative works at a school named in the report.',
      withdrew: false,
    };
    await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-06-17/declarations')
      .set(clerk)
      .send({ ...declaration, interest: 'vague' })
      .expect(400);
    const created = await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-06-17/declarations')
      .set(clerk)
      .send(declaration)
      .expect(201);
    const list = await t.http().get('/api/v1/declarations?meetingId=cfsc-2030-06-17').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, nature: declaration.nature }),
    ]);
    const updated = await t
      .http()
      .put(`/api/v1/declarations/${created.body.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .send({ ...declaration, withdrew: true })
      .expect(200);
    expect(updated.body).toMatchObject({ withdrew: true, version: 2 });
    await t
      .http()
      .delete(`/api/v1/declarations/${created.body.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .expect(412);
    await t
      .http()
      .delete(`/api/v1/declarations/${created.body.id}`)
      .set(clerk)
      .set('If-Match', '2')
      .expect(204);
    await t.http().get(`/api/v1/declarations/${created.body.id}`).expect(404);
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
