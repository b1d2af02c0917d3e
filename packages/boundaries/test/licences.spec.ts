// The licence guard (scripts/check-licences.mjs, ADR009) is only real if it refuses what it
// should. Each case writes a small lock file with one planted entry and runs the real script on
// it; the repository's own lock must pass.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot as root } from './workspace-copy.js';
const script = join(root, 'scripts/check-licences.mjs');

type Entry = { name?: string; version: string; license?: string; dev?: boolean };

const check = (lockPath: string) => {
  const result = spawnSync(process.execPath, [script, lockPath], { encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

describe('the licence check', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'licences-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const lockWith = (entries: Record<string, Entry>): string => {
    const path = join(folder, `lock-${Object.keys(entries).join('-').replace(/\W/g, '_')}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        packages: { '': { name: 'scrutineer', version: '0.1.0', license: 'MIT' }, ...entries },
      }),
    );
    return path;
  };

  it('accepts the repository’s own lock', () => {
    const result = check(join(root, 'package-lock.json'));
    expect(result).toMatchObject({ status: 0 });
    expect(result.out).toMatch(/^Licences: all \d+ lock entries accepted\./);
  });

  it.each<[string, Entry, string]>([
    [
      'a copyleft runtime dependency',
      { version: '1.0.0', license: 'GPL-3.0-only' },
      'GPL-3.0-only',
    ],
    ['no licence at all', { version: '1.0.0' }, '(none)'],
    [
      'an MPL package that is not the decided dev-only one',
      { version: '1.0.0', license: 'MPL-2.0', dev: true },
      'MPL-2.0',
    ],
    ['a non-SPDX word for a package nobody read', { version: '1.0.0', license: 'BSD' }, 'BSD'],
  ])('refuses %s', (_why, entry, shown) => {
    const result = check(lockWith({ 'node_modules/planted': entry }));
    expect(result.status).toBe(1);
    expect(result.out).toContain(`planted@1.0.0${entry.dev ? ' (dev)' : ''}: ${shown}`);
  });

  it('reads duck’s "BSD" as the two-clause text its LICENSE holds, and only that word', () => {
    expect(
      check(lockWith({ 'node_modules/duck': { version: '0.1.12', license: 'BSD' } })),
    ).toMatchObject({
      status: 0,
    });
    const changed = check(
      lockWith({ 'node_modules/duck': { version: '0.2.0', license: 'GPL-2.0-only' } }),
    );
    expect(changed.status).toBe(1);
    expect(changed.out).toContain('duck@0.2.0: GPL-2.0-only');
  });
});
