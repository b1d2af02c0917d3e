// Committee membership over time (issue 9): periods by role with vacancies, the membership on a
// day, refused periods as 400 problems naming the field, and a past meeting's pack printing the
// Chair of its own day.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from './support/documents.js';
import { collapse, fetchPdf, parsePdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

type Seat = {
  id: string;
  member: { name: string; memberId: string | null } | null;
  role: string;
  from: string | null;
  to: string | null;
};

const roles = (seats: readonly Seat[]) =>
  seats.map((seat) => `${seat.member?.name.replace('Councillor ', '') ?? 'vacancy'}:${seat.role}`);

describeEachDatabase('committee membership over time', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const membersOn = async (on: string): Promise<Seat[]> =>
    (await t.http().get(`/api/v1/committees/${SAMPLE.committee}/members?on=${on}`).expect(200)).body
      .items;

  it('serves every period, and with `on` the membership of that day, Chair first', async () => {
    const all = await t
      .http()
      .get(`/api/v1/committees/${SAMPLE.committee}/members?limit=100`)
      .expect(200);
    expect(all.body.items).toContainEqual(
      expect.objectContaining({
        member: expect.objectContaining({ name: 'Councillor Helen Ashworth' }),
        role: 'chair',
        from: '2021-05-01',
        to: '2022-04-30',
      }),
    );
    expect(all.body.items).toContainEqual(
      expect.objectContaining({ member: null, role: 'member', from: '2022-05-01', to: null }),
    );
    // Both ends are included: 30 April 2022 is the old Chair's last day, 1 May the new one's first.
    expect(roles(await membersOn('2022-04-30')).slice(0, 2)).toEqual([
      'Helen Ashworth:chair',
      'Mark Bramhall:vice-chair',
    ]);
    const current = await membersOn('2026-12-02');
    expect(roles(current).slice(0, 3)).toEqual([
      'Mark Bramhall:chair',
      'Priya Shah:vice-chair',
      'Helen Ashworth:member',
    ]);
    expect(roles(current)).toContain('vacancy:member');
    expect(roles(current)).not.toContain('Rachel Openshaw:member');
    const page = await t
      .http()
      .get(`/api/v1/committees/${SAMPLE.committee}/members?on=2022-04-30&limit=2&offset=1`)
      .expect(200);
    expect(page.body).toMatchObject({ total: 12, limit: 2, offset: 1 });
    expect(roles(page.body.items)).toEqual(['Mark Bramhall:vice-chair', 'Priya Shah:member']);
    const bad = await t
      .http()
      .get(`/api/v1/committees/${SAMPLE.committee}/members?on=30/04/2022`)
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('query:on');
  });

  it('refuses a period that ends before it starts or overlaps the member’s own, naming the field', async () => {
    const clerk = bearer(t.tokens.clerk);
    const committee = (await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200))
      .body;
    const put = (memberships: unknown[]) =>
      t
        .http()
        .put(`/api/v1/committees/${SAMPLE.committee}`)
        .set(clerk)
        .set('If-Match', String(committee.version))
        .send({ ...committee, memberships });
    const [first, ...rest] = committee.memberships as Seat[];
    const backwards = await put([
      { ...first, from: '2022-05-01', to: '2022-04-30' },
      ...rest,
    ]).expect(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ path: '$.memberships[0].to', code: 'VALIDATION.OUT_OF_ORDER' }),
    ]);
    const twice = await put([
      ...committee.memberships,
      { member: first?.member, role: 'member', from: '2021-09-01', to: '2021-12-31' },
    ]).expect(400);
    expect(twice.body.errors).toEqual([
      expect.objectContaining({
        path: `$.memberships[${committee.memberships.length}].from`,
        code: 'VALIDATION.DUPLICATE',
      }),
    ]);
    const added = await t
      .http()
      .post(`/api/v1/committees/${SAMPLE.committee}/members`)
      .set(clerk)
      .set('If-Match', String(committee.version))
      .send({ member: first?.member, role: 'substitute', from: '2022-04-01', to: null })
      .expect(400);
    expect(added.body.errors).toEqual([expect.objectContaining({ path: '$.from' })]);
    // Nothing changed: the version still matches.
    const after = await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200);
    expect(after.body.version).toBe(committee.version);
  });

  it('adds a vacancy and a later period, and replaces the committee with its periods as read', async () => {
    const clerk = bearer(t.tokens.clerk);
    const committee = (await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200))
      .body;
    const vacancy = await t
      .http()
      .post(`/api/v1/committees/${SAMPLE.committee}/members`)
      .set(clerk)
      .set('If-Match', String(committee.version))
      .send({ member: null, role: 'member', from: '2021-06-01', to: '2021-06-30' })
      .expect(201);
    expect(roles(await membersOn('2021-06-16'))).toContain('vacancy:member');
    expect(roles(await membersOn('2021-07-01'))).not.toContain('vacancy:member');
    const replaced = await t
      .http()
      .put(`/api/v1/committees/${SAMPLE.committee}`)
      .set(clerk)
      .set('If-Match', String(vacancy.body.version))
      .send(vacancy.body)
      .expect(200);
    expect(replaced.body.version).toBe(vacancy.body.version);
    expect(replaced.body.memberships.map(({ id: _id, ...m }: Seat) => m)).toEqual(
      vacancy.body.memberships.map(({ id: _id, ...m }: Seat) => m),
    );
  });

  it('prints the Chair of the meeting’s day on a past meeting’s front sheet, not today’s', async () => {
    const response = await fetchPdf(
      t,
      `/api/v1/meetings/${SAMPLE.stockportNovember2021}/agenda-pack.pdf`,
    ).expect(200);
    const front = collapse((await parsePdf(response.body as Buffer)).pages[0] ?? '');
    expect(front).toContain('Helen Ashworth (Chair)');
    expect(front).toContain('Mark Bramhall (Vice-Chair)');
    expect(front).not.toContain('Mark Bramhall (Chair)');
  }, 60_000);
});
