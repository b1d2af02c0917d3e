// PDFs through DocumentRenderingService: drawn once and kept by the SHA-256 of what they are
// drawn from, so identical requests share a render, a write to the meeting gives the new
// document at once, and the public edition is never the confidential one's cached bytes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exemptPassages, loadSampleCouncil } from '@scrutineer/sample-council';
import { DocumentRenderingService } from '../src/rendering/document-rendering.service.js';
import { RenderedDocuments } from '../src/rendering/rendered-documents.js';
import { SAMPLE } from './support/documents.js';
import { createMeeting, reportItem } from './support/meetings.js';
import { collapse, everythingIn, fetchPdf, isIn, parsePdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const agendaPath = (id: string, edition = 'public'): string =>
  `/api/v1/meetings/${id}/agenda-pack.pdf?edition=${edition}`;

describeEachDatabase('rendered documents: cache, coalescing, invalidation', (kind) => {
  let t: TestApp;
  let rendering: DocumentRenderingService;
  let rows: RenderedDocuments;

  beforeAll(async () => {
    t = await createTestApp(kind);
    rendering = t.app.get(DocumentRenderingService);
    rows = new RenderedDocuments(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('draws in a render thread by default', () => {
    expect(rendering.mode).toBe('threads');
  });

  it('draws a pack once and answers the same bytes from the cache after', async () => {
    const before = rendering.stats();
    const first = await fetchPdf(t, agendaPath(SAMPLE.stockportNovember2021)).expect(200);
    const second = await fetchPdf(t, agendaPath(SAMPLE.stockportNovember2021)).expect(200);
    expect((second.body as Buffer).equals(first.body as Buffer)).toBe(true);
    expect(second.headers['content-length']).toBe(String((first.body as Buffer).byteLength));
    const after = rendering.stats();
    expect(after.rendered - before.rendered).toBe(1);
    expect(after.cacheHits - before.cacheHits).toBe(1);
  });

  it('shares one render between identical requests at the same time', async () => {
    const before = rendering.stats();
    const rowsBefore = await rows.count();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => fetchPdf(t, agendaPath(SAMPLE.stockportJune2021))),
    );
    for (const response of responses) expect(response.status).toBe(200);
    const bodies = new Set(
      responses.map((response) => (response.body as Buffer).toString('base64')),
    );
    expect(bodies.size).toBe(1);
    const after = rendering.stats();
    expect(after.rendered - before.rendered).toBe(1);
    expect(after.coalesced - before.coalesced + (after.cacheHits - before.cacheHits)).toBe(5);
    expect((await rows.count()) - rowsBefore).toBe(1);
  });

  it('serves the new pack straight after a write to the meeting', async () => {
    const id = 'cfsc-2030-06-17';
    const clerk = bearer(t.tokens.clerk);
    await createMeeting(t, { id, date: '2030-06-17' });
    const items = `/api/v1/meetings/${id}/agenda-items`;
    await t
      .http()
      .post(items)
      .set(clerk)
      .send(reportItem({ number: '1', order: 1, title: 'Kestrel library hours' }))
      .expect(201);
    const first = collapse(
      everythingIn(
        await parsePdf(
          (await fetchPdf(t, agendaPath(id), t.tokens.clerk).expect(200)).body as Buffer,
        ),
      ),
    );
    expect(first).toContain('Kestrel library hours');
    expect(first).not.toContain('Osprey bus lanes');
    await fetchPdf(t, agendaPath(id), t.tokens.clerk).expect(200); // now cached
    await t
      .http()
      .post(items)
      .set(clerk)
      .send(reportItem({ number: '2', order: 2, title: 'Osprey bus lanes' }))
      .expect(201);
    const second = collapse(
      everythingIn(
        await parsePdf(
          (await fetchPdf(t, agendaPath(id), t.tokens.clerk).expect(200)).body as Buffer,
        ),
      ),
    );
    expect(second).toContain('Kestrel library hours');
    expect(second).toContain('Osprey bus lanes');
  });

  it('deletes the render a new one of the same meeting and edition supersedes, and keeps the rest', async () => {
    const id = 'cfsc-2030-07-15';
    const clerk = bearer(t.tokens.clerk);
    await createMeeting(t, { id, date: '2030-07-15' });
    const items = `/api/v1/meetings/${id}/agenda-items`;
    await t
      .http()
      .post(items)
      .set(clerk)
      .send(reportItem({ number: '1', order: 1, title: 'Heron footbridge' }))
      .expect(201);
    const others = new Set(await rows.keys());
    await fetchPdf(t, agendaPath(id), t.tokens.clerk).expect(200);
    await fetchPdf(t, agendaPath(id, 'confidential'), t.tokens.clerk).expect(200);
    const [publicV1, confidentialV1] = (await rows.keys()).filter((key) => !others.has(key));
    expect([publicV1, confidentialV1].every((key) => /^[0-9a-f]{64}$/.test(key ?? ''))).toBe(true);
    await t
      .http()
      .post(items)
      .set(clerk)
      .send(reportItem({ number: '2', order: 2, title: 'Curlew allotments' }))
      .expect(201);
    await fetchPdf(t, agendaPath(id), t.tokens.clerk).expect(200);
    const after = await rows.keys();
    const added = after.filter((key) => !others.has(key));
    // The public v1 is gone, the new public render is kept; the confidential edition (not asked
    // for since) is another document and stays until its own next render or the age bound.
    expect(added).toHaveLength(2);
    expect(added).not.toContain(publicV1);
    expect(added).toContain(confidentialV1);
    // Every other meeting's renders are untouched.
    expect(after.filter((key) => others.has(key)).sort()).toEqual([...others].sort());
    // The current render is still served from the cache.
    const before = rendering.stats();
    await fetchPdf(t, agendaPath(id), t.tokens.clerk).expect(200);
    expect(rendering.stats().cacheHits - before.cacheHits).toBe(1);
  });

  it('deletes rows past the age bound when a render is stored, current or not, and keeps younger ones', async () => {
    const store = new RenderedDocuments(t.dataSource, 30);
    const dataset = loadSampleCouncil();
    const job = (meetingId: string) =>
      ({ kind: 'agenda-pack', meetingId, edition: 'public', dataset }) as const;
    const now = new Date();
    const daysAgo = (days: number): Date => new Date(now.getTime() - days * 86_400_000);
    const pdf = Buffer.from('%PDF-1.7 planted\n');
    await store.save('a'.repeat(64), job('aged-meeting-1'), pdf, daysAgo(31));
    await store.save('b'.repeat(64), job('aged-meeting-2'), pdf, daysAgo(29));
    const before = await rows.keys();
    expect(before).toEqual(expect.arrayContaining(['a'.repeat(64), 'b'.repeat(64)]));
    const pruned = await store.save('c'.repeat(64), job('aged-meeting-3'), pdf, now);
    const after = await rows.keys();
    expect(after).not.toContain('a'.repeat(64));
    expect(after).toEqual(expect.arrayContaining(['b'.repeat(64), 'c'.repeat(64)]));
    // The suite's own renders are minutes old: only the planted 31-day-old row went.
    expect(pruned).toEqual({ superseded: 0, expired: 1 });
    expect(after).toHaveLength(before.length);
  });

  it('never serves the confidential pack, cached first, to a public caller', async () => {
    const passages = exemptPassages(loadSampleCouncil());
    expect(passages.length).toBeGreaterThan(0);
    const confidential = await fetchPdf(
      t,
      agendaPath(SAMPLE.stockportMarch2022, 'confidential'),
      t.tokens.clerk,
    ).expect(200);
    const confidentialText = everythingIn(await parsePdf(confidential.body as Buffer));
    expect(passages.some((passage) => isIn(confidentialText, passage))).toBe(true);
    for (const token of [undefined, t.tokens.member, t.tokens.officer]) {
      const publicPack = await fetchPdf(t, agendaPath(SAMPLE.stockportMarch2022), token).expect(
        200,
      );
      expect((publicPack.body as Buffer).equals(confidential.body as Buffer)).toBe(false);
      const text = everythingIn(await parsePdf(publicPack.body as Buffer));
      for (const passage of passages)
        expect({ passage, leaked: isIn(text, passage) }).toEqual({ passage, leaked: false });
    }
  });

  it('keys the same meeting’s two editions apart even for the same slice', () => {
    const dataset = loadSampleCouncil();
    const meetingId = SAMPLE.stockportMarch2022;
    expect(
      rendering.keyOf({ kind: 'agenda-pack', meetingId, edition: 'public', dataset }),
    ).not.toBe(
      rendering.keyOf({ kind: 'agenda-pack', meetingId, edition: 'confidential', dataset }),
    );
    expect(rendering.keyOf({ kind: 'agenda-pack', meetingId, edition: 'public', dataset })).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });
});

describe('rendered documents with RENDER_CACHE=off [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { render: { cache: false } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('draws every request and keeps nothing', async () => {
    const rendering = t.app.get(DocumentRenderingService);
    await fetchPdf(t, agendaPath(SAMPLE.stockportNovember2021)).expect(200);
    await fetchPdf(t, agendaPath(SAMPLE.stockportNovember2021)).expect(200);
    expect(rendering.stats()).toMatchObject({ rendered: 2, cacheHits: 0 });
    expect(await new RenderedDocuments(t.dataSource).count()).toBe(0);
  });
});
