// What GET answers for an agenda item can be sent back as a PUT: the server's fields (id,
// version, timestamps, isWithheld) are accepted and ignored, and a PUT that changes nothing
// keeps the version.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createMeeting, reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('agenda item round trip', (kind) => {
  let t: TestApp;
  const clerk = (): Record<string, string> => bearer(t.tokens.clerk);
  beforeAll(async () => {
    t = await createTestApp(kind);
    await createMeeting(t, { id: 'cfsc-2030-07-01', date: '2030-07-01' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const createItem = async (number: string): Promise<{ id: string }> => {
    const base = reportItem({ number, order: Number(number) });
    const created = await t
      .http()
      .post('/api/v1/meetings/cfsc-2030-07-01/agenda-items')
      .set(clerk())
      .send({
        ...base,
        documents: [
          ...base.documents,
          {
            title: 'Appendix 1: Prices',
            role: 'appendix',
            exemption: { paragraph: 3 },
            content: { kind: 'table', caption: 'Prices', header: ['Bidder'], rows: [['A']] },
          },
        ],
      })
      .expect(201);
    return created.body as { id: string };
  };

  it('accepts a GET body back as a PUT: 200, nothing changed, the version kept', async () => {
    const { id } = await createItem('1');
    const read = await t.http().get(`/api/v1/agenda-items/${id}`).set(clerk()).expect(200);
    expect(read.body.documents[1]).toMatchObject({
      isWithheld: false,
      exemption: { paragraph: 3 },
    });
    const put = await t
      .http()
      .put(`/api/v1/agenda-items/${id}`)
      .set(clerk())
      .set('If-Match', `"${read.body.version}"`)
      .send(read.body)
      .expect(200);
    expect(put.body).toEqual(read.body);
    const again = await t.http().get(`/api/v1/agenda-items/${id}`).set(clerk()).expect(200);
    expect(again.body.version).toBe(read.body.version);
    expect(again.body.updatedAt).toBe(read.body.updatedAt);

    const changed = await t
      .http()
      .put(`/api/v1/agenda-items/${id}`)
      .set(clerk())
      .set('If-Match', `"${read.body.version}"`)
      .send({ ...read.body, title: 'School Place Planning 2030' })
      .expect(200);
    expect(changed.body).toMatchObject({
      title: 'School Place Planning 2030',
      version: read.body.version + 1,
    });
    expect(changed.body.updatedAt >= read.body.updatedAt).toBe(true);
  });

  it('refuses a document whose content is null (withheld) with its path, changing nothing', async () => {
    const { id } = await createItem('2');
    const read = await t.http().get(`/api/v1/agenda-items/${id}`).set(clerk()).expect(200);
    const withheld = {
      ...read.body,
      documents: read.body.documents.map((d: Record<string, unknown>, i: number) =>
        i === 1 ? { ...d, content: null, isWithheld: true } : d,
      ),
    };
    const response = await t
      .http()
      .put(`/api/v1/agenda-items/${id}`)
      .set(clerk())
      .set('If-Match', `"${read.body.version}"`)
      .send(withheld)
      .expect(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: '$.documents[1].content' }),
    ]);
    const after = await t.http().get(`/api/v1/agenda-items/${id}`).set(clerk()).expect(200);
    expect(after.body).toEqual(read.body);
  });

  it('answers the nested agenda as a page and filters it by updatedSince', async () => {
    const url = '/api/v1/meetings/cfsc-2030-07-01/agenda-items';
    const all = await t.http().get(url).set(clerk()).expect(200);
    expect(all.body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    const future = await t
      .http()
      .get(`${url}?updatedSince=2999-01-01T00:00:00Z`)
      .set(clerk())
      .expect(200);
    expect(future.body).toMatchObject({ items: [], total: 0 });
    const since = await t
      .http()
      .get(`/api/v1/meetings?updatedSince=2999-01-01T00:00:00%2B01:00`)
      .set(clerk())
      .expect(200);
    expect(since.body.total).toBe(0);
    const bad = await t
      .http()
      .get(`${url}?updatedSince=yesterday&limit=abc`)
      .set(clerk())
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query:limit',
      'query:updatedSince',
    ]);
  });
});
