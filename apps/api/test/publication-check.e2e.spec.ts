// The pre-publication check (GET /meetings/{id}/publication-check), the publication it guards
// (POST …/agenda/publication refuses on errors, publishes with warnings) and `scrutineer-pack
// check --api` against the running API.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createMeeting, reportItem } from './support/meetings.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const SECRET = 'The preferred bidder’s rates are £41.20 an hour';
const MEETING = 'cfsc-2030-06-19';

const findPackBin = (): string => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '@scrutineer', 'reporter', 'bin', 'scrutineer-pack.js');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir) throw new Error('@scrutineer/reporter is not installed');
  }
};

const pack = (
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SCRUTINEER_TOKEN;
    const child = spawn(process.execPath, [findPackBin(), ...args], { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

type Finding = { severity: string; code: string; where: { itemNumber: string | null } };
const summary = (findings: Finding[]) =>
  findings.map((f) => `${f.severity} ${f.code} ${f.where.itemNumber ?? '-'}`);

describeEachDatabase('the pre-publication check and the publication it guards', (kind) => {
  let t: TestApp;
  let api: string;
  const check = () => `/api/v1/meetings/${MEETING}/publication-check`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Built item by item through the API, an agenda can hold what an import refuses: an exempt
    // item (2) with no exclusion-of-the-public item before it. Item 3 names no contact; so does
    // the exempt item, which only a reader of exempt content can be told.
    await createMeeting(t, { id: MEETING, date: '2030-06-19' });
    const items = [
      reportItem({ number: '1', order: 1 }),
      reportItem({
        number: '2',
        order: 2,
        title: 'Home to school transport contract',
        summary: SECRET,
        contacts: [],
        exemption: { paragraph: 3 },
      }),
      reportItem({ number: '3', order: 3, title: 'Youth services', contacts: [] }),
    ];
    for (const item of items) {
      await t
        .http()
        .post(`/api/v1/meetings/${MEETING}/agenda-items`)
        .set(bearer(t.tokens.clerk))
        .send(item)
        .expect(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists what the clerk should fix, errors first, in the confidential edition for a clerk', async () => {
    const response = await t.http().get(check()).set(bearer(t.tokens.clerk)).expect(200);
    expect(response.body).toMatchObject({
      meetingId: MEETING,
      edition: 'confidential',
      canPublish: false,
      errorCount: 1,
      warningCount: 2,
    });
    expect(summary(response.body.findings)).toEqual([
      'error AGENDA.NO_EXCLUSION_ITEM 2',
      'warning REPORT.NO_CONTACT 2',
      'warning REPORT.NO_CONTACT 3',
    ]);
    expect(response.body.findings[0].where.path).toBe('$.agendaItems[1].exemption');
  });

  it('checks the public edition for an officer: the exempt item by number and title, nothing of its content', async () => {
    const response = await t.http().get(check()).set(bearer(t.tokens.officer)).expect(200);
    expect(response.body.edition).toBe('public');
    expect(summary(response.body.findings)).toEqual([
      'error AGENDA.NO_EXCLUSION_ITEM 2',
      'warning REPORT.NO_CONTACT 3',
    ]);
    expect(JSON.stringify(response.body)).not.toContain(SECRET);
  });

  it('is for clerks and officers: 401 without a token, 403 for a member, 404 for an unknown meeting', async () => {
    await t.http().get(check()).expect(401);
    await t.http().get(check()).set(bearer(t.tokens.member)).expect(403);
    const missing = await t
      .http()
      .get('/api/v1/meetings/no-such-meeting/publication-check')
      .set(bearer(t.tokens.clerk))
      .expect(404);
    expect(missing.body.code).toBe('RESOURCE.NOT_FOUND');
  });

  it('scrutineer-pack check --api prints the same findings and exits 7 on errors', async () => {
    const run = await pack('check', '--meeting', MEETING, '--api', api, '--token', t.tokens.clerk);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(7);
    expect(run.stdout).toContain('1 error, 2 warnings:');
    expect(run.stdout).toContain(
      'ERROR   item 2 [AGENDA.NO_EXCLUSION_ITEM] at $.agendaItems[1].exemption',
    );
    const json = await pack(
      'check',
      '--meeting',
      MEETING,
      '--api',
      api,
      '--token',
      t.tokens.clerk,
      '--json',
    );
    expect(json.code).toBe(7);
    const fromApi = await t.http().get(check()).set(bearer(t.tokens.clerk)).expect(200);
    const printed = JSON.parse(json.stdout) as { findings: unknown; edition: string };
    expect(printed.edition).toBe('confidential');
    expect(printed.findings).toEqual(fromApi.body.findings);
    // Without a token the API refuses (401): exit 6, saying a token is needed.
    const anonymous = await pack('check', '--meeting', MEETING, '--api', api);
    expect(anonymous.code).toBe(6);
    expect(anonymous.stderr).toContain('needs a token');
  });

  it('refuses to publish while there is an error, with the findings in the problem, and changes nothing', async () => {
    const before = await t.http().get(`/api/v1/meetings/${MEETING}`).set(bearer(t.tokens.clerk));
    const refused = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda/publication`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(before.body.version))
      .expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'PUBLICATION.HAS_ERRORS', status: 409 });
    expect(refused.body.detail).toContain('Item 2 is exempt');
    expect(summary(refused.body.data.errors)).toEqual(['error AGENDA.NO_EXCLUSION_ITEM 2']);
    expect(summary(refused.body.data.warnings)).toEqual([
      'warning REPORT.NO_CONTACT 2',
      'warning REPORT.NO_CONTACT 3',
    ]);
    const after = await t.http().get(`/api/v1/meetings/${MEETING}`).set(bearer(t.tokens.clerk));
    expect(after.body).toMatchObject({
      status: 'scheduled',
      agendaPublishedAt: null,
      version: before.body.version,
    });
  });

  it('publishes once the error is fixed, answering with the warnings it was published with', async () => {
    await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(
        reportItem({
          number: '1a',
          order: 2,
          kind: 'exclusion-of-public',
          title: 'Exclusion of the public',
          summary: null,
          recommendations: null,
          reportOf: [],
          contacts: [],
          documents: [],
        }),
      )
      .expect(201);
    const ready = await t.http().get(check()).set(bearer(t.tokens.clerk)).expect(200);
    expect(ready.body).toMatchObject({ canPublish: true, errorCount: 0, warningCount: 2 });
    const meeting = await t.http().get(`/api/v1/meetings/${MEETING}`).set(bearer(t.tokens.clerk));
    const published = await t
      .http()
      .post(`/api/v1/meetings/${MEETING}/agenda/publication`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(meeting.body.version))
      .expect(200);
    expect(published.body.meeting.status).toBe('agenda-published');
    expect(published.body.isOnTime).toBe(true);
    expect(summary(published.body.warnings)).toEqual([
      'warning REPORT.NO_CONTACT 2',
      'warning REPORT.NO_CONTACT 3',
    ]);
    // Once published, the deadline is judged at the recorded time.
    const after = await t.http().get(check()).set(bearer(t.tokens.clerk)).expect(200);
    expect(after.body.judgedAt).toBe(published.body.publishedAt);
  });
});
