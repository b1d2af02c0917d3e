import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

type Problem = { path: string; message: string };
const paths = (body: { errors: Problem[] }): string[] => body.errors.map((e) => e.path);

describeEachDatabase('minutes, actions and resolutions: the contract', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes a minute as read back as a PUT: the server’s fields are ignored', async () => {
    const clerk = bearer(t.tokens.clerk);
    const [read] = (
      await t
        .http()
        .get(`/api/v1/minutes?meetingId=${SAMPLE.stockportMarch2022}&limit=1`)
        .set(clerk)
        .expect(200)
    ).body.items;
    expect(read).toMatchObject({
      id: expect.any(String),
      meetingId: SAMPLE.stockportMarch2022,
      isWithheld: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const back = await t
      .http()
      .put(`/api/v1/minutes/${read.id}`)
      .set(clerk)
      .set('If-Match', String(read.version))
      .send(read)
      .expect(200);
    const { version: _v, updatedAt: _u, ...content } = read;
    expect(back.body).toMatchObject(content);
    expect(back.body.updatedAt >= read.updatedAt).toBe(true);
    const since = await t
      .http()
      .get(`/api/v1/minutes?updatedSince=${encodeURIComponent(back.body.updatedAt)}`)
      .set(clerk)
      .expect(200);
    expect(since.body.items.map((m: { id: string }) => m.id)).toContain(read.id);
  });

  it('takes an action as read back as a PATCH, with the change', async () => {
    const clerk = bearer(t.tokens.clerk);
    const [action] = (
      await t.http().get('/api/v1/actions?status=open&limit=1').set(clerk).expect(200)
    ).body.items;
    const done = await t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(clerk)
      .set('If-Match', String(action.version))
      .send({ ...action, status: 'done', text: 'ignored: it changes with its minute' })
      .expect(200);
    expect(done.body).toMatchObject({ id: action.id, text: action.text, status: 'done' });
    expect(done.body.version).toBe(action.version + 1);
    const empty = await t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(clerk)
      .set('If-Match', String(done.body.version))
      .send({})
      .expect(400);
    expect(paths(empty.body)).toEqual(['$']);
  });

  it('names each bad query parameter once', async () => {
    const clerk = bearer(t.tokens.clerk);
    const minutes = await t
      .http()
      .get('/api/v1/minutes?limit=abc&sort=title&colour=red')
      .set(clerk)
      .expect(400);
    expect(paths(minutes.body).sort()).toEqual(['query:colour', 'query:limit', 'query:sort']);
    const actions = await t
      .http()
      .get('/api/v1/actions?status=finished&dueBefore=2030-02-30&updatedSince=yesterday')
      .set(clerk)
      .expect(400);
    expect(paths(actions.body).sort()).toEqual([
      'query:dueBefore',
      'query:status',
      'query:updatedSince',
    ]);
    const resolutions = await t.http().get('/api/v1/resolutions?sort=-ref').expect(400);
    expect(paths(resolutions.body)).toEqual(['query:sort']);
  });

  it('names each bad field of a minute at its path', async () => {
    const clerk = bearer(t.tokens.clerk);
    const [read] = (
      await t
        .http()
        .get(`/api/v1/minutes?meetingId=${SAMPLE.stockportMarch2022}&limit=1&offset=1`)
        .set(clerk)
        .expect(200)
    ).body.items;
    const bad = await t
      .http()
      .put(`/api/v1/minutes/${read.id}`)
      .set(clerk)
      .set('If-Match', String(read.version))
      .send({
        ...read,
        colour: 'red',
        title: 'x'.repeat(301),
        motions: [
          {
            text: 'That …',
            proposer: null,
            seconder: null,
            vote: { kind: 'raffle' },
            outcome: 'carried',
          },
        ],
        actions: [{ text: 'Do it', owner: null, due: '2030-13-01', status: 'open' }],
        exemption: { paragraph: 8 },
      })
      .expect(400);
    expect(paths(bad.body).sort()).toEqual([
      '$.actions[0].due',
      '$.colour',
      '$.exemption.paragraph',
      '$.motions[0].vote.kind',
      '$.title',
    ]);
    expect(bad.body.errors.find((e: Problem) => e.path === '$.colour').message).toContain(
      'Unknown field',
    );
  });

  it('keeps lists in step with updatedSince, motions included, and pages motions', async () => {
    const clerk = bearer(t.tokens.clerk);
    const later = encodeURIComponent('2999-01-01T00:00:00Z');
    for (const path of ['minutes', 'actions', 'resolutions']) {
      const page = await t
        .http()
        .get(`/api/v1/${path}?updatedSince=${later}`)
        .set(clerk)
        .expect(200);
      expect(page.body).toMatchObject({ items: [], total: 0 });
      const all = await t
        .http()
        .get(`/api/v1/${path}?updatedSince=${encodeURIComponent('2000-01-01T00:00:00+01:00')}`)
        .set(clerk)
        .expect(200);
      expect(all.body.total).toBeGreaterThan(0);
    }
    const withMotions = (
      await t.http().get('/api/v1/minutes?limit=100').set(clerk).expect(200)
    ).body.items.find((m: { motions: unknown[] }) => m.motions.length > 0);
    const first = await t
      .http()
      .get(`/api/v1/minutes/${withMotions.id}/motions?limit=1`)
      .expect(200);
    expect(first.body).toMatchObject({ total: withMotions.motions.length, limit: 1, offset: 0 });
    expect(first.body.items).toEqual(withMotions.motions.slice(0, 1));
    const none = await t
      .http()
      .get(`/api/v1/minutes/${withMotions.id}/motions?updatedSince=${later}`)
      .expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    await t.http().get(`/api/v1/minutes/${withMotions.id}/motions?sort=text`).expect(400);
  });

  it('sets when the meeting closed, and says what is wrong with a time', async () => {
    const clerk = bearer(t.tokens.clerk);
    const record = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/minutes`)
      .set(clerk)
      .expect(200);
    const bad = await t
      .http()
      .patch(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/minutes`)
      .set(clerk)
      .set('If-Match', String(record.body.version))
      .send({ closedAt: '25:00' })
      .expect(400);
    expect(paths(bad.body)).toEqual(['$.closedAt']);
    const closed = await t
      .http()
      .patch(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/minutes`)
      .set(clerk)
      .set('If-Match', String(record.body.version))
      .send({ closedAt: '19:45' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'draft', closedAt: '19:45' });
    const approval = await t
      .http()
      .post(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/minutes/approval`)
      .set(clerk)
      .set('If-Match', String(closed.body.version))
      .send({ approvedOn: '2022-3-9' })
      .expect(400);
    expect(paths(approval.body)).toEqual(['$.approvedOn']);
  });
});
