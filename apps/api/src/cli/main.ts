import 'reflect-metadata';
import { ConfigError } from '../config/config.js';
import { buildProgram } from './program.js';

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};

buildProgram(io)
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    io.err(
      `scrutineer-api: ${error instanceof ConfigError ? error.message : (error as Error).message}\n`,
    );
    process.exit(1);
  });
