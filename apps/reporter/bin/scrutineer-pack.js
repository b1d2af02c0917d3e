#!/usr/bin/env node
/* global process */
// The `scrutineer-pack` command: runs the compiled CLI (apps/reporter/src/cli/main.ts).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// This process is ours: let the renderer collect garbage between pages of a long pack, which
// keeps a 3,000-page pack near 250 MB instead of 500 MB (see render-document.ts).
setFlagsFromString('--expose-gc');
globalThis.gc ??= runInNewContext('gc');

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  // Only the CLI itself missing means "not built"; any other missing module is a real error.
  if (
    error?.code !== 'ERR_MODULE_NOT_FOUND' ||
    !String(error.message).includes('dist/cli/main.js')
  ) {
    throw error;
  }
  process.stderr.write(
    'scrutineer-pack is not built yet: run `npm run build -w @scrutineer/reporter` first.\n',
  );
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
