import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A folder for the database that cannot be made: names the first folder that failed, and why. */
export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
  constructor(
    readonly directory: string,
    readonly reason: string,
    readonly code: string | undefined,
  ) {
    super(`Cannot create the folder ${directory}: ${reason}.`);
  }
}

const describeCode = (code: string | undefined, fallback: string): string => {
  switch (code) {
    case 'ENOENT':
      // mkdir under /proc (and other virtual file systems) answers ENOENT though the parent exists.
      return 'this file system does not allow folders to be created here';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file of that name is in the way';
    default:
      return fallback;
  }
};

/**
 * Creates `directory` and any missing parents, one level at a time from the top, and stops at the
 * first level that cannot be made with a {@link DirectoryError} naming it.
 *
 * Not `mkdirSync(directory, { recursive: true })`: on Node 20 that loops for ever (at full CPU)
 * when the file system answers ENOENT for a folder whose parent exists, as /proc does, so
 * `DATABASE_URL=sqlite:/proc/nope/db.sqlite scrutineer-api list-tokens` never returned.
 */
export const makeDirectories = (directory: string): void => {
  const levels: string[] = [];
  for (let level = resolve(directory); ; level = dirname(level)) {
    levels.unshift(level);
    if (dirname(level) === level) break;
  }
  for (const level of levels) {
    const existing = statSync(level, { throwIfNoEntry: false });
    if (existing?.isDirectory()) continue;
    if (existing !== undefined)
      throw new DirectoryError(level, describeCode('ENOTDIR', ''), 'ENOTDIR');
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Made meanwhile by another process: fine if it is a folder.
      if (code === 'EEXIST' && statSync(level, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw new DirectoryError(level, describeCode(code, (error as Error).message), code);
    }
  }
};
