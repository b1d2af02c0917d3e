import { randomBytes } from 'node:crypto';
import { createWriteStream, openSync, rmSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { CliError, EXIT_CODES } from './cli-error.js';

/**
 * Writes a file so that it is either complete or absent: `write` fills a temporary file in the
 * target's folder (same file system, so the rename is atomic), which is renamed over the target
 * only when `write` succeeds. On any failure, or on Ctrl-C, the temporary file is removed.
 */
export const writeFileAtomically = async <T>(
  targetPath: string,
  write: (out: NodeJS.WritableStream) => Promise<T>,
): Promise<T> => {
  const target = resolve(targetPath);
  await assertWritableTarget(targetPath, target);
  const tempPath = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const removeOnSignal = (signal: NodeJS.Signals): void => {
    rmSync(tempPath, { force: true });
    process.kill(process.pid, signal);
  };
  // The handlers go in first and the file is created synchronously in the same turn of the event
  // loop, so it never exists without them: an asynchronous open's continuation can wait behind a
  // garbage collection, and a Ctrl-C in that gap left the empty file behind.
  process.once('SIGINT', removeOnSignal);
  process.once('SIGTERM', removeOnSignal);
  let fd: number;
  try {
    fd = openSync(tempPath, 'wx');
  } catch (error) {
    process.removeListener('SIGINT', removeOnSignal);
    process.removeListener('SIGTERM', removeOnSignal);
    throw unwritable(targetPath, error);
  }
  const out = createWriteStream(tempPath, { fd });
  try {
    // A write error (disk full) may leave the renderer waiting for a stream that will never drain.
    const failed = new Promise<never>((_, reject) =>
      out.once('error', (error) => reject(unwritable(targetPath, error))),
    );
    const result = await Promise.race([write(out), failed]);
    if (!out.writableEnded) out.end();
    await Promise.race([finished(out), failed]);
    await rename(tempPath, target).catch((error: unknown) => {
      throw unwritable(targetPath, error);
    });
    return result;
  } catch (error) {
    // Destroying the stream closes the file (autoClose).
    await new Promise<void>((resolve) => {
      if (out.closed) resolve();
      else out.once('close', () => resolve()).destroy();
    });
    await rm(tempPath, { force: true });
    throw error;
  } finally {
    process.removeListener('SIGINT', removeOnSignal);
    process.removeListener('SIGTERM', removeOnSignal);
  }
};

/** Fails early, before any rendering, on a path that cannot take a file. */
const assertWritableTarget = async (shownPath: string, target: string): Promise<void> => {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw new CliError(EXIT_CODES.unwritable, `Cannot write ${shownPath}: it is a folder.`);
  }
  const folder = await stat(dirname(target)).catch(() => null);
  if (folder === null) {
    throw new CliError(
      EXIT_CODES.unwritable,
      `Cannot write ${shownPath}: the folder ${dirname(target)} does not exist.`,
    );
  }
  if (!folder.isDirectory()) {
    throw new CliError(
      EXIT_CODES.unwritable,
      `Cannot write ${shownPath}: ${dirname(target)} is not a folder.`,
    );
  }
};

const unwritable = (shownPath: string, error: unknown): CliError =>
  error instanceof CliError
    ? error
    : new CliError(EXIT_CODES.unwritable, `Cannot write ${shownPath}: ${describeFsError(error)}.`);

export const describeFsError = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
};
