import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DirectoryError, makeDirectories } from './make-directories.js';

describe('makeDirectories', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'scrutineer-mkdir-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates every missing level, and accepts folders that exist', () => {
    const deep = join(root, 'a', 'b', 'c');
    makeDirectories(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(() => makeDirectories(deep)).not.toThrow();
  });

  it('names the level a file is in the way of', () => {
    writeFileSync(join(root, 'file'), '');
    expect(() => makeDirectories(join(root, 'file', 'db'))).toThrow(
      new DirectoryError(join(root, 'file'), 'a file of that name is in the way', 'ENOTDIR'),
    );
  });

  // The /proc case (where mkdirSync(…, { recursive: true }) spins for ever) is in
  // test/admin-cli.e2e.spec.ts: it runs the CLI in a child process with a time limit, which a
  // synchronous spin inside this process would defeat.
});
