import type { RenderOptions, RenderSummary } from '../index.js';
import { writeFileAtomically } from './atomic-write.js';
import { createProgress, type OutputStream } from './progress.js';

/** Where the CLI prints: the process's stdout and stderr, or captured streams in tests. */
export type CliIo = { readonly stdout: OutputStream; readonly stderr: OutputStream };

export type RenderToFile = (
  io: CliIo,
  outPath: string,
  label: string,
  render: (out: NodeJS.WritableStream, options: RenderOptions) => Promise<RenderSummary>,
) => Promise<RenderSummary>;

/** Renders into `outPath` atomically, with a progress line on a terminal; prints warnings and the result. */
export const renderToFile: RenderToFile = async (io, outPath, label, render) => {
  const progress = createProgress(io.stderr, label);
  let summary: RenderSummary;
  try {
    summary = await writeFileAtomically(outPath, (out) =>
      render(out, progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
    );
  } finally {
    progress.done();
  }
  for (const warning of summary.warnings) io.stderr.write(`warning: ${warning}\n`);
  io.stdout.write(`Wrote ${outPath} (${summary.pages} page${summary.pages === 1 ? '' : 's'})\n`);
  return summary;
};
