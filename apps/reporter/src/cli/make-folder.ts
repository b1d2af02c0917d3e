import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Creates `folder` and any missing parents one level at a time from the top, and fails at the
 * first level that cannot be made, with the file system's error (its `path` names that level).
 *
 * Not `mkdir(folder, { recursive: true })`: on Node 20 that loops for ever when the file system
 * answers ENOENT for a folder whose parent exists, as /proc does, so
 * `scrutineer-pack sample --out-dir /proc/nope` never returned.
 */
export const makeFolder = async (folder: string): Promise<void> => {
  const levels: string[] = [];
  for (let level = resolve(folder); ; level = dirname(level)) {
    levels.unshift(level);
    if (dirname(level) === level) break;
  }
  for (const level of levels) {
    const existing = await stat(level).catch(() => null);
    if (existing?.isDirectory()) continue;
    if (existing !== null) {
      throw Object.assign(new Error(`${level} is not a folder`), { code: 'ENOTDIR', path: level });
    }
    try {
      await mkdir(level);
    } catch (error) {
      // Made meanwhile by another process: fine if it is a folder.
      if ((error as { code?: unknown }).code === 'EEXIST' && (await stat(level)).isDirectory())
        continue;
      throw Object.assign(error as Error, { path: level });
    }
  }
};
