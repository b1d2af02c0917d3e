import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const isProblem = (response: { headers: Record<string, string>; body: { type?: unknown } }) => {
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(typeof response.body.type).toBe('string');
};

const draftAgreement = {
  portfolioCode: 'CFSE',
  year: '2023/24',
  priorities: [
    { number: 1, title: 'Best start in life', outcomes: ['More two-year-olds in early education'] },
  ],
  targets: [
    {
      measureCode: 'CFSE.65',
      unit: 'percent',
      target: 70,
      tolerance: { kind: 'relative', percent: 5 },
      toleranceRationale: 'Five per cent of the target, as in earlier years',
    },
  ],
  revenueBudget: [
    { service: "Children's Social Care", budget: 4_530_000_000 },
    { service: 'Education', budget: 1_250_000_000 },
  ],
  reserves: [
    { name: 'SEND reserve', balance: 79_400_000, plannedUse: null, purpose: 'SEND transport' },
  ],
  savings: [{ reference: 'S1', title: 'Placements review', target: 50_000_000 }],
  capital: [{ scheme: 'School places', budget: 250_000_000, fundingSource: 'Basic need grant' }],
};

describeEachDatabase('portfolios, officer contacts, measures, agreements and reports', (kind) => {
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

  describe('measures', () => {
    it('lists a portfolio’s measures, paginated, and filters by priority', async () => {
      const page = await t
        .http()
        .get('/api/v1/measures?portfolio=CFSE&limit=5&offset=5')
        .expect(200);
      expect(page.body).toMatchObject({ total: 17, limit: 5, offset: 5 });
      expect(page.body.items).toHaveLength(5);
      const byPriority = await t
        .http()
        .get('/api/v1/measures?portfolio=CFSE&priority=1')
        .expect(200);
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
      await t
        .http()
        .post('/api/v1/measures')
        .set(bearer(t.tokens.member))
        .send(measure)
        .expect(403);
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
        .send({ ...measure, code: 'cfse 70', unit: 'furlongs' })
        .expect(400);
      isProblem(bad);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        '$.code',
        '$.unit',
      ]);
      expect(bad.body.errors.find((e: { path: string }) => e.path === '$.code').message).toMatch(
        /CFSE\.28/,
      );
      await t
        .http()
        .post('/api/v1/measures')
        .set(bearer(t.tokens.officer))
        .send(measure)
        .expect(201);
      await t
        .http()
        .post('/api/v1/measures')
        .set(bearer(t.tokens.officer))
        .send(measure)
        .expect(409);
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

  describe('agreements', () => {
    it('reads the approved CFSE 2021/22 agreement with its cash limit and the £794,000 SEND reserve', async () => {
      const list = await t.http().get('/api/v1/agreements?portfolio=CFSE&year=2021/22').expect(200);
      expect(list.body.total).toBe(1);
      const { id } = list.body.items[0];
      const agreement = await t.http().get(`/api/v1/agreements/${id}`).expect(200);
      expect(agreement.body.status).toBe('approved');
      const sum = agreement.body.revenueBudget.reduce(
        (total: number, line: { budget: number }) => total + line.budget,
        0,
      );
      expect(agreement.body.cashLimit).toBe(sum);
      expect(
        agreement.body.reserves.some((r: { balance: number }) => r.balance === 79_400_000),
      ).toBe(true);
      expect(
        agreement.body.targets.find((t: { measureCode: string }) => t.measureCode === 'CFSE11'),
      ).toMatchObject({
        target: 78.8,
        tolerance: { kind: 'absolute', amount: 2 },
      });
    });

    it('refuses to change an approved agreement: 409 with the reason, and nothing changes', async () => {
      const list = await t.http().get('/api/v1/agreements?portfolio=CFSE&year=2021/22').expect(200);
      const { id, version } = list.body.items[0];
      const { portfolioCode: _p, year: _y, ...content } = draftAgreement;
      const refused = await t
        .http()
        .put(`/api/v1/agreements/${id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', String(version))
        .send(content)
        .expect(409);
      isProblem(refused);
      expect(refused.body.code).toBe('AGREEMENT.APPROVED');
      expect(refused.body.detail).toMatch(/approved/);
      await t
        .http()
        .delete(`/api/v1/agreements/${id}`)
        .set(bearer(t.tokens.admin))
        .set('If-Match', String(version))
        .expect(409);
      const again = await t.http().get(`/api/v1/agreements/${id}`).expect(200);
      expect(again.body.version).toBe(version);
    });

    it('drafts, considers and approves an agreement through the lifecycle, then freezes it', async () => {
      const bad = await t
        .http()
        .post('/api/v1/agreements')
        .set(bearer(t.tokens.officer))
        .send({
          ...draftAgreement,
          targets: [
            { ...draftAgreement.targets[0], measureCode: 'CYP.1' },
            { ...draftAgreement.targets[0], unit: 'count' },
          ],
          revenueBudget: [{ service: 'Half a penny', budget: 10.5 }],
        })
        .expect(400);
      const paths = bad.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toContain('$.revenueBudget[0].budget');
      await t
        .http()
        .post('/api/v1/agreements')
        .set(bearer(t.tokens.officer))
        .send({ ...draftAgreement, portfolioCode: 'CYP' })
        .expect(403);
      const wrongTargets = await t
        .http()
        .post('/api/v1/agreements')
        .set(bearer(t.tokens.officer))
        .send({
          ...draftAgreement,
          targets: [
            { ...draftAgreement.targets[0], measureCode: 'CYP.1' },
            { ...draftAgreement.targets[0], unit: 'count' },
          ],
        })
        .expect(400);
      expect(wrongTargets.body.errors.map((e: { path: string }) => e.path)).toEqual([
        '$.targets[0].measureCode',
        '$.targets[1].unit',
      ]);

      const created = await t
        .http()
        .post('/api/v1/agreements')
        .set(bearer(t.tokens.officer))
        .send(draftAgreement)
        .expect(201);
      expect(created.body).toMatchObject({ status: 'draft', cashLimit: 5_780_000_000, version: 1 });
      await t
        .http()
        .post('/api/v1/agreements')
        .set(bearer(t.tokens.officer))
        .send(draftAgreement)
        .expect(409);
      const id = created.body.id as number;

      const skip = await t
        .http()
        .post(`/api/v1/agreements/${id}/transitions`)
        .set(bearer(t.tokens.clerk))
        .set('If-Match', '1')
        .send({ to: 'approved', date: '2023-06-29', body: 'Cabinet' })
        .expect(409);
      expect(skip.body.code).toBe('LIFECYCLE.INVALID_TRANSITION');
      await t
        .http()
        .post(`/api/v1/agreements/${id}/transitions`)
        .set(bearer(t.tokens.member))
        .set('If-Match', '1')
        .send({ to: 'considered', date: '2023-06-16', committeeId: 'stockport-cfsc' })
        .expect(403);
      const considered = await t
        .http()
        .post(`/api/v1/agreements/${id}/transitions`)
        .set(bearer(t.tokens.clerk))
        .set('If-Match', '1')
        .send({ to: 'considered', date: '2023-06-16', committeeId: 'stockport-cfsc' })
        .expect(200);
      expect(considered.body).toMatchObject({
        status: 'considered',
        considered: { date: '2023-06-16' },
        version: 2,
      });
      await t
        .http()
        .post(`/api/v1/agreements/${id}/transitions`)
        .set(bearer(t.tokens.clerk))
        .set('If-Match', '1')
        .send({ to: 'approved', date: '2023-06-29', body: 'Cabinet' })
        .expect(412);
      const approved = await t
        .http()
        .post(`/api/v1/agreements/${id}/transitions`)
        .set(bearer(t.tokens.clerk))
        .set('If-Match', '2')
        .send({ to: 'approved', date: '2023-06-29', body: 'Cabinet' })
        .expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approved: { body: 'Cabinet', date: '2023-06-29' },
      });
      const { portfolioCode: _p, year: _y, ...content } = draftAgreement;
      const frozen = await t
        .http()
        .put(`/api/v1/agreements/${id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', '3')
        .send(content)
        .expect(409);
      expect(frozen.body.code).toBe('AGREEMENT.APPROVED');
    });

    it('filters agreements by status and paginates', async () => {
      const drafts = await t.http().get('/api/v1/agreements?status=approved&limit=2').expect(200);
      expect(drafts.body.items.length).toBeLessThanOrEqual(2);
      for (const a of drafts.body.items) expect(a.status).toBe('approved');
      await t.http().get('/api/v1/agreements?status=signed').expect(400);
      await t.http().get('/api/v1/agreements/424242').expect(404);
    });
  });

  describe('performance reports', () => {
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
      for (const line of report.body.partTwo.revenue) {
        if (line.forecast !== null) expect(line.variance).toBe(line.forecast - line.amount);
        else expect(line.variance).toBeNull();
      }
      const partTwo = await t
        .http()
        .get('/api/v1/performance-reports/stockport-cfse-2021-22-mid-year/part-two')
        .expect(200);
      expect(partTwo.body).toEqual(report.body.partTwo);
      await t.http().get('/api/v1/performance-reports/no-such-report').expect(404);
    });

    it('writes a report for the officer’s portfolio, replaces Part Two with If-Match, and checks the period', async () => {
      const report = {
        portfolioCode: 'CFSE',
        year: '2022/23',
        kind: 'first-update',
        period: '2022/23-Q1',
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
              forecast: null,
              forecastUnknownReason: 'Not yet forecast',
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
      const wrongPeriod = await t
        .http()
        .post('/api/v1/performance-reports')
        .set(bearer(t.tokens.officer))
        .send({ ...report, period: '2021/22-Q1' })
        .expect(400);
      expect(wrongPeriod.body.errors[0].path).toBe('$.period');
      const created = await t
        .http()
        .post('/api/v1/performance-reports')
        .set(bearer(t.tokens.officer))
        .send(report)
        .expect(201);
      expect(created.body.partTwo.revenue[0]).toMatchObject({
        amount: 100_000_000,
        forecast: 101_240_000,
        variance: 1_240_000,
      });
      expect(created.body.partTwo.savings[0]).toMatchObject({
        forecast: null,
        forecastUnknownReason: 'Not yet forecast',
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
});
