import { importExportCommands } from '../imports/imports.cli.js';
import type { CliExtension } from './types.js';

export type { CliExtension, CliIo } from './types.js';

/** Commands that features add to `scrutineer-api`. Add a feature's here. */
export const cliExtensions: CliExtension[] = [importExportCommands];
