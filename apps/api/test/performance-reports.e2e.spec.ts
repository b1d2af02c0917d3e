// Portfolio Performance and Resource Reports (PPRRs): reading with Part Two variances, writing,
// replacing Part Two with the version.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('performance reports', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { officerPortfolios: ['CFSE'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists PPRRs and reads one with Part Two variances computed from forecast and budget', async () => {
    const list = await t.http().get('/api/v1/performance-reports?portfolio=CFSE').expect(200);
    expect(list.body.total).toBe(2);
    const report = await t
      .http()
      .get('/api/v1/performance-reports/stockport-cfse-2021-22-mid-year')
      .expect(200);
    expect(report.body).toMatchObject({
      portfolioCode: 'CFSE',
      kind: 'mid-year',
      year: '2021/22',
    });
    expect(report.body.partTwo.revenue.length).toBeGreaterThan(0);
    expect(report.body).toMatchObject({
      period: { kind: 'mid-year', year: '2021/22' },
      periodCode: '2021/22-H1',
      periodLabel: 'Mid-year 2021/22',
    });
    for (const line of report.body.partTwo.revenue) {
      if (typeof line.forecast === 'number')
        expect(line.variance).toBe(line.forecast - line.budget);
      else expect(line.variance).toBeNull();
    }
    const partTwo = await t
      .http()
      .get('/api/v1/performance-reports/stockport-cfse-2021-22-mid-year/part-two')
      .expect(200);
    expect(partTwo.body).toEqual(report.body.partTwo);
    await t.http().get('/api/v1/performance-reports/no-such-report').expect(404);
  });

  it('takes a report back as it was read: a GET body PUT back changes nothing', async () => {
    const url = '/api/v1/performance-reports/stockport-cfse-2021-22-mid-year';
    const read = await t.http().get(url).expect(200);
    const same = await t
      .http()
      .put(url)
      .set(bearer(t.tokens.officer))
      .set('If-Match', String(read.body.version))
      .send(read.body)
      .expect(200);
    expect(same.body.version).toBe(read.body.version);
    const partTwo = await t
      .http()
      .put(`${url}/part-two`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', String(read.body.version))
      .send(read.body.partTwo)
      .expect(200);
    expect(partTwo.body).toEqual(read.body.partTwo);
    const moved = await t
      .http()
      .put(url)
      .set(bearer(t.tokens.officer))
      .set('If-Match', String(read.body.version))
      .send({ ...read.body, kind: 'annual' })
      .expect(400);
    expect(moved.body.errors.map((e: { path: string }) => e.path)).toEqual(['$.kind']);
  });

  it('writes a report for the officer’s portfolio, replaces Part Two with If-Match, and checks the period', async () => {
    const report = {
      portfolioCode: 'CFSE',
      year: '2022/23',
      kind: 'first-update',
      period: { kind: 'quarter', year: '2022/23', quarter: 1 },
      reportTo: 'Children & Families Scrutiny Committee',
      date: '2022-09-12',
      reportOf: ["Director of Children's Services"],
      title: 'First Update 2022/23',
      sections: [{ heading: 'Introduction', paragraphs: ['This is the first update.'] }],
      recommendations: {
        lead: 'The Committee is asked to:',
        style: 'lettered',
        items: ['note the report'],
      },
      partOne: [
        {
          priorityNumber: 1,
          title: 'Best start',
          highlights: ['Take-up rose'],
          exceptions: [],
          measureCodes: ['CFSE.3'],
        },
      ],
      partTwo: {
        revenue: [{ service: 'Education', budget: 100_000_000, forecast: 101_240_000 }],
        reserves: [],
        savings: [
          {
            title: 'Placements review',
            target: 5_000_000,
            forecast: { kind: 'unknown', reason: 'Not yet forecast' },
            commentary: null,
          },
        ],
        capital: [],
        commentary: ['A small overspend is forecast.'],
      },
      furtherInformation: [],
      contacts: [{ name: 'Jane Smith', role: 'Performance Lead', email: null, phone: null }],
    };
    await t
      .http()
      .post('/api/v1/performance-reports')
      .set(bearer(t.tokens.officer))
      .send({ ...report, portfolioCode: 'LS' })
      .expect(403);
    const bad = await t
      .http()
      .post('/api/v1/performance-reports')
      .set(bearer(t.tokens.officer))
      .send({ ...report, kind: 'weekly', partOne: [{ ...report.partOne[0], priorityNumber: 100 }] })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '$.kind',
      '$.partOne[0].priorityNumber',
    ]);
    const wrongPeriod = await t
      .http()
      .post('/api/v1/performance-reports')
      .set(bearer(t.tokens.officer))
      .send({ ...report, period: { kind: 'quarter', year: '2021/22', quarter: 1 } })
      .expect(400);
    expect(wrongPeriod.body.errors[0].path).toBe('$.period');
    const created = await t
      .http()
      .post('/api/v1/performance-reports')
      .set(bearer(t.tokens.officer))
      .send(report)
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'cfse-2022-23-first-update',
      periodCode: '2022/23-Q1',
    });
    expect(created.body.partTwo.revenue[0]).toMatchObject({
      budget: 100_000_000,
      forecast: 101_240_000,
      variance: 1_240_000,
    });
    expect(created.body.partTwo.savings[0]).toMatchObject({
      forecast: { kind: 'unknown', reason: 'Not yet forecast' },
      variance: null,
    });
    const id = created.body.id as string;
    const partTwo = {
      ...report.partTwo,
      revenue: [{ service: 'Education', budget: 100_000_000, forecast: 99_000_000 }],
    };
    await t
      .http()
      .put(`/api/v1/performance-reports/${id}/part-two`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '2')
      .send(partTwo)
      .expect(412);
    const replaced = await t
      .http()
      .put(`/api/v1/performance-reports/${id}/part-two`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '1')
      .send(partTwo)
      .expect(200);
    expect(replaced.body.revenue[0].variance).toBe(-1_000_000);
    const reread = await t.http().get(`/api/v1/performance-reports/${id}`).expect(200);
    expect(reread.body.version).toBe(2);
    await t
      .http()
      .delete(`/api/v1/performance-reports/${id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '2')
      .expect(204);
  });
});
