import type { Command } from 'commander';

export type CliIo = { readonly out: (text: string) => void; readonly err: (text: string) => void };

/** Commands that features add to `scrutineer-api` (import, export …). */
export type CliExtension = (program: Command, io: CliIo) => void;

export const cliExtensions: CliExtension[] = [];
