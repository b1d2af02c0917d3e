/** Runs the `scrutineer-pack` CLI in-process, capturing what it prints, for the CLI's specs. */
import { PassThrough } from 'node:stream';
import type { ExitCode } from '../src/cli/cli-error.js';
import { main } from '../src/cli/main.js';

export const runCli = async (
  ...argv: string[]
): Promise<{ code: ExitCode; stdout: string; stderr: string }> => {
  const capture = () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return { stream: Object.assign(stream, { isTTY: false }), text: () => text };
  };
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
};
