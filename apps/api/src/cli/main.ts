import 'reflect-metadata';
import { CommanderError } from 'commander';
import { EXIT_CODES, toCliError, type ExitCode } from './cli-error.js';
import { buildProgram, type CliIo } from './program.js';

const io: CliIo = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};

const run = async (): Promise<ExitCode> => {
  try {
    await buildProgram(io).parseAsync(process.argv);
    return EXIT_CODES.ok;
  } catch (error) {
    // Commander has already printed its message (and the help, for a usage error).
    if (error instanceof CommanderError) return toCliError(error).exitCode;
    const failure = toCliError(error);
    io.err(
      `scrutineer-api: ${failure.message}\n${failure.details.map((line) => `  ${line}\n`).join('')}`,
    );
    return failure.exitCode;
  }
};

void run().then((code) => {
  // Exit even if a driver left a socket or timer behind: the CLI must never hang after it is done.
  // stdout and stderr are synchronous for files and pipes, so nothing printed is lost.
  process.exit(code);
});
