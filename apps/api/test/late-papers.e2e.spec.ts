// Late papers and supplementary agendas (issue 12 item 7): a paper added after the agenda is
// published needs the chair's reason for urgency (LGA 1972 s.100B(4)(b)), goes out in the next
// supplementary agenda, and every publication of a pack is kept byte for byte with its SHA-256.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { MeetingDocument, PackPublication } from '@scrutineer/domain';
import { makePdf, uploadDocument } from './support/attachments.js';
import { exportMeeting, withMeetingId } from './support/documents.js';
import { createMeeting, reportItem } from './support/meetings.js';
import { collapse, everythingIn, fetchPdf, parsePdf } from './support/pdf.js';
import { isProblem } from './support/problem.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const MEETING = 'cfsc-2030-09-16';
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describeEachDatabase('late papers and supplementary agendas', (kind) => {
  let t: TestApp;
  let onAgendaId: string;
  let lateId: string;

  const clerk = () => bearer(t.tokens.clerk);
  const meetingVersion = async (): Promise<number> =>
    (await t.http().get(`/api/v1/meetings/${MEETING}`).set(clerk()).expect(200)).body
      .version as number;
  const agenda = async (): Promise<{ id: string; number: string; late: unknown }[]> =>
    (await t.http().get(`/api/v1/meetings/${MEETING}/agenda-items`).set(clerk()).expect(200)).body
      .items;
  const publishSupplement = async (version?: number) =>
    t
      .http()
      .post(`/api/v1/meetings/${MEETING}/supplements`)
      .set(clerk())
      .set('If-Match', String(version ?? (await meetingVersion())))
      .then((response) => response);
  const publications = async (token?: string): Promise<PackPublication[]> => {
    const request = t.http().get(`/api/v1/meetings/${MEETING}/publications`);
    return (await (token === undefined ? request : request.set(bearer(token))).expect(200)).body
      .items as PackPublication[];
  };
  let pdf: Buffer;
  const upload = (itemId: string, fields: Record<string, string>) =>
    uploadDocument(t, itemId, {
      file: pdf,
      filename: 'late.pdf',
      contentType: 'application/pdf',
      fields,
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    pdf = await makePdf('A late appendix', 1);
    await createMeeting(t, { id: MEETING, date: '2030-09-16' });
    onAgendaId = (
      await t
        .http()
        .post(`/api/v1/meetings/${MEETING}/agenda-items`)
        .set(clerk())
        .send(reportItem({ number: '1', order: 1 }))
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a late paper before the agenda is published, storing nothing', async () => {
    const refused = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda-items`)
      .set(clerk())
      .send(reportItem({ number: '2', order: 2, late: { urgencyReason: 'Too early' } }))
      .expect(400);
    isProblem(refused);
    expect(refused.body.code).toBe('LATE_PAPER.AGENDA_NOT_PUBLISHED');
    expect((await agenda()).map((item) => item.number)).toEqual(['1']);
    const upload_ = await upload(onAgendaId, {
      title: 'Early appendix',
      role: 'appendix',
      urgencyReason: 'Too early',
    }).expect(400);
    expect(upload_.body.code).toBe('LATE_PAPER.AGENDA_NOT_PUBLISHED');
    const item = await t.http().get(`/api/v1/agenda-items/${onAgendaId}`).set(clerk()).expect(200);
    expect(item.body.documents).toHaveLength(1);
    expect(item.body.late).toBeNull();
  });

  it('records both editions of the agenda pack when the agenda is published, as the pack route serves them', async () => {
    const published = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda/publication`)
      .set(clerk())
      .set('If-Match', String(await meetingVersion()))
      .expect(200);
    const records = published.body.publications as PackPublication[];
    expect(records.map((r) => [r.pack, r.supplement, r.edition])).toEqual([
      ['agenda', null, 'public'],
      ['agenda', null, 'confidential'],
    ]);
    expect(records.every((r) => r.publishedAt === published.body.publishedAt)).toBe(true);
    const pack = await fetchPdf(t, `/api/v1/meetings/${MEETING}/agenda-pack.pdf`).expect(200);
    expect(sha256(pack.body as Buffer)).toBe(records[0]?.sha256);
    expect(records[0]?.byteLength).toBe((pack.body as Buffer).byteLength);
    expect(records[0]?.pageCount).toBe((await parsePdf(pack.body as Buffer)).pages.length);
  });

  it('refuses an item added after publication without the chair’s reason, and stores it with one', async () => {
    const refused = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda-items`)
      .set(clerk())
      .send(reportItem({ number: '2', order: 2, title: 'Urgent: school transport' }))
      .expect(400);
    isProblem(refused);
    expect(refused.body.code).toBe('LATE_PAPER.URGENCY_REQUIRED');
    expect((await agenda()).map((item) => item.number)).toEqual(['1']);

    const added = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda-items`)
      .set(clerk())
      .send(
        reportItem({
          number: '2',
          order: 2,
          title: 'Urgent: school transport',
          // The server's fields are its own, whatever is sent.
          late: { urgencyReason: 'The contract ends before the next meeting', supplement: 7 },
        }),
      )
      .expect(201);
    lateId = added.body.id;
    const meeting = await t.http().get(`/api/v1/meetings/${MEETING}`).set(clerk()).expect(200);
    expect(added.body.late).toEqual({
      urgencyReason: 'The contract ends before the next meeting',
      addedAt: expect.any(String),
      supplement: null,
    });
    expect(Date.parse(added.body.late.addedAt)).toBeGreaterThanOrEqual(
      Date.parse(meeting.body.agendaPublishedAt),
    );
    // Not published until a supplementary agenda carries it: 404 to the public, as if it did not
    // exist (late-papers-public.e2e.spec.ts reads every public route for it).
    const anonymous = await t.http().get(`/api/v1/agenda-items/${lateId}`).expect(404);
    isProblem(anonymous);

    // Its reason can be corrected until a supplement publishes it; addedAt stays.
    const corrected = await t
      .http()
      .put(`/api/v1/agenda-items/${lateId}`)
      .set(clerk())
      .set('If-Match', String(added.body.version))
      .send({ ...added.body, late: { urgencyReason: 'The transport contract ends on 1 October' } })
      .expect(200);
    expect(corrected.body.late).toEqual({
      ...added.body.late,
      urgencyReason: 'The transport contract ends on 1 October',
    });
    // What GET answered, sent back as it is, changes nothing.
    const same = await t
      .http()
      .put(`/api/v1/agenda-items/${lateId}`)
      .set(clerk())
      .set('If-Match', String(corrected.body.version))
      .send(corrected.body)
      .expect(200);
    expect(same.body.version).toBe(corrected.body.version);
  });

  it('publishes Supplementary Agenda No. 1 once, then refuses a supplement of nothing', async () => {
    const stale = await publishSupplement(1).then((r) => {
      expect(r.status).toBe(412);
      return r;
    });
    isProblem(stale);
    const first = await publishSupplement().then((r) => {
      expect(r.status).toBe(200);
      return r;
    });
    expect(first.body.supplement).toBe(1);
    expect(first.body.title).toBe('Supplementary Agenda No. 1');
    expect(first.body.papers).toEqual([
      {
        itemNumber: '2',
        document: null,
        title: 'Urgent: school transport',
        late: expect.objectContaining({ supplement: 1 }),
      },
    ]);
    expect(first.body.version).toBe(await meetingVersion());
    const item = await t.http().get(`/api/v1/agenda-items/${lateId}`).set(clerk()).expect(200);
    expect(item.body.late.supplement).toBe(1);

    const again = await publishSupplement().then((r) => {
      expect(r.status).toBe(409);
      return r;
    });
    isProblem(again);
    expect(again.body.code).toBe('LATE_PAPER.NOTHING_PENDING');
    const audit = await t
      .http()
      .get(`/api/v1/audit-events?entity=meeting&entityId=${MEETING}`)
      .set(bearer(t.tokens.admin))
      .expect(200);
    expect(
      (audit.body.items as { action: string }[]).filter((e) => e.action === 'publish-supplement'),
    ).toHaveLength(1);
  });

  it('refuses to change a reason a supplement published, changing nothing', async () => {
    const item = await t.http().get(`/api/v1/agenda-items/${lateId}`).set(clerk()).expect(200);
    const refused = await t
      .http()
      .put(`/api/v1/agenda-items/${lateId}`)
      .set(clerk())
      .set('If-Match', String(item.body.version))
      .send({ ...item.body, late: { urgencyReason: 'A better reason' } })
      .expect(409);
    isProblem(refused);
    expect(refused.body.code).toBe('LATE_PAPER.ALREADY_PUBLISHED');
    const after = await t.http().get(`/api/v1/agenda-items/${lateId}`).set(clerk()).expect(200);
    expect(after.body.late).toEqual(item.body.late);
    expect(after.body.version).toBe(item.body.version);
  });

  it('takes a late document of an item on the agenda into Supplementary Agenda No. 2', async () => {
    const refused = await upload(onAgendaId, { title: 'Late appendix', role: 'appendix' }).expect(
      400,
    );
    expect(refused.body.code).toBe('LATE_PAPER.URGENCY_REQUIRED');
    const before = await t.http().get(`/api/v1/agenda-items/${onAgendaId}`).set(clerk());
    expect(before.body.documents).toHaveLength(1);

    const added = await upload(onAgendaId, {
      title: 'Late appendix',
      role: 'appendix',
      urgencyReason: 'The figures arrived after publication',
    }).expect(201);
    expect(added.body.late).toEqual({
      urgencyReason: 'The figures arrived after publication',
      addedAt: expect.any(String),
      supplement: null,
    });
    const second = await publishSupplement().then((r) => {
      expect(r.status).toBe(200);
      return r;
    });
    expect(second.body.supplement).toBe(2);
    expect(second.body.papers).toEqual([
      expect.objectContaining({ itemNumber: '1', document: 1, title: 'Late appendix' }),
    ]);
    const document = await t
      .http()
      .get(`/api/v1/agenda-items/${onAgendaId}/documents/${added.body.id}`)
      .set(clerk())
      .expect(200);
    expect(document.body.late.supplement).toBe(2);
    // Item 2 stays in the first supplement.
    const late = await t.http().get(`/api/v1/agenda-items/${lateId}`).expect(200);
    expect(late.body.late.supplement).toBe(1);
  });

  it('keeps every publication: the public sees the public edition’s, each served byte for byte', async () => {
    const all = await publications(t.tokens.clerk);
    expect(all.map((r) => [r.pack, r.supplement, r.edition])).toEqual([
      ['agenda', null, 'public'],
      ['agenda', null, 'confidential'],
      ['supplement', 1, 'public'],
      ['supplement', 1, 'confidential'],
      ['supplement', 2, 'public'],
      ['supplement', 2, 'confidential'],
    ]);
    const publicOnly = await publications();
    expect(publicOnly).toEqual(all.filter((r) => r.edition === 'public'));

    for (const record of all) {
      const served = await fetchPdf(
        t,
        `/api/v1/meetings/${MEETING}/publications/${record.id}.pdf`,
        t.tokens.clerk,
      ).expect(200);
      const bytes = served.body as Buffer;
      expect(sha256(bytes)).toBe(record.sha256);
      expect(bytes.byteLength).toBe(record.byteLength);
      expect(served.headers['etag']).toBe(`"${record.sha256}"`);
      expect(served.headers['content-type']).toBe('application/pdf');
      expect((await parsePdf(bytes)).pages.length).toBe(record.pageCount);
    }
    const confidential = all.find((r) => r.edition === 'confidential') as PackPublication;
    const hidden = await t
      .http()
      .get(`/api/v1/meetings/${MEETING}/publications/${confidential.id}.pdf`)
      .expect(404);
    isProblem(hidden);
    await t
      .http()
      .get(`/api/v1/meetings/${MEETING}/publications/${confidential.id}.pdf`)
      .set(bearer(t.tokens.officer))
      .expect(404);
    const open = all.find((r) => r.edition === 'public') as PackPublication;
    const anonymous = await fetchPdf(t, `/api/v1/meetings/${MEETING}/publications/${open.id}.pdf`);
    expect(anonymous.status).toBe(200);
    expect(sha256(anonymous.body as Buffer)).toBe(open.sha256);
    await t
      .http()
      .get(`/api/v1/meetings/${MEETING}/publications/${open.id}.pdf`)
      .set('If-None-Match', `"${open.sha256}"`)
      .expect(304);
    await t.http().get(`/api/v1/meetings/${MEETING}/publications/nope.pdf`).expect(404);
  });

  it('serves a supplement pack: the latest by default, any published one by number, 404 otherwise', async () => {
    const latest = await fetchPdf(t, `/api/v1/meetings/${MEETING}/supplement-pack.pdf`).expect(200);
    expect(latest.headers['content-type']).toBe('application/pdf');
    const two = await fetchPdf(
      t,
      `/api/v1/meetings/${MEETING}/supplement-pack.pdf?supplement=2`,
    ).expect(200);
    expect(sha256(two.body as Buffer)).toBe(sha256(latest.body as Buffer));
    // The reporter draws the supplement's own front sheet and its papers with their reasons.
    const printed = collapse(everythingIn(await parsePdf(latest.body as Buffer)));
    expect(printed).toContain('Supplementary Agenda No. 2');
    expect(printed).toContain('The figures arrived after publication');
    // As published: the record of No. 2's public edition is these bytes.
    const record = (await publications()).find((r) => r.supplement === 2) as PackPublication;
    expect(sha256(latest.body as Buffer)).toBe(record.sha256);
    const one = await fetchPdf(
      t,
      `/api/v1/meetings/${MEETING}/supplement-pack.pdf?supplement=1`,
    ).expect(200);
    const first = collapse(everythingIn(await parsePdf(one.body as Buffer)));
    expect(first).toContain('Supplementary Agenda No. 1');
    expect(first).toContain('The transport contract ends on 1 October');
    const missing = await t
      .http()
      .get(`/api/v1/meetings/${MEETING}/supplement-pack.pdf?supplement=3`)
      .expect(404);
    isProblem(missing);
    await t
      .http()
      .get(`/api/v1/meetings/${MEETING}/supplement-pack.pdf?edition=confidential`)
      .expect(401);
    await fetchPdf(
      t,
      `/api/v1/meetings/${MEETING}/supplement-pack.pdf?edition=confidential`,
      t.tokens.clerk,
    ).expect(200);
    const none = await createMeeting(t, { id: 'cfsc-2030-10-14', date: '2030-10-14' });
    await t.http().get(`/api/v1/meetings/${none.id}/supplement-pack.pdf`).set(clerk()).expect(404);
  });

  it('exports late papers with the meeting document, and an import keeps them as history', async () => {
    const document = await exportMeeting(t, MEETING);
    const item = document.agendaItems.find((i) => i.number === '2');
    expect(item?.late).toEqual({
      urgencyReason: 'The transport contract ends on 1 October',
      addedAt: expect.any(String),
      supplement: 1,
    });
    const copy = withMeetingId(document, 'cfsc-2030-09-16-copy') as MeetingDocument;
    await t.http().post('/api/v1/imports/meetings').set(clerk()).send(copy).expect(201);
    const imported = await exportMeeting(t, 'cfsc-2030-09-16-copy');
    expect(imported.agendaItems.map((i) => i.late ?? null)).toEqual(
      document.agendaItems.map((i) => i.late ?? null),
    );
    expect(imported.agendaItems.flatMap((i) => i.documents.map((d) => d.late ?? null))).toEqual(
      document.agendaItems.flatMap((i) => i.documents.map((d) => d.late ?? null)),
    );
    // Taken as data by its shape only: a late paper that names no reason is refused.
    const bad = JSON.parse(JSON.stringify(withMeetingId(document, 'cfsc-2030-09-16-bad'))) as {
      agendaItems: { late?: unknown }[];
    };
    (bad.agendaItems[1] as { late?: unknown }).late = { addedAt: '2030-09-01T10:00:00Z' };
    const refused = await t.http().post('/api/v1/imports/meetings').set(clerk()).send(bad);
    expect(refused.status).toBe(400);
    isProblem(refused);
  });
});
