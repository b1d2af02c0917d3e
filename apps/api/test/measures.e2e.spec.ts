// Performance measures: listing, creating for the officer's portfolio, and reassessing results
// when a measure changes.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { isProblem } from './support/problem.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('measures', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { officerPortfolios: ['CFSE'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists a portfolio’s measures, paginated, and filters by priority', async () => {
    const page = await t.http().get('/api/v1/measures?portfolio=CFSE&limit=5&offset=5').expect(200);
    expect(page.body).toMatchObject({ total: 17, limit: 5, offset: 5 });
    expect(page.body.items).toHaveLength(5);
    const byPriority = await t.http().get('/api/v1/measures?portfolio=CFSE&priority=1').expect(200);
    for (const measure of byPriority.body.items) expect(measure.priorityNumber).toBe(1);
    const one = await t.http().get('/api/v1/measures/CFSE12(ii)').expect(200);
    expect(one.body).toMatchObject({
      code: 'CFSE12(ii)',
      unit: 'percent',
      polarity: 'higher-is-better',
    });
  });

  it('creates a measure for the officer’s portfolio only; a bad code says what shape it needs', async () => {
    const measure = {
      code: 'CFSE.70',
      portfolioCode: 'CFSE',
      title: 'Care leavers in education, employment or training',
      unit: 'percent',
      polarity: 'higher-is-better',
      frequency: 'quarterly',
      source: null,
      priorityNumber: 3,
      decimals: 1,
    };
    await t.http().post('/api/v1/measures').set(bearer(t.tokens.member)).send(measure).expect(403);
    await t
      .http()
      .post('/api/v1/measures')
      .set(bearer(t.tokens.officer))
      .send({ ...measure, code: 'CYP.9', portfolioCode: 'CYP' })
      .expect(403);
    const bad = await t
      .http()
      .post('/api/v1/measures')
      .set(bearer(t.tokens.officer))
      .send({ ...measure, code: 'cfse 70', unit: 'furlongs', decimals: 7, priorityNumber: 100 })
      .expect(400);
    isProblem(bad);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '$.code',
      '$.decimals',
      '$.priorityNumber',
      '$.unit',
    ]);
    expect(bad.body.errors.find((e: { path: string }) => e.path === '$.code').message).toMatch(
      /CFSE\.28/,
    );
    await t.http().post('/api/v1/measures').set(bearer(t.tokens.officer)).send(measure).expect(201);
    await t.http().post('/api/v1/measures').set(bearer(t.tokens.officer)).send(measure).expect(409);
  });

  it('reassesses results when a measure’s polarity changes, and refuses to delete a measure with results', async () => {
    const before = await t
      .http()
      .get('/api/v1/results?measure=CFSE11&period=2021/22-Q3')
      .expect(200);
    expect(before.body.items[0].rag.status).toBe('red');
    const measure = await t.http().get('/api/v1/measures/CFSE11').expect(200);
    await t
      .http()
      .patch('/api/v1/measures/CFSE11')
      .set(bearer(t.tokens.officer))
      .set('If-Match', String(measure.body.version))
      .send({ polarity: 'lower-is-better' })
      .expect(200);
    const after = await t
      .http()
      .get('/api/v1/results?measure=CFSE11&period=2021/22-Q3')
      .expect(200);
    expect(after.body.items[0].rag.status).toBe('green');
    const inUse = await t
      .http()
      .delete('/api/v1/measures/CFSE11')
      .set(bearer(t.tokens.officer))
      .set('If-Match', String(measure.body.version + 1))
      .expect(409);
    expect(inUse.body.code).toBe('RESOURCE.IN_USE');
  });
});
