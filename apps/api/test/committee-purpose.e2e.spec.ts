import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { COMMITTEE_PURPOSE_MAX_LENGTH, type CouncilDataset } from '@scrutineer/domain';
import { loadSampleCouncil } from '@scrutineer/sample-council';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

/** A committee's purpose (terms of reference): stored, validated, replaced, exported, imported. */
describeEachDatabase('a committee’s purpose', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const committee = {
    id: 'stockport-audit',
    authorityId: 'stockport',
    name: 'Audit Committee',
    purpose:
      'Considers the Council’s arrangements for internal audit,\nrisk management and the annual accounts.',
    memberships: [],
    clerk: null,
    portfolioCodes: [],
  };

  it('is imported with the sample council and read back as the data file holds it', async () => {
    const sample = loadSampleCouncil();
    for (const source of sample.committees) {
      const read = await t.http().get(`/api/v1/committees/${source.id}`).expect(200);
      expect(source.purpose).toEqual(expect.any(String));
      expect(read.body.purpose).toBe(source.purpose);
    }
  });

  it('is created, read, replaced and cleared; too long is a 400 at $.purpose, nothing written', async () => {
    const clerk = bearer(t.tokens.clerk);
    const created = await t
      .http()
      .post('/api/v1/committees')
      .set(clerk)
      .send(committee)
      .expect(201);
    expect(created.body).toMatchObject({ purpose: committee.purpose, version: 1 });
    const read = await t.http().get('/api/v1/committees/stockport-audit').expect(200);
    expect(read.body.purpose).toBe(committee.purpose);
    const listed = await t.http().get('/api/v1/committees?authorityId=stockport').expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === 'stockport-audit').purpose).toBe(
      committee.purpose,
    );

    // The longest purpose fits the column on both databases.
    const longest = 'Scrutinises. '.repeat(200).slice(0, COMMITTEE_PURPOSE_MAX_LENGTH);
    const replaced = await t
      .http()
      .put('/api/v1/committees/stockport-audit')
      .set(clerk)
      .set('If-Match', '1')
      .send({ ...read.body, purpose: longest })
      .expect(200);
    expect(replaced.body).toMatchObject({ purpose: longest, version: 2 });

    const tooLong = await t
      .http()
      .put('/api/v1/committees/stockport-audit')
      .set(clerk)
      .set('If-Match', '2')
      .send({ ...committee, purpose: `${longest}x` })
      .expect(400);
    expect(tooLong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path)).toEqual(['$.purpose']);
    const newTooLong = await t
      .http()
      .post('/api/v1/committees')
      .set(clerk)
      .send({ ...committee, id: 'stockport-audit-2', purpose: `${longest}x` })
      .expect(400);
    expect(newTooLong.body.errors.map((e: { path: string }) => e.path)).toEqual(['$.purpose']);
    await t.http().get('/api/v1/committees/stockport-audit-2').expect(404);
    const unchanged = await t.http().get('/api/v1/committees/stockport-audit').expect(200);
    expect(unchanged.body).toMatchObject({ purpose: longest, version: 2 });

    // A replace without the field (a client from before it) clears it, as a replace does.
    const { purpose: _dropped, ...withoutPurpose } = committee;
    const cleared = await t
      .http()
      .put('/api/v1/committees/stockport-audit')
      .set(clerk)
      .set('If-Match', '2')
      .send(withoutPurpose)
      .expect(200);
    expect(cleared.body).toMatchObject({ purpose: null, version: 3 });
    expect(
      (await t.http().get('/api/v1/committees/stockport-audit').expect(200)).body.purpose,
    ).toBe(null);
  });

  it('goes out in the meeting data set and comes back in when that data set is imported', async () => {
    const clerk = bearer(t.tokens.clerk);
    const before = await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200);
    const changed = 'Scrutinises the Children, Family Services and Education portfolio (changed).';
    await t
      .http()
      .put(`/api/v1/committees/${SAMPLE.committee}`)
      .set(clerk)
      .set('If-Match', `"${before.body.version}"`)
      .send({ ...before.body, purpose: changed })
      .expect(200);
    const exported = (
      await t.http().get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/dataset`).expect(200)
    ).body as CouncilDataset;
    expect(exported.committees.map((c) => [c.id, c.purpose])).toEqual([
      [SAMPLE.committee, changed],
    ]);

    const sample = loadSampleCouncil();
    const other = await createTestApp(kind, {
      dataset: async () => ({
        ...sample,
        committees: sample.committees.map((c) =>
          c.id === SAMPLE.committee ? exported.committees[0]! : c,
        ),
      }),
    });
    try {
      const imported = await other.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200);
      expect(imported.body.purpose).toBe(changed);
    } finally {
      await other.close();
    }

    // Cleared, it leaves the exported committee as a data file from before the field: no key.
    const current = await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200);
    const cleared = await t
      .http()
      .put(`/api/v1/committees/${SAMPLE.committee}`)
      .set(clerk)
      .set('If-Match', `"${current.body.version}"`)
      .send({ ...current.body, purpose: null })
      .expect(200);
    expect(cleared.body.purpose).toBeNull();
    const without = (
      await t.http().get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/dataset`).expect(200)
    ).body as CouncilDataset;
    expect(without.committees[0]).not.toHaveProperty('purpose');
    // Sending back what was read (null) changes nothing: same version.
    await t
      .http()
      .put(`/api/v1/committees/${SAMPLE.committee}`)
      .set(clerk)
      .set('If-Match', `"${cleared.body.version}"`)
      .send(cleared.body)
      .expect(200)
      .then((again) => expect(again.body.version).toBe(cleared.body.version));
  });
});
