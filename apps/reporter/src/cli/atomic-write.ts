import { randomBytes } from 'node:crypto';
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { CliError, EXIT_CODES } from './cli-error.js';

/** The signals that stop the CLI: Ctrl-C, `kill`, and the terminal closing. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Temporary files being written now: each is removed if the process is stopped by a signal. */
const pendingTemporaries = new Set<string>();

/** The temporary files being written now (for the specs). */
export const pendingTemporaryFiles = (): readonly string[] => [...pendingTemporaries];

/** Removes every pending temporary file, synchronously (a signal handler cannot wait). */
export const removePendingTemporaries = (): void => {
  for (const path of pendingTemporaries) rmSync(path, { force: true });
  pendingTemporaries.clear();
};

const stopOnSignal = (signal: NodeJS.Signals): void => {
  removePendingTemporaries();
  // With our listeners gone the signal's default action applies again: raising it once more ends
  // the process as the signal would have (exit status 128 + its number, as a shell reports it).
  for (const name of STOP_SIGNALS) process.removeListener(name, stopOnSignal);
  process.kill(process.pid, signal);
};

/**
 * Registers a temporary file before it is created. The listeners go in synchronously, so from
 * this call on a signal can only be handled by `stopOnSignal`.
 */
const guard = (path: string): void => {
  if (pendingTemporaries.size === 0) {
    for (const name of STOP_SIGNALS) process.on(name, stopOnSignal);
  }
  pendingTemporaries.add(path);
};

/**
 * Forgets a temporary file. Called only in the same synchronous turn as the call that made it
 * disappear (the rename, or the removal), so no signal can be handled in between: a signal
 * handler runs only between turns of the event loop.
 */
const release = (path: string): void => {
  if (!pendingTemporaries.delete(path)) return;
  if (pendingTemporaries.size === 0) {
    for (const name of STOP_SIGNALS) process.removeListener(name, stopOnSignal);
  }
};

/**
 * Writes a file so that it is either complete or absent: `write` fills a temporary file in the
 * target's folder (same file system, so the rename is atomic), which is renamed over the target
 * only when `write` succeeds. On any failure, or on Ctrl-C (SIGINT), SIGTERM or SIGHUP, the
 * temporary file is removed.
 *
 * Race-free by construction: the temporary file is registered (and the signal listeners are on)
 * before it is created, and it is forgotten in the same synchronous turn in which it is renamed or
 * removed. A signal handled before the rename leaves nothing; once the rename is done the target
 * is complete. There is no turn of the event loop in which a signal could find the temporary file
 * unregistered, nor a registered file already renamed.
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
  // Registered first, then created synchronously in the same turn: an asynchronous open's
  // continuation can wait behind a garbage collection, and a Ctrl-C in that gap left the empty
  // file behind.
  guard(tempPath);
  let fd: number;
  try {
    fd = openSync(tempPath, 'wx');
  } catch (error) {
    release(tempPath);
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
    // Resolves once the data is written and the file closed.
    await Promise.race([finished(out), failed]);
    try {
      renameSync(tempPath, target);
    } catch (error) {
      throw unwritable(targetPath, error);
    }
    release(tempPath);
    return result;
  } catch (error) {
    // Destroying the stream closes the file (autoClose).
    await new Promise<void>((resolve) => {
      if (out.closed) resolve();
      else out.once('close', () => resolve()).destroy();
    });
    rmSync(tempPath, { force: true });
    release(tempPath);
    throw error;
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
