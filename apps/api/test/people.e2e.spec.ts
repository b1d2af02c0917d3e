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
    expect(list.body.total).toBe(3); // Stockport, West Sussex and (Wales) Flintshire
    const stockport = await t.http().get('/api/v1/authorities/stockport').expect(200);
    expect(stockport.body).toMatchObject({
      id: 'stockport',
      region: 'england',
      style: { primaryColour: expect.stringMatching(/^#/) },
    });
    const { version, createdAt, updatedAt, ...authority } = stockport.body;
    expect(Date.parse(createdAt)).not.toBeNaN();
    expect(Date.parse(updatedAt)).not.toBeNaN();
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
    // What a GET answers can be sent back as is: the server's fields are ignored.
    const roundTrip = await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(bearer(t.tokens.admin))
      .set('If-Match', String(renamed.body.version))
      .send({ ...renamed.body, shortName: 'Stockport' })
      .expect(200);
    expect(roundTrip.body).toMatchObject({ shortName: 'Stockport', version: version + 2 });
    const since = await t
      .http()
      .get(`/api/v1/authorities?updatedSince=${encodeURIComponent(renamed.body.updatedAt)}`)
      .expect(200);
    expect(since.body.items.map((a: { id: string }) => a.id)).toEqual(['stockport']);
    const tooLong = await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(bearer(t.tokens.admin))
      .set('If-Match', String(roundTrip.body.version))
      .send({ ...authority, shortName: 'S'.repeat(101), colour: 'red' })
      .expect(400);
    expect(tooLong.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.shortName' }),
        expect.objectContaining({ path: '$.colour', message: 'Unknown field "colour"' }),
      ]),
    );
    await t.http().get('/api/v1/authorities/nowhere').expect(404);
  });

  it('lists councillors with name and party filters, and pages', async () => {
    const all = await t.http().get('/api/v1/members?limit=5').expect(200);
    expect(all.body).toMatchObject({ total: 27, limit: 5 });
    const names = all.body.items.map((m: { name: string }) => m.name);
    expect(names).toEqual([...names].sort());
    const first = all.body.items[0];
    const found = await t
      .http()
      .get(`/api/v1/members?name=${encodeURIComponent(first.name.slice(-5).toUpperCase())}`)
      .expect(200);
    expect(found.body.items.map((m: { id: string }) => m.id)).toContain(first.id);
    const bad = await t.http().get('/api/v1/members?limit=abc&sort=age').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query:limit',
      'query:sort',
    ]);
    const none = await t
      .http()
      .get('/api/v1/members?updatedSince=2999-01-01T00:00:00Z')
      .expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
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
    expect(updated.body.updatedAt >= created.body.updatedAt).toBe(true);
    const longName = 'Councillor ' + 'Averylongname '.repeat(12);
    const slugged = await t
      .http()
      .post('/api/v1/members')
      .set(clerk)
      .send({ name: longName })
      .expect(201);
    expect(slugged.body.id.length).toBeLessThanOrEqual(64);
    await t
      .http()
      .post('/api/v1/members')
      .set(clerk)
      .send({ id: 'has/slash', name: 'Cllr Slash', party: 'P'.repeat(101) })
      .expect(400)
      .expect((response) =>
        expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
          '$.id',
          '$.party',
        ]),
      );
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
      .get(`/api/v1/committees/${SAMPLE.committee}/members?limit=2`)
      .expect(200);
    expect(members.body).toMatchObject({ limit: 2, offset: 0 });
    expect(members.body.total).toBeGreaterThan(2);
    expect(members.body.items[0].role).toBe('chair');
    const committee = (await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200))
      .body;
    expect(committee.memberships.slice(0, 2)).toEqual(members.body.items);
    const later = await t
      .http()
      .get(`/api/v1/committees/${SAMPLE.committee}/members?updatedSince=2999-01-01T00:00:00Z`)
      .expect(200);
    expect(later.body).toMatchObject({ items: [], total: 0 });
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
        memberships: [
          { member: { name: 'Cllr X', memberId: 'nobody' }, role: 'chair', from: null, to: null },
        ],
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
    expect(created.body).toMatchObject({ id: 'stockport-audit', memberships: [], version: 1 });
    const [someone] = (await t.http().get('/api/v1/members?limit=1').expect(200)).body.items;
    const seat = {
      member: { name: someone.name, memberId: someone.id },
      role: 'chair',
      from: '2026-05-01',
      to: null,
    };
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
      memberships: [{ role: 'chair', member: { memberId: someone.id } }],
    });
    // The committee as read, seat ids and all, can be sent back to replace it.
    const renamed = await t
      .http()
      .put('/api/v1/committees/stockport-audit')
      .set(clerk)
      .set('If-Match', '2')
      .send({ ...withSeat.body, name: 'Audit and Governance Committee' })
      .expect(200);
    expect(renamed.body).toMatchObject({
      name: 'Audit and Governance Committee',
      version: 3,
      memberships: [{ role: 'chair', member: { memberId: someone.id } }],
    });
    const unknown = await t
      .http()
      .post('/api/v1/committees/stockport-audit/members')
      .set(clerk)
      .set('If-Match', '3')
      .send({
        member: { name: 'Cllr Ghost', memberId: 'ghost' },
        role: 'member',
        from: null,
        to: null,
      })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { path: '$.member.memberId', message: 'no member ghost' },
    ]);
    const without = await t
      .http()
      .delete(`/api/v1/committees/stockport-audit/members/${renamed.body.memberships[0].id}`)
      .set(clerk)
      .set('If-Match', '3')
      .expect(200);
    expect(without.body).toMatchObject({ version: 4, memberships: [] });
    await t
      .http()
      .delete('/api/v1/committees/stockport-audit')
      .set(clerk)
      .set('If-Match', '4')
      .expect(204);
    await t
      .http()
      .delete(`/api/v1/committees/${SAMPLE.committee}`)
      .set(clerk)
      .set('If-Match', '1')
      .expect(409);
  });
});
