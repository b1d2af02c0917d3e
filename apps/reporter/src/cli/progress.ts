/** A stream the CLI writes to; `isTTY` is set on a terminal. */
export type OutputStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

export type Progress = {
  /** Pass as `RenderOptions.onProgress`; undefined when the stream is not a terminal. */
  readonly onProgress: ((pagesDone: number) => void) | undefined;
  /** Clears the progress line. */
  readonly done: () => void;
};

/**
 * A one-line "Rendering …: 120 pages" counter on a terminal, redrawn at most every
 * `intervalMs`. Nothing at all when the stream is a pipe or a file, so logs stay clean.
 */
export const createProgress = (stream: OutputStream, label: string, intervalMs = 100): Progress => {
  if (stream.isTTY !== true) return { onProgress: undefined, done: () => undefined };
  let lastDrawn = 0;
  let hasDrawn = false;
  return {
    onProgress: (pagesDone) => {
      const now = Date.now();
      if (now - lastDrawn < intervalMs) return;
      lastDrawn = now;
      hasDrawn = true;
      stream.write(`\r${label}: ${pagesDone} page${pagesDone === 1 ? '' : 's'}\u001b[K`);
    },
    done: () => {
      if (hasDrawn) stream.write('\r\u001b[K');
    },
  };
};
