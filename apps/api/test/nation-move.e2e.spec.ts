// A meeting's nation follows its committee's authority. Moving a committee to an authority in the
// other nation, or changing an authority's region, would leave its meetings citing the other
// nation's Schedule 12A paragraphs: refused with 409, naming each meeting, item and the range that
// applies, and nothing is written. (A meeting cannot change committee through the API: PATCH
// /meetings/{id} has no committeeId.)
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { AuditEventEntity } from '../src/audit/audit-event.entity.js';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const WELSH_MEETING = SAMPLE.flintshireJanuary2022;
const ENGLAND = 'does not apply to an authority in England: it cites Part 1, paragraphs 1 to 7';
const WALES = 'does not apply to an authority in Wales: it cites Part 4, paragraphs 12 to 18';

describeEachDatabase('a meeting keeps its nation’s Schedule 12A paragraphs', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const read = async (path: string) =>
    (await t.http().get(path).set(bearer(t.tokens.admin)).expect(200)).body;
  const audits = (entity: string, entityId: string) =>
    t.dataSource.manager.count(AuditEventEntity, { where: { entity, entityId } });

  it('refuses to change Flintshire’s region to England while its meeting cites Part 4 (409, each conflict named)', async () => {
    const before = await read('/api/v1/authorities/flintshire');
    const auditsBefore = await audits('authority', 'flintshire');
    const response = await t
      .http()
      .put('/api/v1/authorities/flintshire')
      .set(bearer(t.tokens.admin))
      .set('If-Match', `"${before.version}"`)
      .send({ ...before, region: 'england' })
      .expect(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('RESOURCE.IN_USE');
    expect(response.body.detail).toBe(
      `Meeting ${WELSH_MEETING}, item 5: Schedule 12A paragraph 14 ${ENGLAND} (and 3 more). Change those paragraphs first; nothing was changed.`,
    );
    expect(
      response.body.data.conflicts.map((c: { where: string; paragraph: number }) => [
        c.where,
        c.paragraph,
      ]),
    ).toEqual([
      ['item 5', 14],
      ['item 5, document 1 (Award of the Corporate Insurance Contract 2022–2027)', 14],
      ['item 5, document 2 (Confidential Appendix – Insurers’ Premiums)', 14],
      ['minute 42', 14],
    ]);
    for (const problem of response.body.errors) {
      expect(problem.path).toBe('$.region');
      expect(problem.message).toContain(`Meeting ${WELSH_MEETING}, `);
      expect(problem.message).toContain(ENGLAND);
    }
    expect(await read('/api/v1/authorities/flintshire')).toEqual(before);
    expect(await audits('authority', 'flintshire')).toEqual(auditsBefore);
  });

  it('refuses to move the Welsh committee to Stockport, and the English one to Flintshire, writing nothing', async () => {
    const welsh = await read('/api/v1/committees/flintshire-cros');
    const moveWelsh = await t
      .http()
      .put('/api/v1/committees/flintshire-cros')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${welsh.version}"`)
      .send({ ...welsh, authorityId: 'stockport' })
      .expect(409);
    expect(moveWelsh.body.detail).toContain(
      `Meeting ${WELSH_MEETING}, item 5: Schedule 12A paragraph 14 ${ENGLAND}`,
    );
    expect(moveWelsh.body.errors[0].path).toBe('$.authorityId');
    expect(await read('/api/v1/committees/flintshire-cros')).toEqual(welsh);

    const english = await read(`/api/v1/committees/${SAMPLE.committee}`);
    const moveEnglish = await t
      .http()
      .put(`/api/v1/committees/${SAMPLE.committee}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${english.version}"`)
      .send({ ...english, authorityId: 'flintshire' })
      .expect(409);
    expect(moveEnglish.body.detail).toContain(`Schedule 12A paragraph 3 ${WALES} (and 4 more)`);
    // Both English meetings with exempt content are named: an appendix in November, an item in March.
    const meetings = moveEnglish.body.data.conflicts.map((c: { meetingId: string }) => c.meetingId);
    expect([...new Set(meetings)]).toEqual([
      SAMPLE.stockportNovember2021,
      SAMPLE.stockportMarch2022,
    ]);
    expect(moveEnglish.body.errors).toHaveLength(5);
    expect(await read(`/api/v1/committees/${SAMPLE.committee}`)).toEqual(english);
    expect(await audits('committee', 'flintshire-cros')).toBe(0);
    const meeting = await read(`/api/v1/meetings/${SAMPLE.stockportMarch2022}`);
    expect(meeting.committeeId).toBe(SAMPLE.committee);
  });

  it('documents the 409 on both PUTs in the OpenAPI document', async () => {
    const { paths } = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/v1/authorities/{id}', '/api/v1/committees/{id}'])
      expect(Object.keys(paths[path].put.responses)).toContain('409');
  });

  it('lets an authority whose meetings cite no exempt paragraph change its region', async () => {
    const before = await read('/api/v1/authorities/west-sussex');
    const changed = await t
      .http()
      .put('/api/v1/authorities/west-sussex')
      .set(bearer(t.tokens.admin))
      .set('If-Match', `"${before.version}"`)
      .send({ ...before, region: 'wales' })
      .expect(200);
    expect(changed.body.region).toBe('wales');
  });
});
