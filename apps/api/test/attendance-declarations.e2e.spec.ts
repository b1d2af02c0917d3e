// What a meeting records besides its agenda: attendance and declarations of interest.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createMeeting, publishAgenda } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('attendance and declarations', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    // The meeting these tests work on, its agenda published so the public can read what it
    // records (meetings.e2e.spec.ts and agenda.e2e.spec.ts test creating and publishing).
    const meeting = await createMeeting(t, { id: 'cfsc-2030-06-17', date: '2030-06-17' });
    await publishAgenda(t, meeting.id, meeting.version);
  });
  afterAll(async () => {
    await t?.close();
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
      interests: ['personal'],
      nature: 'A relative works at a school named in the report.',
      withdrew: false,
    };
    await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-06-17/declarations')
      .set(clerk)
      .send({ ...declaration, interests: ['vague'] })
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
});
