// A meeting's agenda: ordering and validating agenda items, filtering them across meetings, and
// publishing the agenda against the five-clear-days deadline.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { createMeeting, reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('agenda items and agenda publication', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    // The unpublished meeting these tests work on (meetings.e2e.spec.ts tests creating one).
    await createMeeting(t, { id: 'cfsc-2030-06-17', date: '2030-06-17' });
  });
  afterAll(async () => {
    await t?.close();
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
    // One exempt item in England (Stockport, paragraph 3) and one in Wales (Flintshire, paragraph 14).
    expect(exempt.body.total).toBe(2);
    expect(
      exempt.body.items
        .map((i: { exemption: { paragraph: number } }) => i.exemption.paragraph)
        .sort(),
    ).toEqual([14, 3]);
    for (const item of exempt.body.items)
      expect(item).toMatchObject({ isWithheld: true, summary: null });
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
});
