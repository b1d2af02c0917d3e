import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const minute = (overrides: Record<string, unknown> = {}) => ({
  ref: { text: '40', sequence: 40 },
  agendaItemNumber: '4',
  takenOrder: 1,
  title: 'School Place Planning',
  blocks: [
    {
      kind: 'paragraph',
      ref: '40.1',
      text: 'The Director of Education submitted a report on school places.',
      comments: [
        {
          topic: 'Secondary places',
          point: 'Members asked about Year 7 demand.',
          response: 'Demand peaks in 2027.',
        },
      ],
    },
    {
      kind: 'comment-group',
      heading: 'Part Two',
      comments: [{ topic: null, point: 'Capital budget questions.', response: null }],
    },
  ],
  motions: [
    {
      text: 'That the report be noted.',
      proposer: { name: 'Councillor A Chair', memberId: null },
      seconder: null,
      vote: { kind: 'show-of-hands', count: { for: 7, against: 1, abstain: 0 } },
      outcome: 'carried',
    },
  ],
  elections: [],
  actions: [
    {
      text: 'A written response on Year 7 places would be provided.',
      owner: 'Director of Education',
      due: '2030-09-30',
      status: 'open',
    },
  ],
  resolution: { kind: 'single', text: 'RESOLVED – That the report be noted.' },
  previousMinutes: null,
  exemption: null,
  ...overrides,
});

describeEachDatabase('minutes, motions, actions and resolutions', (kind) => {
  let t: TestApp;
  const meetingId = 'cfsc-2030-07-01';
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ id: meetingId, committeeId: SAMPLE.committee, date: '2030-07-01' })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('returns a meeting’s minutes in order; an exempt minute shows the public its reference, title and paragraph only', async () => {
    const anonymous = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/minutes`)
      .expect(200);
    expect(anonymous.body).toMatchObject({ status: 'draft', approvedOn: null });
    expect(anonymous.body.minutes.map((m: { ref: { text: string } }) => m.ref.text)).toEqual([
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '21',
      '22',
      '23',
    ]);
    const exempt = anonymous.body.minutes.find((m: { exemption: unknown }) => m.exemption !== null);
    expect(exempt).toMatchObject({
      isWithheld: true,
      blocks: [],
      motions: [],
      actions: [],
      resolution: null,
      exemption: { paragraph: 3 },
    });
    const member = await t
      .http()
      .get(`/api/v1/minutes/${exempt.id}`)
      .set(bearer(t.tokens.member))
      .expect(200);
    expect(member.body.isWithheld).toBe(false);
    expect(member.body.blocks.length).toBeGreaterThan(0);
    await t
      .http()
      .get(`/api/v1/meetings/${meetingId}/minutes`)
      .set(bearer(t.tokens.clerk))
      .expect(404);
  });

  it('lists minutes across meetings, pages them, and shows a minute’s motions and votes', async () => {
    const page = await t
      .http()
      .get(`/api/v1/minutes?meetingId=${SAMPLE.stockportJune2021}&limit=3&offset=3`)
      .expect(200);
    expect(page.body).toMatchObject({ total: 7, limit: 3, offset: 3 });
    expect(page.body.items.map((m: { ref: { text: string } }) => m.ref.text)).toEqual([
      '4',
      '5',
      '6',
    ]);
    const withMotion = page.body.items.find((m: { motions: unknown[] }) => m.motions.length > 0);
    const motions = await t.http().get(`/api/v1/minutes/${withMotion.id}/motions`).expect(200);
    expect(motions.body).toMatchObject({ total: withMotion.motions.length, offset: 0 });
    expect(motions.body.items[0]).toMatchObject({
      text: expect.any(String),
      outcome: expect.any(String),
    });
  });

  it('adds a minute (starting draft minutes) and refuses one whose sequence is not its reference’s number', async () => {
    const clerk = bearer(t.tokens.clerk);
    const wrong = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/minutes`)
      .set(clerk)
      .send(minute({ ref: { text: 'OS.40', sequence: 41 } }))
      .expect(400);
    expect(wrong.body.errors).toEqual([
      { path: '$.ref.sequence', message: expect.stringContaining('40') },
    ]);
    const invalid = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/minutes`)
      .set(clerk)
      .send(minute({ takenOrder: 0, resolution: { kind: 'single' } }))
      .expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['$.takenOrder', '$.resolution.text']),
    );
    const created = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/minutes`)
      .set(clerk)
      .send(minute())
      .expect(201);
    expect(created.body).toMatchObject({
      ref: { text: '40', sequence: 40 },
      version: 1,
      actions: [expect.objectContaining({ status: 'open' })],
    });
    const record = await t
      .http()
      .get(`/api/v1/meetings/${meetingId}/minutes`)
      .set(clerk)
      .expect(200);
    expect(record.body).toMatchObject({
      status: 'draft',
      minutes: [expect.objectContaining({ id: created.body.id })],
    });
  });

  it('replaces a draft minute with the version read', async () => {
    const clerk = bearer(t.tokens.clerk);
    const [current] = (
      await t.http().get(`/api/v1/minutes?meetingId=${meetingId}`).set(clerk).expect(200)
    ).body.items;
    await t
      .http()
      .put(`/api/v1/minutes/${current.id}`)
      .set(clerk)
      .set('If-Match', '5')
      .send(minute({ title: 'Changed' }))
      .expect(412);
    const replaced = await t
      .http()
      .put(`/api/v1/minutes/${current.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .send(
        minute({
          title: 'School Place Planning 2030',
          resolution: {
            kind: 'list',
            style: 'numbered',
            lead: 'RESOLVED – That:',
            points: [
              { label: '1.', text: 'the report be noted' },
              { label: '2.', text: 'a further report come in 2031' },
            ],
          },
        }),
      )
      .expect(200);
    expect(replaced.body).toMatchObject({
      title: 'School Place Planning 2030',
      version: 2,
      resolution: { kind: 'list' },
    });
  });

  it('lists actions with filters and tracks their status with the version', async () => {
    const open = await t
      .http()
      .get('/api/v1/actions?status=open&limit=100')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(open.body.items.every((a: { status: string }) => a.status === 'open')).toBe(true);
    const ours = await t
      .http()
      .get(`/api/v1/actions?meetingId=${meetingId}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(ours.body.total).toBe(1);
    const action = ours.body.items[0];
    await t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(bearer(t.tokens.member))
      .set('If-Match', '1')
      .send({ status: 'done' })
      .expect(403);
    await t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '1')
      .send({ status: 'finished' })
      .expect(400);
    const done = await t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '1')
      .send({ status: 'done' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    const due = await t
      .http()
      .get('/api/v1/actions?dueBefore=2030-12-31&status=done')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(due.body.items.map((a: { id: string }) => a.id)).toContain(action.id);
  });

  it('lists resolutions verbatim, leaving exempt ones out of the public list and count', async () => {
    const anonymous = await t
      .http()
      .get(`/api/v1/resolutions?meetingId=${SAMPLE.stockportMarch2022}`)
      .expect(200);
    const member = await t
      .http()
      .get(`/api/v1/resolutions?meetingId=${SAMPLE.stockportMarch2022}`)
      .set(bearer(t.tokens.member))
      .expect(200);
    expect(member.body.total).toBe(anonymous.body.total + 1);
    const exemptOne = member.body.items.find(
      (r: { id: string }) => !anonymous.body.items.some((a: { id: string }) => a.id === r.id),
    );
    expect(exemptOne.minuteRef).toBe('23');
    await t.http().get(`/api/v1/resolutions/${exemptOne.id}`).expect(404);
    await t
      .http()
      .get(`/api/v1/resolutions/${exemptOne.id}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
  });

  it('approves minutes at a later meeting; then they cannot change (409 with the reason), but actions are still tracked', async () => {
    const clerk = bearer(t.tokens.clerk);
    const meeting = await t.http().get(`/api/v1/meetings/${meetingId}`).set(clerk).expect(200);
    const early = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/minutes/approval`)
      .set(clerk)
      .set('If-Match', String(meeting.body.version))
      .send({ approvedOn: '2030-06-01' })
      .expect(400);
    expect(early.body.detail).toContain('later meeting');
    const approved = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/minutes/approval`)
      .set(clerk)
      .set('If-Match', String(meeting.body.version))
      .send({ approvedOn: '2030-09-15' })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedOn: '2030-09-15' });
    const [current] = (
      await t.http().get(`/api/v1/minutes?meetingId=${meetingId}`).set(clerk).expect(200)
    ).body.items;
    const change = await t
      .http()
      .put(`/api/v1/minutes/${current.id}`)
      .set(clerk)
      .set('If-Match', String(current.version))
      .send(minute())
      .expect(409);
    expect(change.body).toMatchObject({
      code: 'MINUTES.ALREADY_APPROVED',
      type: expect.stringContaining('minutes-already-approved'),
    });
    expect(change.body.detail).toContain('2030-09-15');
    await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/minutes`)
      .set(clerk)
      .send(minute({ ref: { text: '41', sequence: 41 } }))
      .expect(409);
    await t
      .http()
      .delete(`/api/v1/minutes/${current.id}`)
      .set(clerk)
      .set('If-Match', String(current.version))
      .expect(409);
    await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/declarations`)
      .set(clerk)
      .send({
        member: { name: 'Cllr B', memberId: null },
        about: { kind: 'subject', subject: 'Stockport Homes' },
        interests: ['personal'],
        nature: 'Tenant.',
        withdrew: false,
      })
      .expect(409);
    const again = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/minutes/approval`)
      .set(clerk)
      .set('If-Match', String(approved.body.version))
      .send({ approvedOn: '2030-10-01' })
      .expect(409);
    expect(again.body.code).toBe('MINUTES.ALREADY_APPROVED');
    await t
      .http()
      .delete(`/api/v1/meetings/${meetingId}`)
      .set(clerk)
      .set('If-Match', String(approved.body.version))
      .expect(409);
    const [action] = (
      await t.http().get(`/api/v1/actions?meetingId=${meetingId}`).set(clerk).expect(200)
    ).body.items;
    await t
      .http()
      .patch(`/api/v1/actions/${action.id}`)
      .set(clerk)
      .set('If-Match', String(action.version))
      .send({ owner: 'Head of School Organisation' })
      .expect(200);
  });
});
