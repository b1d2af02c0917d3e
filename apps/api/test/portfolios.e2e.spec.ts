// Portfolios and the officer contacts that belong to them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isProblem } from './support/problem.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('portfolios and officer contacts', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { officerPortfolios: ['CFSE'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('portfolios', () => {
    it('lists the sample council’s portfolios with the page envelope', async () => {
      const response = await t.http().get('/api/v1/portfolios').expect(200);
      expect(response.body).toMatchObject({ total: 3, limit: 20, offset: 0 });
      const cfse = response.body.items.find((p: { code: string }) => p.code === 'CFSE');
      expect(cfse).toMatchObject({
        authorityId: 'stockport',
        name: 'Children, Family Services and Education',
        cabinetMember: { name: 'Councillor Colin Foster' },
        version: 1,
      });
      const wsx = await t.http().get('/api/v1/portfolios?authorityId=west-sussex').expect(200);
      expect(wsx.body.items.map((p: { code: string }) => p.code).sort()).toEqual(['CYP', 'LS']);
    });

    it('is admin-only to create: 401 anonymous, 403 officer, 400 bad code, 201, 409 duplicate', async () => {
      const body = {
        code: 'HAS',
        authorityId: 'stockport',
        name: 'Health and Adult Social Care',
        cabinetMember: null,
        directors: [],
      };
      await t.http().post('/api/v1/portfolios').send(body).expect(401);
      await t
        .http()
        .post('/api/v1/portfolios')
        .set(bearer(t.tokens.officer))
        .send(body)
        .expect(403);
      const bad = await t
        .http()
        .post('/api/v1/portfolios')
        .set(bearer(t.tokens.admin))
        .send({ ...body, code: 'has care' })
        .expect(400);
      isProblem(bad);
      expect(bad.body.errors[0].path).toBe('$.code');
      await t.http().post('/api/v1/portfolios').set(bearer(t.tokens.admin)).send(body).expect(201);
      await t.http().post('/api/v1/portfolios').set(bearer(t.tokens.admin)).send(body).expect(409);
    });

    it('updates with If-Match (stale 412), deletes an unused one, refuses one in use, 404s an unknown one', async () => {
      await t
        .http()
        .patch('/api/v1/portfolios/HAS')
        .set(bearer(t.tokens.admin))
        .set('If-Match', '"7"')
        .send({ name: 'Adults' })
        .expect(412);
      const updated = await t
        .http()
        .patch('/api/v1/portfolios/HAS')
        .set(bearer(t.tokens.admin))
        .set('If-Match', '"1"')
        .send({ name: 'Adults', directors: ['Director of Adult Social Care'] })
        .expect(200);
      expect(updated.body).toMatchObject({
        name: 'Adults',
        directors: ['Director of Adult Social Care'],
        version: 2,
      });
      const inUse = await t
        .http()
        .delete('/api/v1/portfolios/CFSE')
        .set(bearer(t.tokens.admin))
        .set('If-Match', '"1"')
        .expect(409);
      expect(inUse.body.code).toBe('RESOURCE.IN_USE');
      await t
        .http()
        .delete('/api/v1/portfolios/HAS')
        .set(bearer(t.tokens.admin))
        .set('If-Match', '"2"')
        .expect(204);
      await t.http().get('/api/v1/portfolios/HAS').expect(404);
    });
  });

  describe('officer contacts', () => {
    it('lists the contacts the sample reports name, by portfolio', async () => {
      const response = await t.http().get('/api/v1/officer-contacts?portfolio=CFSE').expect(200);
      expect(response.body.total).toBeGreaterThan(0);
      for (const contact of response.body.items) expect(contact.portfolioCode).toBe('CFSE');
    });

    it('lets an officer add a contact to their portfolio only, and validates the email', async () => {
      const contact = {
        portfolioCode: 'CFSE',
        name: 'Sam Patel',
        role: 'Finance Business Partner',
        email: 'sam.patel@stockport.gov.uk',
        phone: '0161 474 0000',
      };
      const created = await t
        .http()
        .post('/api/v1/officer-contacts')
        .set(bearer(t.tokens.officer))
        .send(contact)
        .expect(201);
      expect(created.body).toMatchObject({ ...contact, version: 1 });
      await t
        .http()
        .post('/api/v1/officer-contacts')
        .set(bearer(t.tokens.officer))
        .send({ ...contact, portfolioCode: 'CYP' })
        .expect(403);
      const bad = await t
        .http()
        .post('/api/v1/officer-contacts')
        .set(bearer(t.tokens.officer))
        .send({ ...contact, email: 'not an email' })
        .expect(400);
      expect(bad.body.errors[0].path).toBe('$.email');
      const renamed = await t
        .http()
        .patch(`/api/v1/officer-contacts/${created.body.id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', '1')
        .send({ role: 'Senior Finance Business Partner' })
        .expect(200);
      expect(renamed.body).toMatchObject({ role: 'Senior Finance Business Partner', version: 2 });
      await t.http().get('/api/v1/officer-contacts/999999').expect(404);
    });
  });
});
