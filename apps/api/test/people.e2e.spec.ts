import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('authorities, members and committees', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the authorities with their style; only admins change them, with the version', async () => {
    const list = await t.http().get('/api/v1/authorities').expect(200);
    expect(list.body.total).toBe(2);
    const stockport = await t.http().get('/api/v1/authorities/stockport').expect(200);
    expect(stockport.body).toMatchObject({
      id: 'stockport',
      region: 'england',
      style: { primaryColour: expect.stringMatching(/^#/) },
    });
    const { version, ...authority } = stockport.body;
    await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(version))
      .send(authority)
      .expect(403);
    const invalid = await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(bearer(t.tokens.admin))
      .set('If-Match', String(version))
      .send({ ...authority, region: 'scotland' })
      .expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toContain('$.region');
    const renamed = await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(bearer(t.tokens.admin))
      .set('If-Match', String(version))
      .send({ ...authority, shortName: 'SMBC' })
      .expect(200);
    expect(renamed.body).toMatchObject({ shortName: 'SMBC', version: version + 1 });
    await t.http().get('/api/v1/authorities/nowhere').expect(404);
  });

  it('lists councillors with name and party filters, and pages', async () => {
    const all = await t.http().get('/api/v1/members?limit=5').expect(200);
    expect(all.body).toMatchObject({ total: 22, limit: 5 });
    const names = all.body.items.map((m: { name: string }) => m.name);
    expect(names).toEqual([...names].sort());
    const first = all.body.items[0];
    const found = await t
      .http()
      .get(`/api/v1/members?name=${encodeURIComponent(first.name.slice(-5).toUpperCase())}`)
      .expect(200);
    expect(found.body.items.map((m: { id: string }) => m.id)).toContain(first.id);
    if (first.party !== null) {
      const party = await t
        .http()
        .get(`/api/v1/members?party=${encodeURIComponent(first.party)}&limit=100`)
        .expect(200);
      expect(party.body.items.every((m: { party: string }) => m.party === first.party)).toBe(true);
    }
  });

  it('adds, renames and removes a councillor (clerk), with 412 on a stale version, 409 on a taken id', async () => {
    const clerk = bearer(t.tokens.clerk);
    await t.http().post('/api/v1/members').send({ name: 'Councillor New Person' }).expect(401);
    await t.http().post('/api/v1/members').set(clerk).send({ name: '' }).expect(400);
    const created = await t
      .http()
      .post('/api/v1/members')
      .set(clerk)
      .send({ name: 'Councillor New Person', party: 'Independent' })
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'councillor-new-person',
      party: 'Independent',
      ward: null,
      version: 1,
    });
    await t
      .http()
      .post('/api/v1/members')
      .set(clerk)
      .send({ name: 'Councillor New Person' })
      .expect(409);
    await t
      .http()
      .patch('/api/v1/members/councillor-new-person')
      .set(clerk)
      .set('If-Match', '2')
      .send({ ward: 'Edgeley' })
      .expect(412);
    const updated = await t
      .http()
      .patch('/api/v1/members/councillor-new-person')
      .set(clerk)
      .set('If-Match', '1')
      .send({ ward: 'Edgeley' })
      .expect(200);
    expect(updated.body).toMatchObject({ ward: 'Edgeley', version: 2 });
    await t
      .http()
      .delete('/api/v1/members/councillor-new-person')
      .set(clerk)
      .set('If-Match', '2')
      .expect(204);
    await t.http().get('/api/v1/members/councillor-new-person').expect(404);
  });

  it('shows committees with their members, chair first', async () => {
    const list = await t.http().get('/api/v1/committees?authorityId=stockport').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([SAMPLE.committee]);
    const members = await t
      .http()
      .get(`/api/v1/committees/${SAMPLE.committee}/members`)
      .expect(200);
    expect(members.body.items[0].role).toBe('chair');
    await t.http().get('/api/v1/committees/nope').expect(404);
  });

  it('creates a committee, adds and removes a seat with the committee’s version, and deletes it', async () => {
    const clerk = bearer(t.tokens.clerk);
    const committee = {
      id: 'stockport-audit',
      authorityId: 'stockport',
      name: 'Audit Committee',
      memberships: [],
      clerk: { name: 'J Clerk', role: 'Democratic Services Officer', email: null, phone: null },
      portfolioCodes: [],
    };
    const badMember = await t
      .http()
      .post('/api/v1/committees')
      .set(clerk)
      .send({
        ...committee,
        authorityId: 'atlantis',
        memberships: [{ member: { name: 'Cllr X', memberId: 'nobody' }, role: 'chair' }],
      })
      .expect(404);
    expect(badMember.body.errors).toEqual([
      { path: '$.authorityId', message: 'no such authority' },
    ]);
    await t
      .http()
      .post('/api/v1/committees')
      .set(bearer(t.tokens.officer))
      .send(committee)
      .expect(403);
    const created = await t
      .http()
      .post('/api/v1/committees')
      .set(clerk)
      .send(committee)
      .expect(201);
    expect(created.body).toMatchObject({ id: 'stockport-audit', members: [], version: 1 });
    const [someone] = (await t.http().get('/api/v1/members?limit=1').expect(200)).body.items;
    const seat = { member: { name: someone.name, memberId: someone.id }, role: 'chair' };
    await t
      .http()
      .post('/api/v1/committees/stockport-audit/members')
      .set(clerk)
      .send(seat)
      .expect(428);
    const withSeat = await t
      .http()
      .post('/api/v1/committees/stockport-audit/members')
      .set(clerk)
      .set('If-Match', '1')
      .send(seat)
      .expect(201);
    expect(withSeat.body).toMatchObject({
      version: 2,
      members: [{ role: 'chair', member: { memberId: someone.id } }],
    });
    const unknown = await t
      .http()
      .post('/api/v1/committees/stockport-audit/members')
      .set(clerk)
      .set('If-Match', '2')
      .send({ member: { name: 'Cllr Ghost', memberId: 'ghost' }, role: 'member' })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { path: '$.member.memberId', message: 'no member ghost' },
    ]);
    const without = await t
      .http()
      .delete(`/api/v1/committees/stockport-audit/members/${withSeat.body.members[0].id}`)
      .set(clerk)
      .set('If-Match', '2')
      .expect(200);
    expect(without.body).toMatchObject({ version: 3, members: [] });
    await t
      .http()
      .delete('/api/v1/committees/stockport-audit')
      .set(clerk)
      .set('If-Match', '3')
      .expect(204);
    await t
      .http()
      .delete(`/api/v1/committees/${SAMPLE.committee}`)
      .set(clerk)
      .set('If-Match', '1')
      .expect(409);
  });
});
