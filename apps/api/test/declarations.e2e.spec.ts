import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('declarations, officer contacts and the audit trail', (kind) => {
  let t: TestApp;
  const meetingId = 'cfsc-2031-01-20';
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({
        id: meetingId,
        committeeId: SAMPLE.committee,
        date: '2031-01-20',
        startTime: '18:00',
        venue: 'Committee Room 2',
      })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const declaration = {
    member: { name: 'Councillor A Chair', memberId: null },
    about: { kind: 'subject', subject: 'any references to Stockport Homes' },
    interests: ['other-registrable'],
    nature: 'A board member of Stockport Homes.',
    withdrew: { kind: 'unknown', reason: 'The minutes do not say.' },
  };

  it('records a declaration, and takes back what a GET answered to correct it', async () => {
    const clerk = bearer(t.tokens.clerk);
    const invalid = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/declarations`)
      .set(clerk)
      .send({ ...declaration, about: { kind: 'rumour' }, withdrew: 'maybe', extra: 1 })
      .expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '$.about.kind',
      '$.extra',
      '$.withdrew',
    ]);
    const created = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/declarations`)
      .set(clerk)
      .send(declaration)
      .expect(201);
    expect(created.body).toMatchObject({ ...declaration, meetingId, version: 1 });
    const read = await t
      .http()
      .get(`/api/v1/declarations/${created.body.id}`)
      .set(clerk)
      .expect(200);
    const corrected = await t
      .http()
      .put(`/api/v1/declarations/${created.body.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .send({ ...read.body, withdrew: true })
      .expect(200);
    expect(corrected.body).toMatchObject({ id: created.body.id, meetingId, withdrew: true });
    expect(corrected.body.version).toBe(2);
    const bad = await t.http().get('/api/v1/declarations?interest=vague&offset=-1').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query:interest',
      'query:offset',
    ]);
    const since = await t
      .http()
      .get(
        `/api/v1/declarations?interest=other-registrable&updatedSince=${encodeURIComponent(corrected.body.updatedAt)}`,
      )
      .set(clerk)
      .expect(200);
    expect(since.body.items.map((d: { id: string }) => d.id)).toEqual([created.body.id]);
  });

  it('keeps each write in the audit trail with what changed, filtered by when', async () => {
    const admin = bearer(t.tokens.admin);
    const events = await t
      .http()
      .get('/api/v1/audit-events?entity=declaration&limit=100')
      .set(admin)
      .expect(200);
    const update = events.body.items.find((e: { action: string }) => e.action === 'update');
    expect(update.changes).toEqual({
      withdrew: { from: declaration.withdrew, to: true },
    });
    const later = await t
      .http()
      .get(`/api/v1/audit-events?entity=declaration&updatedSince=${encodeURIComponent(update.at)}`)
      .set(admin)
      .expect(200);
    expect(later.body.items.map((e: { id: string }) => e.id)).toContain(update.id);
    expect(later.body.items.every((e: { at: string }) => e.at >= update.at)).toBe(true);
  });

  it('names officer contacts by number: a path that is not one is a 400, an email is checked', async () => {
    const officer = bearer(t.tokens.officer);
    const bad = await t.http().get('/api/v1/officer-contacts/abc').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['path:id']);
    const created = await t
      .http()
      .post('/api/v1/officer-contacts')
      .set(officer)
      .send({ portfolioCode: 'CFSE', name: 'Ann Other', role: 'Analyst' })
      .expect(201);
    expect(created.body).toMatchObject({ email: null, phone: null, version: 1 });
    const tooLong = await t
      .http()
      .patch(`/api/v1/officer-contacts/${created.body.id}`)
      .set(officer)
      .set('If-Match', '1')
      .send({ phone: '0'.repeat(51), email: 'nope' })
      .expect(400);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '$.email',
      '$.phone',
    ]);
    const since = await t
      .http()
      .get(`/api/v1/officer-contacts?updatedSince=${encodeURIComponent(created.body.updatedAt)}`)
      .expect(200);
    expect(since.body.items.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
    await t
      .http()
      .delete(`/api/v1/officer-contacts/${created.body.id}`)
      .set(officer)
      .set('If-Match', '1')
      .expect(204);
  });

  it('keeps the version and audits nothing when a committee, declaration or contact write changes nothing', async () => {
    const clerk = bearer(t.tokens.clerk);
    const officer = bearer(t.tokens.officer);
    const admin = bearer(t.tokens.admin);
    const auditsOf = async (entity: string, entityId: string): Promise<number> =>
      (
        await t
          .http()
          .get(`/api/v1/audit-events?entity=${entity}&entityId=${encodeURIComponent(entityId)}`)
          .set(admin)
          .expect(200)
      ).body.total;

    // A committee read and sent back as is: seat ids and server fields included.
    const committee = await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200);
    const committeeAudits = await auditsOf('committee', SAMPLE.committee);
    const sameCommittee = await t
      .http()
      .put(`/api/v1/committees/${SAMPLE.committee}`)
      .set(clerk)
      .set('If-Match', committee.headers.etag as string)
      .send(committee.body)
      .expect(200);
    expect(sameCommittee.body).toEqual(committee.body);
    expect(sameCommittee.headers.etag).toBe(committee.headers.etag);
    expect(await auditsOf('committee', SAMPLE.committee)).toBe(committeeAudits);

    const created = await t
      .http()
      .post(`/api/v1/meetings/${meetingId}/declarations`)
      .set(clerk)
      .send(declaration)
      .expect(201);
    const sameDeclaration = await t
      .http()
      .put(`/api/v1/declarations/${created.body.id}`)
      .set(clerk)
      .set('If-Match', created.headers.etag as string)
      .send(created.body)
      .expect(200);
    expect(sameDeclaration.body).toEqual(created.body);
    expect(await auditsOf('declaration', created.body.id)).toBe(1);

    const contact = await t
      .http()
      .post('/api/v1/officer-contacts')
      .set(officer)
      .send({ portfolioCode: 'CFSE', name: 'Same Again', role: 'Analyst' })
      .expect(201);
    const sameContact = await t
      .http()
      .patch(`/api/v1/officer-contacts/${contact.body.id}`)
      .set(officer)
      .set('If-Match', contact.headers.etag as string)
      .send({ name: 'Same Again', role: 'Analyst', email: null })
      .expect(200);
    expect(sameContact.body).toEqual(contact.body);
    expect(await auditsOf('officer-contact', String(contact.body.id))).toBe(1);
    await t
      .http()
      .delete(`/api/v1/officer-contacts/${contact.body.id}`)
      .set(officer)
      .set('If-Match', '1')
      .expect(204);
  });
});
