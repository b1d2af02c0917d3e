import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EXIT_CODES } from '../src/cli/cli-error.js';
import { adminCliIsBuilt, runAdminCli, SERVER_MAIN, type AdminRun } from './support/admin-cli.js';
import { describeEachDatabase, freshDatabase } from './support/test-app.js';

/**
 * `scrutineer-api` as an operator runs it: the built command in a child process, one exit code
 * per kind of failure, a plain message, and never a hang (each run has a time limit).
 */
beforeAll(() => {
  expect(adminCliIsBuilt()).toBe(true);
});

const expectExit = (run: AdminRun, code: number): void => {
  // One assertion that shows everything when it fails.
  expect({ timedOut: run.timedOut, code: run.code, stderr: run.stderr }).toEqual({
    timedOut: false,
    code,
    stderr: expect.any(String),
  });
};

/** No driver's raw text reaches the operator. */
const expectPlain = (run: AdminRun): void => {
  expect(run.stderr).not.toMatch(
    /SqliteError|ENOENT|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|\bat .+:\d+:\d+\)/,
  );
};

describe('scrutineer-api: usage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-admin-cli-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'usage.sqlite')}` };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every exit code in --help', async () => {
    const run = await runAdminCli(['--help'], env);
    expectExit(run, EXIT_CODES.ok);
    expect(run.stdout).toContain('Exit codes:');
    for (const code of Object.values(EXIT_CODES))
      expect(run.stdout).toMatch(new RegExp(`^  ${code}  \\S`, 'm'));
  });

  it.each([
    ['an unknown command', ['nope']],
    ['no command', []],
    ['a missing option', ['create-token', '--role', 'clerk']],
    ['an option value not allowed', ['create-token', '--role', 'boss', '--name', 'x']],
  ])('exits %s with the usage code', async (_, args) => {
    expectExit(await runAdminCli(args, env), EXIT_CODES.usage);
  });

  it('exits an invalid DATABASE_URL or DATABASE_CONNECT_TIMEOUT_MS with the usage code', async () => {
    const bad = await runAdminCli(['list-tokens'], { DATABASE_URL: 'mysql://x' });
    expectExit(bad, EXIT_CODES.usage);
    expect(bad.stderr).toContain('DATABASE_URL must be');
    const timeout = await runAdminCli(['list-tokens'], {
      DATABASE_URL: 'postgres://u@127.0.0.1/x',
      DATABASE_CONNECT_TIMEOUT_MS: 'soon',
    });
    expectExit(timeout, EXIT_CODES.usage);
    expect(timeout.stderr).toContain('DATABASE_CONNECT_TIMEOUT_MS');
  });
});

describe('scrutineer-api: a database it cannot reach fails, within its time limit, with exit code 6', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-admin-cli-'));
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts connections and never answers, like a server behind a firewall that drops replies.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  // fs.mkdirSync(…, { recursive: true }) spun here at full CPU for ever (Node 20).
  it('a SQLite path under /proc, in seconds, naming the folder it cannot make', async () => {
    const run = await runAdminCli(
      ['list-tokens'],
      { DATABASE_URL: 'sqlite:/proc/nope/db.sqlite' },
      10_000,
    );
    expectExit(run, EXIT_CODES.databaseUnavailable);
    expect(run.stderr).toContain('cannot create its folder /proc/nope');
    expectPlain(run);
  });

  it('the server too: it does not start, and says why in plain words', async () => {
    const run = await runAdminCli(
      [],
      { DATABASE_URL: 'sqlite:/proc/nope/db.sqlite', PORT: '0' },
      20_000,
      SERVER_MAIN,
    );
    expectExit(run, 1);
    expect(run.stderr).toContain('cannot create its folder /proc/nope');
    expectPlain(run);
  });

  it('a SQLite path that is a folder, or a file that is not a database', async () => {
    const folder = await runAdminCli(['list-tokens'], { DATABASE_URL: `sqlite:${dir}` }, 20_000);
    expectExit(folder, EXIT_CODES.databaseUnavailable);
    expect(folder.stderr).toContain(`Cannot open the SQLite database ${dir}`);
    expectPlain(folder);
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database, just text long enough to be read as a header\n'.repeat(4));
    const notDb = await runAdminCli(['list-tokens'], { DATABASE_URL: `sqlite:${junk}` }, 20_000);
    expectExit(notDb, EXIT_CODES.databaseUnavailable);
    expect(notDb.stderr).toContain('not a SQLite database');
    expectPlain(notDb);
  });

  it('a PostgreSQL port nobody listens on', async () => {
    // The silent server's port, once it is closed, is a port nobody listens on.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const run = await runAdminCli(
      ['list-tokens'],
      { DATABASE_URL: `postgres://u:secret@127.0.0.1:${port}/x` },
      20_000,
    );
    expectExit(run, EXIT_CODES.databaseUnavailable);
    expect(run.stderr).toContain(`PostgreSQL at 127.0.0.1:${port}`);
    expect(run.stderr).toContain('nothing is listening');
    expect(run.stderr).not.toContain('secret');
    expectPlain(run);
  });

  it('a PostgreSQL server that never answers, after DATABASE_CONNECT_TIMEOUT_MS', async () => {
    const run = await runAdminCli(
      ['list-tokens'],
      {
        DATABASE_URL: `postgres://u@127.0.0.1:${silentPort}/x`,
        DATABASE_CONNECT_TIMEOUT_MS: '500',
      },
      20_000,
    );
    expectExit(run, EXIT_CODES.databaseUnavailable);
    expect(run.stderr).toContain('no answer within 500 ms');
  });
});

describeEachDatabase('scrutineer-api against a database', (kind) => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let dir: string;
  const cli = (...args: string[]) => runAdminCli(args, { DATABASE_URL: databaseUrl });

  beforeAll(async () => {
    const database = await freshDatabase(kind);
    drop = database.drop;
    databaseUrl =
      database.config.kind === 'sqlite' ? `sqlite:${database.config.path}` : database.config.url;
    dir = mkdtempSync(join(tmpdir(), 'scrutineer-admin-cli-'));
    expectExit(await cli('seed'), EXIT_CODES.ok);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const tokenNames = async (): Promise<string[]> => {
    const run = await cli('list-tokens', '--json');
    expectExit(run, EXIT_CODES.ok);
    return (JSON.parse(run.stdout) as { name: string }[]).map((token) => token.name);
  };

  it('refuses to load the sample council twice (conflict)', async () => {
    const run = await cli('seed');
    expectExit(run, EXIT_CODES.conflict);
    expect(run.stderr).toContain('already loaded; nothing was written');
    expectPlain(run);
  });

  it('refuses a malformed portfolio code (bad input) and an unknown one (not found), creating nothing', async () => {
    const malformed = await cli(
      'create-token',
      '--role',
      'officer',
      '--name',
      'Malformed',
      '--portfolio',
      'nope',
    );
    expectExit(malformed, EXIT_CODES.badInput);
    const unknown = await cli(
      'create-token',
      '--role',
      'officer',
      '--name',
      'Unknown',
      '--portfolio',
      'CFSE',
      '--portfolio',
      'NOPE',
    );
    expectExit(unknown, EXIT_CODES.notFound);
    expect(unknown.stderr).toContain('No portfolio NOPE');
    expect(unknown.stdout).toBe('');
    expect(await tokenNames()).not.toEqual(expect.arrayContaining(['Malformed']));
    expect(await tokenNames()).not.toEqual(expect.arrayContaining(['Unknown']));
    const known = await cli(
      'create-token',
      '--role',
      'officer',
      '--name',
      'Known',
      '--portfolio',
      'CFSE',
    );
    expectExit(known, EXIT_CODES.ok);
    expect(known.stdout.trim()).toMatch(/^sct_[A-Za-z0-9_-]{43}$/);
  });

  it('revokes a token once; again is a conflict; an unknown id is not found', async () => {
    const created = await cli('create-token', '--role', 'clerk', '--name', 'To revoke');
    expectExit(created, EXIT_CODES.ok);
    const id = /token (\S+) for/.exec(created.stderr)?.[1] ?? '';
    expectExit(await cli('revoke-token', id), EXIT_CODES.ok);
    const again = await cli('revoke-token', id);
    expectExit(again, EXIT_CODES.conflict);
    expect(again.stderr).toContain('already revoked');
    const unknown = await cli('revoke-token', randomUUID());
    expectExit(unknown, EXIT_CODES.notFound);
  });

  it('exports an unknown meeting as not found, and refuses a file that is not JSON or not there (bad input)', async () => {
    expectExit(await cli('export', '--meeting', 'nope'), EXIT_CODES.notFound);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ nope');
    const bad = await cli('import', notJson, join(dir, 'missing.json'));
    expectExit(bad, EXIT_CODES.badInput);
    expect(bad.stderr).toContain('not.json: not JSON');
    expect(bad.stderr).toContain('missing.json: cannot be read (no such file)');
    expectPlain(bad);
  });
});
