import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, afterEach, expect, it } from '@jest/globals';
import { sampleIds } from '@scrutineer/sample-council';
import { SAMPLE } from './support/documents.js';
import { everythingIn, fetchPdf, parsePdf } from './support/pdf.js';
import { createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

/**
 * `scrutineer-pack --api` against this API, running: the reporter's installed command (its built
 * CLI, as `npx scrutineer-pack` runs it) in a child process, talking HTTP to the app listening on a
 * free port. It lives here, not in apps/reporter, because the reporter may not depend on the API
 * (dependency-cruiser), while the API already depends on the reporter, so turbo builds the CLI
 * before these tests run.
 */
const findPackBin = (): string => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '@scrutineer', 'reporter', 'bin', 'scrutineer-pack.js');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir) throw new Error('@scrutineer/reporter is not installed');
  }
};
const PACK = findPackBin();

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs scrutineer-pack without SCRUTINEER_TOKEN from this environment, asynchronously (the API answers meanwhile). */
const pack = (...args: string[]): Promise<Run> =>
  new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SCRUTINEER_TOKEN;
    const child = spawn(process.execPath, [PACK, ...args], { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

// scrutineer-pack's exit codes (apps/reporter/src/cli/cli-error.ts, printed by --help).
const EXIT = { ok: 0, usage: 2, notFound: 4, apiError: 6 } as const;

/**
 * A meeting with an exempt item and no attached files: `--api` prints an attached file as a notice
 * (it reads the data set, not the files), so Stockport's March meeting, whose sample papers the
 * seed attaches, is drawn differently from the API's pack, which merges them.
 */
const MEETING = SAMPLE.flintshireJanuary2022;

describeEachDatabase('scrutineer-pack --api against the running API', (kind) => {
  let t: TestApp;
  let api: string;
  let folder: string;

  const pdf = async (path: string, token?: string): Promise<Buffer> =>
    (await fetchPdf(t, path, token).expect(200)).body as Buffer;

  beforeAll(async () => {
    expect(existsSync(join(dirname(PACK), '..', 'dist', 'cli', 'main.js'))).toBe(true);
    t = await createTestApp(kind);
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scrutineer-pack-api-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the public pack with no token: the very bytes the API serves as its public PDF', async () => {
    const out = join(folder, 'public.pdf');
    const run = await pack('agenda', '--meeting', MEETING, '--api', api, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(new RegExp(`^Wrote ${out} \\(\\d+ pages\\)\\n$`));
    expect(await readFile(out)).toEqual(await pdf(`/api/v1/meetings/${MEETING}/agenda-pack.pdf`));
  }, 60_000);

  it('writes the confidential pack with a clerk token, as the API serves it', async () => {
    const out = join(folder, 'confidential.pdf');
    const run = await pack(
      'agenda',
      '--meeting',
      MEETING,
      '--edition',
      'confidential',
      '--api',
      `${api}/api/v1/`,
      '--token',
      t.tokens.clerk,
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    const written = await readFile(out);
    expect(everythingIn(await parsePdf(written))).toContain('NOT FOR PUBLICATION');
    expect(written).toEqual(
      await pdf(`/api/v1/meetings/${MEETING}/agenda-pack.pdf?edition=confidential`, t.tokens.clerk),
    );
  }, 60_000);

  it('writes minutes and a PPRR with no token, as the API serves them', async () => {
    const minutes = join(folder, 'minutes.pdf');
    const report = join(folder, 'pprr.pdf');
    const runs = await Promise.all([
      pack('minutes', '--meeting', SAMPLE.westSussexNovember2021, '--api', api, '--out', minutes),
      pack('report', '--report', sampleIds.cfseQ3Update2021, '--api', api, '--out', report),
    ]);
    expect(runs.map((run) => [run.code, run.stderr])).toEqual([
      [EXIT.ok, ''],
      [EXIT.ok, ''],
    ]);
    expect(await readFile(minutes)).toEqual(
      await pdf(`/api/v1/meetings/${SAMPLE.westSussexNovember2021}/minutes.pdf`),
    );
    expect(await readFile(report)).toEqual(
      await pdf(`/api/v1/reports/${sampleIds.cfseQ3Update2021}.pdf`),
    );
  }, 60_000);

  it('refuses the confidential edition without a token, or with one that may not read it, and writes nothing', async () => {
    const args = ['agenda', '--meeting', MEETING, '--edition', 'confidential', '--api', api];
    const out = ['--out', join(folder, 'pack.pdf')];
    const runs = await Promise.all([
      pack(...args, ...out),
      pack(...args, '--token', t.tokens.officer, ...out),
      pack(...args, '--token', 'not-a-token', ...out),
    ]);
    expect(runs.map(({ code, stderr }) => ({ code, stderr }))).toEqual([
      {
        code: EXIT.usage,
        stderr:
          'scrutineer-pack: The confidential edition holds exempt information: pass a clerk or member token with --token or SCRUTINEER_TOKEN (the public edition needs none).\n',
      },
      {
        code: EXIT.apiError,
        stderr: `scrutineer-pack: The token may not read GET /api/v1/meetings/${MEETING}/dataset (403 Forbidden): The confidential edition holds exempt information: it needs a clerk or member token.\n`,
      },
      {
        code: EXIT.apiError,
        stderr: expect.stringMatching(
          new RegExp(
            `^scrutineer-pack: The API refused the token for GET /api/v1/meetings/${MEETING}/dataset \\(401 Unauthorized\\)`,
          ),
        ),
      },
    ]);
    expect(await readdir(folder)).toEqual([]);
  }, 60_000);

  it('says when the API has no such meeting or report, and writes nothing', async () => {
    const runs = await Promise.all([
      pack('agenda', '--meeting', 'nope', '--api', api, '--out', join(folder, 'a.pdf')),
      pack(
        'agenda',
        '--meeting',
        'nope',
        '--edition',
        'confidential',
        '--api',
        api,
        '--token',
        t.tokens.member,
        '--out',
        join(folder, 'b.pdf'),
      ),
      pack('report', '--report', 'nope', '--api', api, '--out', join(folder, 'c.pdf')),
    ]);
    expect(runs.map(({ code, stderr }) => ({ code, stderr }))).toEqual([
      {
        code: EXIT.notFound,
        stderr: `scrutineer-pack: No meeting "nope" at ${api}.\n  An unpublished meeting is found only with a token (--token or SCRUTINEER_TOKEN).\n`,
      },
      { code: EXIT.notFound, stderr: `scrutineer-pack: No meeting "nope" at ${api}.\n` },
      { code: EXIT.notFound, stderr: `scrutineer-pack: No performance report "nope" at ${api}.\n` },
    ]);
    expect(await readdir(folder)).toEqual([]);
  }, 60_000);
});
