// Portfolio Agreements: reading the approved one, the draft → considered → approved lifecycle,
// and the freeze once approved.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { isProblem } from './support/problem.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

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

describeEachDatabase('agreements', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { officerPortfolios: ['CFSE'] });
  });
  afterAll(async () => {
    await t?.close();
  });

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
    expect(agreement.body.reserves.some((r: { balance: number }) => r.balance === 79_400_000)).toBe(
      true,
    );
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
    // The agreement as read, sent back: its server fields are accepted and ignored.
    const current = await t.http().get(`/api/v1/agreements/${id}`).expect(200);
    const refused = await t
      .http()
      .put(`/api/v1/agreements/${id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', String(version))
      .send({ ...current.body, priorities: [] })
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

    // A draft read and sent back as it is changes nothing; with a target set to unknown it changes.
    const read = await t.http().get(`/api/v1/agreements/${id}`).expect(200);
    const same = await t
      .http()
      .put(`/api/v1/agreements/${id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '1')
      .send(read.body)
      .expect(200);
    expect(same.body.version).toBe(1);
    const moved = await t
      .http()
      .put(`/api/v1/agreements/${id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '1')
      .send({ ...read.body, year: '2024/25' })
      .expect(400);
    expect(moved.body.errors.map((e: { path: string }) => e.path)).toEqual(['$.year']);
    const unknownTarget = {
      ...read.body.targets[0],
      target: { kind: 'unknown', reason: 'New measure: baseline year' },
    };
    const changed = await t
      .http()
      .put(`/api/v1/agreements/${id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '1')
      .send({ ...read.body, targets: [unknownTarget] })
      .expect(200);
    expect(changed.body).toMatchObject({ version: 2, targets: [{ target: unknownTarget.target }] });
    await t
      .http()
      .put(`/api/v1/agreements/${id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '2')
      .send(read.body)
      .expect(200);

    const skip = await t
      .http()
      .post(`/api/v1/agreements/${id}/transitions`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '3')
      .send({ to: 'approved', date: '2023-06-29', body: 'Cabinet' })
      .expect(409);
    expect(skip.body.code).toBe('LIFECYCLE.INVALID_TRANSITION');
    await t
      .http()
      .post(`/api/v1/agreements/${id}/transitions`)
      .set(bearer(t.tokens.member))
      .set('If-Match', '3')
      .send({ to: 'considered', date: '2023-06-16', committeeId: 'stockport-cfsc' })
      .expect(403);
    const considered = await t
      .http()
      .post(`/api/v1/agreements/${id}/transitions`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '3')
      .send({ to: 'considered', date: '2023-06-16', committeeId: 'stockport-cfsc' })
      .expect(200);
    expect(considered.body).toMatchObject({
      status: 'considered',
      considered: { date: '2023-06-16' },
      version: 4,
    });
    await t
      .http()
      .post(`/api/v1/agreements/${id}/transitions`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '3')
      .send({ to: 'approved', date: '2023-06-29', body: 'Cabinet' })
      .expect(412);
    const incomplete = await t
      .http()
      .post(`/api/v1/agreements/${id}/transitions`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '4')
      .send({ to: 'approved', date: '2023-06-29' })
      .expect(400);
    expect(incomplete.body.errors[0].path).toBe('$.body');
    const approved = await t
      .http()
      .post(`/api/v1/agreements/${id}/transitions`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', '4')
      .send({ to: 'approved', date: '2023-06-29', body: 'Cabinet' })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approved: { body: 'Cabinet', date: '2023-06-29' },
    });
    const frozen = await t
      .http()
      .put(`/api/v1/agreements/${id}`)
      .set(bearer(t.tokens.officer))
      .set('If-Match', '5')
      .send(approved.body)
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
