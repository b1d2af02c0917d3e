import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { AgendaItemEntity } from '../src/agenda-items/agenda-item.entity.js';
import { reindexMeeting } from '../src/search/search-index.js';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { createMeeting, publishAgenda, reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

/** Words no sample paper holds, planted where each audience should (or should not) find them. */
const PUBLIC_WORD = 'quokkaplanted';
const SECRET_WORD = 'zxsecretmarker';
const MEETING = 'search-meeting';

type Hit = {
  meetingId: string;
  kind: string;
  number: string | null;
  title: string;
  exempt: boolean;
  snippet: { text: string; match: boolean }[];
};
type SearchPage = { items: Hit[]; total: number; limit: number; offset: number };

type Doc = {
  agendaItems: {
    number: string;
    exemption: unknown;
    summary: string | null;
    documents: { title: string; role: string; exemption: unknown; content: unknown }[];
  }[];
  minutes: null | { minutes: { exemption: unknown; blocks: unknown[] }[] };
};

describeEachDatabase('GET /api/v1/search', (kind) => {
  let t: TestApp;
  const search = async (query: string, token?: string): Promise<SearchPage> => {
    const call = t.http().get(`/api/v1/search?${query}`);
    const response = await (token === undefined ? call : call.set(bearer(token))).expect(200);
    return response.body as SearchPage;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const document = withMeetingId(
      await exportMeeting(t, SAMPLE.stockportMarch2022),
      MEETING,
    ) as unknown as Doc;
    const open = document.agendaItems.find((i) => i.exemption === null && i.documents.length > 0);
    const exempt = document.agendaItems.find((i) => i.exemption !== null);
    const exemptMinute = document.minutes?.minutes.find((m) => m.exemption !== null);
    if (!open || !exempt || !exemptMinute) throw new Error('the sample meeting has changed');
    open.summary = `To consider the ${PUBLIC_WORD}s reviewed by officers.`;
    open.documents.push({
      title: 'Appendix Q – bids',
      role: 'appendix',
      exemption: { paragraph: 3 },
      content: {
        kind: 'sections',
        sections: [{ heading: 'Bids', paragraphs: [`The ${SECRET_WORD} bid was lowest.`] }],
      },
    });
    exempt.summary = `To consider ${SECRET_WORD} in private.`;
    exemptMinute.blocks = [
      { kind: 'paragraph', ref: null, text: `${SECRET_WORD} was discussed.`, comments: [] },
    ];
    await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(document)
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the seeded sample council’s papers, best first, with the match highlighted', async () => {
    const page = await search('q=school');
    expect(page.total).toBeGreaterThan(0);
    const hit = page.items[0] as Hit;
    expect(hit.snippet.some((s) => s.match && /school/i.test(s.text))).toBe(true);
    expect(hit.exempt).toBe(false);
  });

  it('stems English words: the plural planted is found by the singular', async () => {
    const page = await search(`q=${PUBLIC_WORD}`);
    expect(page.items.map((h) => [h.meetingId, h.kind])).toEqual([[MEETING, 'agenda-item']]);
    const marked = (page.items[0] as Hit).snippet.filter((s) => s.match).map((s) => s.text);
    expect(marked.join(' ').toLowerCase()).toContain(PUBLIC_WORD);
  });

  it('never finds exempt content for the public or an officer, and finds it for a clerk and a member', async () => {
    expect((await search(`q=${SECRET_WORD}`)).total).toBe(0);
    expect((await search(`q=${SECRET_WORD}`, t.tokens.officer)).total).toBe(0);
    for (const token of [t.tokens.clerk, t.tokens.member]) {
      const page = await search(`q=${SECRET_WORD}`, token);
      expect(page.total).toBe(3); // the exempt item, the open item's exempt appendix, the exempt minute
      expect(page.items.every((hit) => hit.exempt && hit.meetingId === MEETING)).toBe(true);
      expect(new Set(page.items.map((h) => h.kind))).toEqual(new Set(['agenda-item', 'minutes']));
    }
    // A clerk sees the public word once, in the exempt version of that item (not twice).
    const clerk = await search(`q=${PUBLIC_WORD}`, t.tokens.clerk);
    expect(clerk.total).toBe(1);
  });

  it('filters by committee, dates and kind, and pages', async () => {
    expect((await search(`q=${PUBLIC_WORD}&committee=west-sussex-cypssc`)).total).toBe(0);
    expect((await search(`q=${PUBLIC_WORD}&committee=${SAMPLE.committee}`)).total).toBe(1);
    expect((await search(`q=${PUBLIC_WORD}&from=2022-03-10`)).total).toBe(0);
    expect((await search(`q=${PUBLIC_WORD}&from=2022-03-09&to=2022-03-09`)).total).toBe(1);
    expect((await search(`q=${PUBLIC_WORD}&kind=minutes`)).total).toBe(0);
    const all = await search('q=school&limit=100');
    const second = await search('q=school&limit=2&offset=2');
    expect(second.items.map((h) => h.title)).toEqual(all.items.slice(2, 4).map((h) => h.title));
    expect(second.total).toBe(all.total);
    // Past the end: no hits, the same total.
    const past = await search(`q=school&offset=${all.total + 5}`);
    expect([past.items.length, past.total]).toEqual([0, all.total]);
  });

  it('stays current in the transaction of every write: item created, changed, deleted; minute; meeting deleted', async () => {
    const clerk = bearer(t.tokens.clerk);
    const meeting = await createMeeting(t, { id: 'search-unpublished', date: '2030-01-15' });
    const created = await t
      .http()
      .post(`/api/v1/meetings/${meeting.id}/agenda-items`)
      .set(clerk)
      .send(reportItem({ title: 'Wombatfirst review' }))
      .expect(201);
    // Unpublished: an officer (with a token) finds it, the public does not.
    expect((await search('q=wombatfirst')).total).toBe(0);
    expect((await search('q=wombatfirst', t.tokens.officer)).total).toBe(1);
    await t
      .http()
      .put(`/api/v1/agenda-items/${created.body.id}`)
      .set(clerk)
      .set('If-Match', String(created.body.version))
      .send(reportItem({ title: 'Wombatsecond review' }))
      .expect(200);
    expect((await search('q=wombatfirst', t.tokens.clerk)).total).toBe(0);
    expect((await search('q=wombatsecond', t.tokens.clerk)).total).toBe(1);
    // A write that fails leaves the index as it was.
    await t
      .http()
      .put(`/api/v1/agenda-items/${created.body.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .send(reportItem({ title: 'Wombatthird review' }))
      .expect(412);
    expect((await search('q=wombatthird', t.tokens.clerk)).total).toBe(0);
    await t
      .http()
      .post(`/api/v1/meetings/${meeting.id}/minutes`)
      .set(clerk)
      .send({
        ref: { text: '99', sequence: 99 },
        agendaItemNumber: '4',
        takenOrder: 1,
        title: 'Wombatsecond review',
        blocks: [
          { kind: 'paragraph', ref: null, text: 'The numbatminute was noted.', comments: [] },
        ],
        motions: [],
        elections: [],
        actions: [],
        resolution: null,
        previousMinutes: null,
        exemption: null,
      })
      .expect(201);
    const minute = await search('q=numbatminute&kind=minutes', t.tokens.clerk);
    expect(minute.items.map((h) => [h.kind, h.number])).toEqual([['minutes', '99']]);
    const current = await t.http().get(`/api/v1/meetings/${meeting.id}`).set(clerk).expect(200);
    await t
      .http()
      .delete(`/api/v1/meetings/${meeting.id}`)
      .set(clerk)
      .set('If-Match', String(current.body.version))
      .expect(204);
    expect((await search('q=wombatsecond OR numbatminute', t.tokens.clerk)).total).toBe(0);
  });

  it('serves a repeated search from its cache, which a meeting write alone (no reindex) makes stale', async () => {
    const clerk = bearer(t.tokens.clerk);
    const meeting = await createMeeting(t, { id: 'search-cached', date: '2030-02-12' });
    await t
      .http()
      .post(`/api/v1/meetings/${meeting.id}/agenda-items`)
      .set(clerk)
      .send(reportItem({ title: 'Quokkacached review' }))
      .expect(201);
    // Asked twice unpublished: the second answer is the cached page, still right.
    for (let i = 0; i < 2; i += 1) expect((await search('q=quokkacached')).total).toBe(0);
    // Publishing changes only the meeting's row, not the index: the cached page is stale.
    const read = await t.http().get(`/api/v1/meetings/${meeting.id}`).set(clerk).expect(200);
    await publishAgenda(t, meeting.id, read.body.version as number);
    expect((await search('q=quokkacached')).total).toBe(1);
    expect((await search('q=quokkacached&from=2030-02-01')).total).toBe(1);
    // So does moving its date (the from/to filters read the meeting).
    const published = await t.http().get(`/api/v1/meetings/${meeting.id}`).set(clerk).expect(200);
    await t
      .http()
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set(clerk)
      .set('If-Match', String(published.body.version))
      .send({ date: '2030-01-20' })
      .expect(200);
    expect((await search('q=quokkacached&from=2030-02-01')).total).toBe(0);
    expect((await search('q=quokkacached')).total).toBe(1);
    // A write that fails replaces no token: the page cached before it is served again.
    const before = await t.dataSource.query(
      `SELECT "token" FROM "data_generations" WHERE "area" = 'search'`,
    );
    await t
      .http()
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set(clerk)
      .set('If-Match', '1')
      .send({ date: '2030-03-01' })
      .expect(412);
    expect(
      await t.dataSource.query(`SELECT "token" FROM "data_generations" WHERE "area" = 'search'`),
    ).toEqual(before);
  });

  it('never keeps a page ranked while a write that rolls back was open', async () => {
    const failing = new Error('planted failure');
    let during: SearchPage | undefined;
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.update(
          AgendaItemEntity,
          { meetingId: MEETING },
          {
            title: 'Quokkarolledback review',
          },
        );
        await reindexMeeting(manager, MEETING);
        await sleep(50);
        // On SQLite a search shares the write's connection and ranks its uncommitted entries.
        during = await search('q=quokkarolledback', t.tokens.clerk);
        throw failing;
      }),
    ).rejects.toBe(failing);
    if (kind === 'sqlite') expect(during?.total).toBeGreaterThan(0);
    else expect(during?.total).toBe(0);
    // The rollback left the token as it was: a page kept from during the write would be served.
    expect((await search('q=quokkarolledback', t.tokens.clerk)).total).toBe(0);
  });

  it('reads any text typed into the box as words, never as query syntax (200 or 400, never 5xx)', async () => {
    const hostile = [
      'NEAR(school transport)',
      'school*',
      'title:school',
      '^school',
      'school AND',
      'OR OR OR',
      'NOT school',
      '"school',
      'school"',
      "O'Neill",
      '\\',
      "'; DROP TABLE meetings; --",
      '(school',
      'school)',
      '{school}',
      'a & b | !c',
      '<b>school</b>',
      '\u{1F600} school',
      'ﬁnance',
      'é',
      '一二三',
      '-',
      '"-"',
      'or',
      '*',
      '"" ""',
    ];
    for (const q of hostile) {
      const response = await t.http().get('/api/v1/search').query({ q });
      expect([200, 400]).toContain(response.status);
      if (response.status === 400)
        expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const injected = await search(`q=${encodeURIComponent('<b>school</b>')}`);
    expect(JSON.stringify(injected)).not.toContain('<b>');
  });

  describe('refuses a query it cannot read with 400, naming q', () => {
    for (const [label, query] of [
      ['no q', ''],
      ['only an exclusion', 'q=-budget'],
      ['only punctuation', 'q=%22%22%20--'],
      ['a NUL', 'q=a%00b'],
      ['too long', `q=${'a'.repeat(201)}`],
      ['an unknown kind', 'q=school&kind=pdf'],
      ['a bad date', 'q=school&from=2022-13-01'],
    ] as const)
      it(label, async () => {
        const response = await t.http().get(`/api/v1/search?${query}`).expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(JSON.stringify(response.body)).toMatch(/q|kind|from/);
      });
  });
});
