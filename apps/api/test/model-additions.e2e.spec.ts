// The model additions of issue 9 ("where real minutes do not fit it"), each through the API:
// stored, validated (400 naming the field), served, imported and exported, and printed.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { MeetingDocument } from '@scrutineer/domain';
import { DeclarationInterestsAndUnnamed1795434000000 } from '../src/database/migrations/1795434000000-DeclarationInterestsAndUnnamed.js';
import { migrations } from '../src/database/migrations/index.js';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { collapse, fetchPdf, parsePdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('model additions', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const importDocument = (document: unknown) =>
    t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(document as object);

  const pdfText = async (path: string, token?: string): Promise<string> =>
    collapse(
      (await parsePdf((await fetchPdf(t, path, token).expect(200)).body as Buffer)).pages.join(' '),
    );

  it('stores, serves, exports and prints an agenda item’s scheduled time', async () => {
    const document = await exportMeeting(t, SAMPLE.westSussexNovember2021);
    expect(document.agendaItems.find((item) => item.number === '5')?.scheduledTime).toBe('10:40');
    const items = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.westSussexNovember2021}/agenda-items`)
      .expect(200);
    const times = items.body.items.map((item: { number: string; scheduledTime: string | null }) => [
      item.number,
      item.scheduledTime,
    ]);
    expect(times).toContainEqual(['5', '10:40']);
    expect(times).toContainEqual(['1', null]);
    const copy = withMeetingId(document, 'west-sussex-timed-copy');
    await importDocument(copy).expect(201);
    expect(await exportMeeting(t, 'west-sussex-timed-copy')).toEqual(copy);
    const late: MeetingDocument = {
      ...withMeetingId(document, 'never-written'),
      agendaItems: document.agendaItems.map((item, i) =>
        i === 0 ? { ...item, scheduledTime: '25:00' as never } : item,
      ),
    };
    const refused = await importDocument(late).expect(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain(
      '$.agendaItems[0].scheduledTime',
    );
    const pack = await pdfText(`/api/v1/meetings/${SAMPLE.westSussexNovember2021}/agenda-pack.pdf`);
    expect(pack).toMatch(/5\. 10\.40 am Performance and Resources Report/);
  }, 60_000);

  it('imports a historic record of unknown minutes status, prints no approval, and approves it later', async () => {
    const clerk = bearer(t.tokens.clerk);
    const source = await exportMeeting(t, SAMPLE.stockportJune2021);
    if (source.minutes === null) throw new Error('the sample June 2021 meeting has minutes');
    const historic: MeetingDocument = {
      ...withMeetingId(source, 'stockport-historic'),
      minutes: { ...source.minutes, status: 'unknown', approvedOn: null },
    };
    await importDocument(historic).expect(201);
    expect(await exportMeeting(t, 'stockport-historic')).toEqual(historic);
    const minutes = await t
      .http()
      .get('/api/v1/meetings/stockport-historic/minutes')
      .set(clerk)
      .expect(200);
    expect(minutes.body).toMatchObject({ status: 'unknown', approvedOn: null });
    const text = await pdfText('/api/v1/meetings/stockport-historic/minutes.pdf', t.tokens.clerk);
    expect(text).toContain('does not say whether they were approved');
    expect(text).not.toMatch(/Approved as a correct record|DRAFT/);
    const dated = await importDocument({
      ...withMeetingId(historic, 'never-written'),
      minutes: { ...historic.minutes, approvedOn: '2021-07-01' },
    }).expect(400);
    expect(dated.body.errors).toEqual([
      expect.objectContaining({ path: '$.minutes.approvedOn', code: 'VALIDATION.MISMATCH' }),
    ]);
    const meeting = await t
      .http()
      .get('/api/v1/meetings/stockport-historic')
      .set(clerk)
      .expect(200);
    const approved = await t
      .http()
      .post('/api/v1/meetings/stockport-historic/minutes/approval')
      .set(clerk)
      .set('If-Match', String(meeting.body.version))
      .send({ approvedOn: '2021-09-15' })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedOn: '2021-09-15' });
  }, 60_000);

  it('keeps several interest kinds per declaration and declarations made without names', async () => {
    const source = await exportMeeting(t, SAMPLE.westSussexNovember2021);
    const declared: MeetingDocument = {
      ...withMeetingId(source, 'west-sussex-declared'),
      declarations: {
        kind: 'made',
        declarations: [
          {
            member: { name: 'Cllr Felicity Ashdown', memberId: null },
            about: { kind: 'agenda-item', itemNumber: '5' },
            interests: ['personal', 'prejudicial'],
            nature: 'Her son attends a school named in the report.',
            withdrew: true,
          },
        ],
      },
    };
    await importDocument(declared).expect(201);
    expect(await exportMeeting(t, 'west-sussex-declared')).toEqual(declared);
    const prejudicial = await t
      .http()
      .get('/api/v1/declarations?interest=prejudicial&meetingId=west-sussex-declared')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    expect(prejudicial.body.items.map((d: { interests: string[] }) => d.interests)).toEqual([
      ['personal', 'prejudicial'],
    ]);
    const repeated = await importDocument({
      ...withMeetingId(declared, 'never-written'),
      declarations: {
        kind: 'made',
        declarations: [
          {
            member: { name: 'Cllr Felicity Ashdown', memberId: null },
            about: { kind: 'agenda-item', itemNumber: '5' },
            interests: [],
            nature: 'Her son attends a school named in the report.',
            withdrew: true,
          },
        ],
      },
    }).expect(400);
    expect(repeated.body.errors.map((e: { path: string }) => e.path)).toContain(
      '$.declarations.declarations[0].interests',
    );
    const unnamed: MeetingDocument = {
      ...withMeetingId(source, 'west-sussex-unnamed'),
      declarations: { kind: 'made-unnamed', itemNumbers: ['5'] },
    };
    await importDocument(unnamed).expect(201);
    expect(await exportMeeting(t, 'west-sussex-unnamed')).toEqual(unnamed);
    const elsewhere = await importDocument({
      ...withMeetingId(unnamed, 'never-written'),
      declarations: { kind: 'made-unnamed', itemNumbers: ['9'] },
    }).expect(400);
    expect(elsewhere.body.errors).toEqual([
      expect.objectContaining({ path: '$.declarations.itemNumbers[0]' }),
    ]);
  }, 60_000);

  it('names the exempt items an exclusion covers, and refuses one that is not on the agenda or not exempt', async () => {
    const clerk = bearer(t.tokens.clerk);
    const items = (
      await t
        .http()
        .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-items`)
        .set(clerk)
        .expect(200)
    ).body.items as {
      id: string;
      number: string;
      kind: string;
      covers: string[];
      version: number;
    }[];
    const exclusion = items.find((item) => item.kind === 'exclusion-of-public');
    expect(exclusion?.covers).toEqual(['9']);
    expect(items.find((item) => item.number === '5')?.covers).toEqual([]);
    const put = (covers: string[]) =>
      t
        .http()
        .put(`/api/v1/agenda-items/${exclusion?.id}`)
        .set(clerk)
        .set('If-Match', String(exclusion?.version))
        .send({ ...exclusion, covers });
    const open = await put(['6']).expect(400);
    expect(open.body.errors).toEqual([
      expect.objectContaining({ path: '$.covers[0]', code: 'VALIDATION.MISMATCH' }),
    ]);
    const missing = await put(['9', '12']).expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: '$.covers[1]', code: 'VALIDATION.UNKNOWN_REFERENCE' }),
    ]);
    const document = await exportMeeting(t, SAMPLE.stockportMarch2022);
    const refused = await importDocument({
      ...withMeetingId(document, 'never-written'),
      agendaItems: document.agendaItems.map((item) =>
        item.kind === 'exclusion-of-public' ? { ...item, covers: ['6'] } : item,
      ),
    }).expect(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([
      expect.stringMatching(/^\$\.agendaItems\[\d+\]\.covers\[0\]$/),
    ]);
    const pack = await pdfText(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-pack.pdf`);
    expect(pack).toContain('The exclusion applies to agenda item 9.');
  }, 60_000);

  it('keeps the order items were taken on the agenda items, refusing one order used twice', async () => {
    const june = await exportMeeting(t, SAMPLE.stockportJune2021);
    const taken = june.agendaItems.map((item) => [item.number, item.consideredOrder ?? null]);
    expect(taken).toContainEqual(['6', 7]);
    expect(taken).toContainEqual(['7', 6]);
    const listed = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportJune2021}/agenda-items`)
      .expect(200);
    expect(
      listed.body.items.map((i: { consideredOrder: number | null }) => i.consideredOrder),
    ).toContain(null);
    const twice = await importDocument({
      ...withMeetingId(june, 'never-written'),
      agendaItems: june.agendaItems.map((item) =>
        item.number === '1' ? { ...item, consideredOrder: 7 } : item,
      ),
    }).expect(400);
    expect(twice.body.errors.map((e: { path: string }) => e.path)).toEqual([
      expect.stringMatching(/^\$\.agendaItems\[\d+\]\.consideredOrder$/),
    ]);
    const text = await pdfText(`/api/v1/meetings/${SAMPLE.stockportJune2021}/minutes.pdf`);
    expect(text.indexOf('6. Scrutiny Work Programme')).toBeLessThan(
      text.indexOf('7. Portfolio Performance'),
    );
  }, 60_000);

  // Last: it migrates down and up again, which drops what later migrations added.
  it('backfills each existing declaration’s one kind as its list of kinds', async () => {
    const before = (
      await t.http().get('/api/v1/declarations?limit=100').set(bearer(t.tokens.clerk)).expect(200)
    ).body.items as { id: string; interests: string[] }[];
    // Undo back to before DeclarationInterestsAndUnnamed (and the migrations after it), then redo.
    const undo =
      migrations.length -
      migrations.findIndex((m) => m.name === DeclarationInterestsAndUnnamed1795434000000.name);
    for (let i = 0; i < undo; i++) await t.dataSource.undoLastMigration({ transaction: 'all' });
    await t.dataSource.runMigrations({ transaction: 'all' });
    const after = (
      await t.http().get('/api/v1/declarations?limit=100').set(bearer(t.tokens.clerk)).expect(200)
    ).body.items as { id: string; interests: string[] }[];
    // The migration keeps the first kind of each: a declaration of two kinds comes back with one.
    expect(after.map((d) => [d.id, d.interests])).toEqual(
      before.map((d) => [d.id, d.interests.slice(0, 1)]),
    );
    expect(after.length).toBeGreaterThan(2);
  }, 60_000);
});
