// Schedule 12A as it applies in each nation: an authority in Wales cites Part 4 (paragraphs
// 12–18), one in England Part 1 (1–7). The API refuses the other nation's paragraph on every
// write path (agenda items, imports) with a problem naming the right range, and round-trips the
// public interest test's recorded outcome.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { publishSupplement, reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const WELSH_MEETING = SAMPLE.flintshireJanuary2022;
const WALES_RANGE = 'it cites Part 4, paragraphs 12 to 18';
const ENGLAND_RANGE = 'it cites Part 1, paragraphs 1 to 7';

describeEachDatabase('Schedule 12A paragraphs follow the authority’s nation', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an English paragraph on a Welsh authority’s agenda item (400 problem, range named)', async () => {
    const response = await t
      .http()
      .post(`/api/v1/meetings/${WELSH_MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(reportItem({ number: '9', order: 9, exemption: { paragraph: 3 } }))
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.detail).toContain(WALES_RANGE);
    expect(response.body.errors).toEqual([
      {
        path: '$.exemption.paragraph',
        message:
          'Schedule 12A paragraph 3 does not apply to an authority in Wales: it cites Part 4, paragraphs 12 to 18',
        code: 'VALIDATION.MISMATCH',
      },
    ]);
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${WELSH_MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(agenda.body.items.map((i: { number: string }) => i.number)).not.toContain('9');
  });

  it('accepts the Welsh paragraph there, with the public interest test, and refuses it in England', async () => {
    const reasonPublicInterestTest = 'The public interest in withholding outweighs disclosure.';
    const created = await t
      .http()
      .post(`/api/v1/meetings/${WELSH_MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(
        reportItem({
          number: '9',
          order: 9,
          exemption: { paragraph: 14, reasonPublicInterestTest },
          // The Welsh sample meeting's agenda is published: an item added now is a late paper.
          late: { urgencyReason: 'Received after the agenda was published' },
        }),
      )
      .expect(201);
    expect(created.body.exemption).toEqual({ paragraph: 14, reasonPublicInterestTest });
    // Once its supplementary agenda is out, the public sees the paragraph and the test's
    // outcome, never the content (before it, the late item is not published at all).
    await t.http().get(`/api/v1/agenda-items/${created.body.id}`).expect(404);
    await publishSupplement(t, WELSH_MEETING);
    const anonymous = await t.http().get(`/api/v1/agenda-items/${created.body.id}`).expect(200);
    expect(anonymous.body.exemption).toEqual({ paragraph: 14, reasonPublicInterestTest });
    expect(anonymous.body.isWithheld).toBe(true);

    const english = await t
      .http()
      .post(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(reportItem({ number: '19', order: 19, exemption: { paragraph: 14 } }))
      .expect(400);
    expect(english.body.errors[0].message).toContain(ENGLAND_RANGE);
  });

  it('refuses an English paragraph in a Welsh meeting document on import, writing nothing', async () => {
    const document = withMeetingId(
      await exportMeeting(t, WELSH_MEETING),
      'flintshire-never-written',
    ) as unknown as { agendaItems: { exemption: { paragraph: number } | null }[] };
    const exempt = document.agendaItems.find((i) => i.exemption !== null);
    if (!exempt) throw new Error('the Welsh sample meeting lacks an exempt item');
    exempt.exemption = { paragraph: 3 };
    const response = await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(document)
      .expect(400);
    expect(response.body.errors).toContainEqual({
      path: `$.agendaItems[${document.agendaItems.indexOf(exempt)}].exemption.paragraph`,
      message:
        'Schedule 12A paragraph 3 does not apply to an authority in Wales: it cites Part 4, paragraphs 12 to 18',
      code: 'VALIDATION.MISMATCH',
    });
    await t
      .http()
      .get('/api/v1/meetings/flintshire-never-written')
      .set(bearer(t.tokens.clerk))
      .expect(404);
  });

  const UNTESTED =
    'The public interest test (paragraph 21 of Part 5 of Schedule 12A) does not reach paragraph 16 of Part 4: it applies to paragraphs 12 to 15, 17 and 18; leave reasonPublicInterestTest out';
  const outcome = 'The public interest in maintaining the exemption outweighs disclosure.';

  it('refuses a public interest test outcome on Wales paragraph 16 when an item is created, writing nothing', async () => {
    const refused = await t
      .http()
      .post(`/api/v1/meetings/${WELSH_MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(
        reportItem({
          number: '10',
          order: 10,
          exemption: { paragraph: 16, reasonPublicInterestTest: outcome },
        }),
      )
      .expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      {
        path: '$.exemption.reasonPublicInterestTest',
        message: UNTESTED,
        code: 'VALIDATION.MISMATCH',
      },
    ]);
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${WELSH_MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(agenda.body.items.map((i: { number: string }) => i.number)).not.toContain('10');
    // The same paragraph without the outcome is what the law allows.
    const allowed = await t
      .http()
      .post(`/api/v1/meetings/${WELSH_MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(
        reportItem({
          number: '10',
          order: 10,
          exemption: { paragraph: 16 },
          late: { urgencyReason: 'Received after the agenda was published' },
        }),
      )
      .expect(201);
    expect(allowed.body.exemption).toEqual({ paragraph: 16 });
  });

  it('refuses it when an item is replaced, leaving the item as it was', async () => {
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${WELSH_MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    const exempt = agenda.body.items.find(
      (i: { exemption: { paragraph: number } | null }) => i.exemption?.paragraph === 14,
    );
    if (!exempt) throw new Error('the Welsh sample meeting lacks its paragraph 14 item');
    const refused = await t
      .http()
      .put(`/api/v1/agenda-items/${exempt.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', `"${exempt.version}"`)
      .send({
        ...exempt,
        exemption: { paragraph: 16, reasonPublicInterestTest: outcome },
        documents: exempt.documents.map((d: { exemption: unknown }) =>
          d.exemption === null ? d : { ...d, exemption: { paragraph: 16 } },
        ),
      })
      .expect(400);
    expect(refused.body.errors).toEqual([
      {
        path: '$.exemption.reasonPublicInterestTest',
        message: UNTESTED,
        code: 'VALIDATION.MISMATCH',
      },
    ]);
    const after = await t
      .http()
      .get(`/api/v1/agenda-items/${exempt.id}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(after.body).toEqual(exempt);
  });

  it('refuses it in an imported meeting document, writing nothing', async () => {
    const document = withMeetingId(
      await exportMeeting(t, WELSH_MEETING),
      'flintshire-untested',
    ) as unknown as { agendaItems: { exemption: { paragraph: number } | null }[] };
    const exempt = document.agendaItems.find((i) => i.exemption !== null);
    if (!exempt) throw new Error('the Welsh sample meeting lacks an exempt item');
    exempt.exemption = { paragraph: 16, reasonPublicInterestTest: outcome } as never;
    const response = await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(document)
      .expect(400);
    expect(response.body.errors).toEqual([
      {
        path: `$.agendaItems[${document.agendaItems.indexOf(exempt)}].exemption.reasonPublicInterestTest`,
        message: UNTESTED,
        code: 'VALIDATION.MISMATCH',
      },
    ]);
    await t
      .http()
      .get('/api/v1/meetings/flintshire-untested')
      .set(bearer(t.tokens.clerk))
      .expect(404);
  });

  it('refuses the other nation’s paragraph, and an untested paragraph’s outcome, on a minute, writing nothing', async () => {
    const clerk = bearer(t.tokens.clerk);
    const minutes = async () =>
      (
        await t
          .http()
          .get(`/api/v1/minutes?meetingId=${WELSH_MEETING}&limit=100`)
          .set(clerk)
          .expect(200)
      ).body.items as { id: string; version: number; exemption: unknown; ref: { text: string } }[];
    const before = await minutes();
    const exempt = before.find((m) => m.exemption !== null);
    if (!exempt) throw new Error('the Welsh sample minutes lack an exempt minute');
    const { id, version } = exempt;
    // The minute as the domain holds it (the resource adds the server's fields and meetingId).
    const body = (await exportMeeting(t, WELSH_MEETING)).minutes?.minutes.find(
      (m) => m.ref.text === exempt.ref.text,
    );
    if (!body) throw new Error('the exported Welsh minutes lack the exempt minute');
    for (const [exemption, path, message] of [
      [
        { paragraph: 3 },
        '$.exemption.paragraph',
        'Schedule 12A paragraph 3 does not apply to an authority in Wales: it cites Part 4, paragraphs 12 to 18',
      ],
      [
        { paragraph: 16, reasonPublicInterestTest: outcome },
        '$.exemption.reasonPublicInterestTest',
        UNTESTED,
      ],
    ] as const) {
      const replaced = await t
        .http()
        .put(`/api/v1/minutes/${id}`)
        .set(clerk)
        .set('If-Match', `"${version}"`)
        .send({ ...body, exemption })
        .expect(400);
      expect(replaced.body.errors).toEqual([{ path, message, code: 'VALIDATION.MISMATCH' }]);
      const created = await t
        .http()
        .post(`/api/v1/meetings/${WELSH_MEETING}/minutes`)
        .set(clerk)
        .send({ ...body, ref: { text: '43', sequence: 43 }, takenOrder: 6, exemption })
        .expect(400);
      expect(created.body.errors).toEqual([{ path, message, code: 'VALIDATION.MISMATCH' }]);
    }
    expect(await minutes()).toEqual(before);
  });

  it('documents the per-nation ranges in the OpenAPI schema', async () => {
    const openapi = await t.http().get('/api/docs-json').expect(200);
    const text = JSON.stringify(openapi.body);
    expect(text).toContain('"enum":[1,2,3,4,5,6,7,12,13,14,15,16,17,18]');
    expect(text).toContain('whose region is `wales` cites Part 4');
  });
});
