/**
 * The real parts, on free ports: the built API (apps/api/dist/main.js) on a temporary SQLite
 * database, which it migrates and loads with the sample council on its first start, and the
 * site's server reading it over HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWebServer, type WebServer } from '../../src/server.js';

const API_ROOT = dirname(createRequire(import.meta.url).resolve('@scrutineer/api/package.json'));
const API_MAIN = join(API_ROOT, 'dist', 'main.js');
/** The API's admin command (`scrutineer-api`), run against the same database. */
const API_CLI = join(API_ROOT, 'bin', 'scrutineer-api.js');

export type RunningApi = {
  readonly url: string;
  readonly stop: () => Promise<void>;
  /**
   * A new bearer token for `role`, made by the API's own `create-token` command on the API's
   * database: for a test that writes through the API what the public must then not read.
   */
  readonly token: (role: 'clerk' | 'member' | 'officer') => Promise<string>;
};

export const startApi = async (): Promise<RunningApi> => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-web-test-'));
  const { REDIS_URL: _redis, DATABASE_URL: _database, ...inherited } = process.env;
  const databaseUrl = `sqlite:${join(dir, 'site.sqlite')}`;
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The site is one anonymous client making many requests; the limit is not under test here.
      RATE_LIMIT_ANONYMOUS: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the API did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Scrutineer API on (http:\/\/[^/\s]+)\/api\/v1/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before listening: ${out}`));
    });
  });
  child.stdout!.resume();
  return {
    url,
    token: (role) =>
      new Promise<string>((resolve, reject) => {
        const cli = spawn(
          process.execPath,
          [API_CLI, 'create-token', '--role', role, '--name', `site test ${role}`],
          { env: { ...inherited, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        cli.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        cli.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
        cli.on('error', reject);
        cli.on('close', (code) =>
          code === 0 && out.trim() !== ''
            ? resolve(out.trim())
            : reject(new Error(`create-token exited ${code}: ${err}`)),
        );
      }),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type RunningSite = WebServer & { readonly url: string; readonly stop: () => Promise<void> };

export const startSite = async (apiUrl: string): Promise<RunningSite> => {
  const site = createWebServer(apiUrl);
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  const { port } = site.server.address() as AddressInfo;
  return {
    ...site,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        site.server.closeAllConnections();
        site.server.close(() => resolve());
      }),
  };
};

/** A port nothing listens on: a server opened and closed. */
export const closedPort = async (): Promise<number> => {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};
