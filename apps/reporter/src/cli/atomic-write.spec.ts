import { jest } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, EXIT_CODES } from './cli-error.js';
import {
  pendingTemporaryFiles,
  removePendingTemporaries,
  writeFileAtomically,
} from './atomic-write.js';

describe(writeFileAtomically.name, () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scrutineer-atomic-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const writeText =
    (text: string) =>
    async (out: NodeJS.WritableStream): Promise<string> => {
      out.write(text);
      out.end();
      return 'written';
    };

  it('writes the file and leaves nothing else in the folder', async () => {
    const target = join(folder, 'pack.pdf');
    await expect(writeFileAtomically(target, writeText('%PDF-1.7 body'))).resolves.toBe('written');
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 body');
    expect(await readdir(folder)).toEqual(['pack.pdf']);
  });

  it('ends the stream itself when the writer does not', async () => {
    const target = join(folder, 'pack.pdf');
    await writeFileAtomically(target, async (out) => {
      out.write('half');
    });
    expect(await readFile(target, 'utf8')).toBe('half');
  });

  it('replaces an existing file only on success', async () => {
    const target = join(folder, 'pack.pdf');
    await writeFile(target, 'old pack');
    await writeFileAtomically(target, writeText('new pack'));
    expect(await readFile(target, 'utf8')).toBe('new pack');
  });

  it('removes the partial file and keeps the old one when the writer fails half way', async () => {
    const target = join(folder, 'pack.pdf');
    await writeFile(target, 'old pack');
    const failing = writeFileAtomically(target, async (out) => {
      out.write('%PDF-1.7 half a pack');
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('layout failed on page 12');
    });
    await expect(failing).rejects.toThrow('layout failed on page 12');
    expect(await readdir(folder)).toEqual(['pack.pdf']);
    expect(await readFile(target, 'utf8')).toBe('old pack');
  });

  it.each([
    [
      'a folder that does not exist',
      (dir: string) => join(dir, 'missing', 'pack.pdf'),
      /folder .* does not exist/,
    ],
    ['a path that is a folder', (dir: string) => dir, /it is a folder/],
    ['a path under a file', (dir: string) => join(dir, 'file.txt', 'pack.pdf'), /is not a folder/],
  ])('refuses %s before writing anything', async (_, makePath, message) => {
    await writeFile(join(folder, 'file.txt'), 'x');
    const writer = jest.fn(writeText('never'));
    const attempt = writeFileAtomically(makePath(folder), writer);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toMatchObject({ exitCode: EXIT_CODES.unwritable });
    expect(writer).not.toHaveBeenCalled();
    expect((await readdir(folder)).sort()).toEqual(['file.txt']);
  });

  // Pins a bug: the temporary file was opened asynchronously before the Ctrl-C handler was
  // installed, and the open's continuation can wait behind a garbage collection, so a Ctrl-C in
  // that gap killed the process and left the empty temporary file (cli-process.e2e.spec.ts
  // failed about one run in five).
  it('never lets the temporary file exist without its Ctrl-C and SIGTERM handlers', async () => {
    const target = join(folder, 'pack.pdf');
    const before = {
      SIGINT: process.listenerCount('SIGINT'),
      SIGTERM: process.listenerCount('SIGTERM'),
    };
    const unguarded: string[] = [];
    let isDone = false;
    // Looks at the folder on every turn of the event loop while the file is opened and written.
    const watch = (): void => {
      const hasTemp = readdirSync(folder).some((name) => name.endsWith('.tmp'));
      if (
        hasTemp &&
        (process.listenerCount('SIGINT') <= before.SIGINT ||
          process.listenerCount('SIGTERM') <= before.SIGTERM)
      ) {
        unguarded.push('temporary file without handlers');
      }
      if (!isDone) setImmediate(watch);
    };
    setImmediate(watch);
    for (let run = 0; run < 20; run += 1) {
      await writeFileAtomically(target, async (out) => {
        await new Promise((resolve) => setImmediate(resolve));
        out.write('%PDF-1.7');
      });
    }
    isDone = true;
    expect(unguarded).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(before.SIGINT);
    expect(process.listenerCount('SIGTERM')).toBe(before.SIGTERM);
  });

  // A signal is handled between turns of the event loop, and its handler removes the pending
  // temporary files, so what must hold at every turn is: each temporary file in the folder is
  // pending (none was forgotten before its rename or removal was done), and the target, if there,
  // is complete. Checked on every turn of 20 writes, from before the file exists to after the rename.
  it('at every turn of the event loop, every temporary file is pending and the target is complete or absent', async () => {
    const target = join(folder, 'pack.pdf');
    const chunks = ['%PDF-1.7 ', 'page 1 ', 'page 2 ', 'page 3 ', '%%EOF'];
    const complete = chunks.join('');
    const broken: string[] = [];
    let turns = 0;
    let isDone = false;
    const watch = (): void => {
      turns += 1;
      const pending = new Set(pendingTemporaryFiles());
      for (const name of readdirSync(folder)) {
        if (name.endsWith('.tmp') && !pending.has(join(folder, name)))
          broken.push(`${name} not pending`);
        if (name === 'pack.pdf' && readFileSync(target, 'utf8') !== complete)
          broken.push('partial pack.pdf');
      }
      if (!isDone) setImmediate(watch);
    };
    setImmediate(watch);
    for (let run = 0; run < 20; run += 1) {
      rmSync(target, { force: true }); // synchronous: never half-done when the watcher looks
      await writeFileAtomically(target, async (out) => {
        for (const chunk of chunks) {
          out.write(chunk);
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
      for (let after = 0; after < 3; after += 1) await new Promise((r) => setImmediate(r));
    }
    isDone = true;
    expect(broken).toEqual([]);
    expect(turns).toBeGreaterThan(20 * chunks.length);
    expect(pendingTemporaryFiles()).toEqual([]);
  });

  it('leaves nothing when a signal is handled in the middle of a write (what its handler does)', async () => {
    const target = join(folder, 'pack.pdf');
    let stopped: string[] | null = null;
    const attempt = writeFileAtomically(target, async (out) => {
      out.write('%PDF-1.7 half a pack');
      await new Promise((resolve) => setImmediate(resolve));
      removePendingTemporaries();
      stopped = readdirSync(folder);
      out.write(' and the rest');
    });
    // The process would have ended; here the write goes on and cannot rename a file that is gone.
    await expect(attempt).rejects.toMatchObject({ exitCode: EXIT_CODES.unwritable });
    expect(stopped).toEqual([]);
    expect(existsSync(target)).toBe(false);
    expect(pendingTemporaryFiles()).toEqual([]);
  });

  it('reports a failing stream as an unwritable path and removes the temporary file', async () => {
    const target = join(folder, 'pack.pdf');
    const attempt = writeFileAtomically(target, async (out) => {
      out.emit('error', Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
      await new Promise(() => undefined); // a renderer that would wait for ever
    });
    await expect(attempt).rejects.toEqual(
      new CliError(EXIT_CODES.unwritable, `Cannot write ${target}: the disk is full.`),
    );
    expect(await readdir(folder)).toEqual([]);
  });
});
