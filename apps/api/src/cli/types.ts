import type { Command } from 'commander';

export type CliIo = { readonly out: (text: string) => void; readonly err: (text: string) => void };

/** A feature's commands, added to `scrutineer-api`. */
export type CliExtension = (program: Command, io: CliIo) => void;
