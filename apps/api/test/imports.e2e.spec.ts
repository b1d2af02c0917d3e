import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { MeetingDocument } from '@scrutineer/domain';
import { buildProgram } from '../src/cli/program.js';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

/** Runs `scrutineer-api …` in process against the test database; returns what it printed. */
const runCli = async (t: TestApp, args: string[]): Promise<{ out: string; err: string }> => {
  let out = '';
  let err = '';
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = t.databaseUrl;
  try {
    await buildProgram({ out: (text) => (out += text), err: (text) => (err += text) })
      .exitOverride()
      .parseAsync(['node', 'scrutineer-api', ...args]);
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
  return { out, err };
};

describeEachDatabase('import and export of meeting documents', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports a meeting only to roles that may read exempt content', async () => {
    await t.http().get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/document`).expect(401);
    await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/document`)
      .set(bearer(t.tokens.officer))
      .expect(403);
    const document = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/document`)
      .set(bearer(t.tokens.member))
      .expect(200);
    expect(document.body).toMatchObject({
      schemaVersion: 1,
      meeting: { id: SAMPLE.stockportMarch2022 },
    });
  });

  it('round-trips: export, delete, import and export again gives the same document', async () => {
    const original = await exportMeeting(t, SAMPLE.stockportMarch2022);
    // The sample's papers are attached files, deleted with the meeting: as ADR019 moves a
    // meeting, each file is fetched from its document and stored again before the import.
    const papers: { bytes: Buffer; name: string }[] = [];
    const agenda = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    for (const item of agenda.body.items as {
      id: string;
      documents: { id: string; content: { kind: string; file?: { fileName: string } } | null }[];
    }[])
      for (const document of item.documents)
        if (document.content?.kind === 'file')
          papers.push({
            name: document.content.file!.fileName,
            bytes: (
              await t
                .http()
                .get(`/api/v1/agenda-items/${item.id}/documents/${document.id}/file`)
                .set(bearer(t.tokens.clerk))
                .buffer(true)
                .parse((res, done) => {
                  const chunks: Buffer[] = [];
                  res.on('data', (chunk: Buffer) => chunks.push(chunk));
                  res.on('end', () => done(null, Buffer.concat(chunks)));
                })
                .expect(200)
            ).body as Buffer,
          });
    expect(papers.length).toBeGreaterThan(0);
    const meeting = await t
      .http()
      .get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}`)
      .set(bearer(t.tokens.clerk))
      .expect(200);
    await t
      .http()
      .delete(`/api/v1/meetings/${SAMPLE.stockportMarch2022}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(meeting.body.version))
      .expect(204);
    for (const paper of papers)
      await t
        .http()
        .post('/api/v1/files')
        .set(bearer(t.tokens.clerk))
        .attach('file', paper.bytes, { filename: paper.name })
        .expect(201);
    const imported = await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(original)
      .expect(201);
    expect(imported.body).toEqual({
      meetingId: SAMPLE.stockportMarch2022,
      agendaItems: original.agendaItems.length,
      declarations:
        original.declarations.kind === 'made' ? original.declarations.declarations.length : 0,
      minutes: original.minutes?.minutes.length ?? 0,
    });
    expect(await exportMeeting(t, SAMPLE.stockportMarch2022)).toEqual(original);
  });

  it('imports every sample meeting under a new id unchanged (approved minutes, declarations, votes, lists)', async () => {
    for (const id of [
      SAMPLE.stockportJune2021,
      SAMPLE.stockportNovember2021,
      SAMPLE.westSussexNovember2021,
    ]) {
      const copy = withMeetingId(await exportMeeting(t, id), `${id}-copy`);
      await t
        .http()
        .post('/api/v1/imports/meetings')
        .set(bearer(t.tokens.clerk))
        .send(copy)
        .expect(201);
      expect(await exportMeeting(t, `${id}-copy`)).toEqual(copy);
    }
  });

  it('refuses an invalid document with every problem and its JSON path, writing nothing', async () => {
    const bad = withMeetingId(
      await exportMeeting(t, SAMPLE.stockportNovember2021),
      'never-written',
    ) as unknown as {
      meeting: Record<string, unknown>;
      agendaItems: Record<string, unknown>[];
      colour?: string;
    };
    bad.meeting.date = '2021-02-30';
    (bad.agendaItems[0] as Record<string, unknown>).exemption = { paragraph: 9 };
    (bad.agendaItems[1] as Record<string, unknown>).kind = 'party';
    bad.colour = 'red';
    const before = await t
      .http()
      .get('/api/v1/audit-events?limit=1')
      .set(bearer(t.tokens.admin))
      .expect(200);
    const response = await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(bad)
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    // What the schema says is checked with every request (REQUEST.INVALID); the document rules
    // the schema cannot say (references, numbering) answer DOCUMENT.INVALID.
    expect(response.body.code).toBe('REQUEST.INVALID');
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.meeting.date',
        '$.agendaItems[0].exemption.paragraph',
        '$.agendaItems[1].kind',
        '$.colour',
      ]),
    );
    await t.http().get('/api/v1/meetings/never-written').set(bearer(t.tokens.clerk)).expect(404);
    const after = await t
      .http()
      .get('/api/v1/audit-events?limit=1')
      .set(bearer(t.tokens.admin))
      .expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('refuses a document for an unknown committee or an existing meeting, writing nothing', async () => {
    const document = withMeetingId(await exportMeeting(t, SAMPLE.stockportNovember2021), 'orphan');
    const orphan = {
      ...document,
      meeting: { ...document.meeting, committeeId: 'no-such-committee' },
    };
    const unknown = await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(orphan)
      .expect(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ path: '$.meeting.committeeId' }),
    ]);
    const existing = await exportMeeting(t, SAMPLE.stockportNovember2021);
    const duplicate = await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.clerk))
      .send(existing)
      .expect(409);
    expect(duplicate.body.code).toBe('RESOURCE.ALREADY_EXISTS');
    await t.http().get('/api/v1/meetings/orphan').set(bearer(t.tokens.clerk)).expect(404);
  });

  it('imports only for clerks', async () => {
    const document = withMeetingId(
      await exportMeeting(t, SAMPLE.stockportNovember2021),
      'not-allowed',
    );
    await t.http().post('/api/v1/imports/meetings').send(document).expect(401);
    await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.member))
      .send(document)
      .expect(403);
    await t
      .http()
      .post('/api/v1/imports/meetings')
      .set(bearer(t.tokens.officer))
      .send(document)
      .expect(403);
  });

  it('does the same through the CLI: export --out, import FILE… all or nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-cli-'));
    const file = join(dir, 'meeting.json');
    await runCli(t, ['export', '--meeting', SAMPLE.westSussexNovember2021, '--out', file]);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as MeetingDocument;
    expect(exported).toEqual(await exportMeeting(t, SAMPLE.westSussexNovember2021));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(withMeetingId(exported, 'cli-imported')));
    writeFileSync(bad, JSON.stringify({ ...withMeetingId(exported, 'cli-bad'), schemaVersion: 7 }));
    await expect(runCli(t, ['import', good, bad])).rejects.toThrow(
      /bad\.json[\s\S]*\$\.schemaVersion/,
    );
    await t.http().get('/api/v1/meetings/cli-imported').set(bearer(t.tokens.clerk)).expect(404);
    const { err } = await runCli(t, ['import', good]);
    expect(err).toContain('imported meeting cli-imported');
    expect(await exportMeeting(t, 'cli-imported')).toEqual(withMeetingId(exported, 'cli-imported'));
  });

  it('migrates (nothing left to do) and refuses to seed the sample council twice, writing nothing', async () => {
    expect((await runCli(t, ['migrate'])).err).toContain('up to date');
    const before = await t.http().get('/api/v1/meetings').expect(200);
    await expect(runCli(t, ['seed'])).rejects.toThrow(/nothing was written/);
    expect((await t.http().get('/api/v1/meetings').expect(200)).body.total).toBe(before.body.total);
  });

  it('creates, lists and revokes tokens through the CLI; the token alone goes to stdout', async () => {
    const { out } = await runCli(t, [
      'create-token',
      '--role',
      'officer',
      '--name',
      'CFSE lead',
      '--portfolio',
      'CFSE',
    ]);
    const token = out.trim();
    expect(token).toMatch(/^sct_[A-Za-z0-9_-]{43}$/);
    await t.http().post('/api/v1/meetings').set(bearer(token)).send({}).expect(403);
    const listed = JSON.parse((await runCli(t, ['list-tokens', '--json'])).out) as {
      id: string;
      name: string;
      portfolioCodes: string[];
    }[];
    const record = listed.find((r) => r.name === 'CFSE lead');
    expect(record?.portfolioCodes).toEqual(['CFSE']);
    expect(JSON.stringify(listed)).not.toContain(token);
    await runCli(t, ['revoke-token', record?.id ?? '']);
    await t.http().post('/api/v1/meetings').set(bearer(token)).send({}).expect(401);
  });
});
