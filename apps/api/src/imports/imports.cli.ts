import { readFile, writeFile } from 'node:fs/promises';
import type { MeetingDocument } from '@scrutineer/domain';
import { systemCaller } from '../auth/caller.js';
import { CliError, EXIT_CODES, toCliError } from '../cli/cli-error.js';
import type { CliExtension } from '../cli/types.js';
import { withDataSource } from '../cli/with-data-source.js';
import { ApiError } from '../common/problem.js';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { prepareDatabase } from '../database/prepare.js';
import { readMeetingDocument } from '../meetings/meeting-document.store.js';
import { importMeetingDocument, validateMeetingDocument } from './imports.service.js';

const describeError = (file: string, error: unknown): string => {
  if (error instanceof ApiError && error.errors.length > 0) {
    return `${file}: ${error.message}\n${error.errors.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`;
  }
  if (error instanceof SyntaxError) return `${file}: not JSON (${error.message})`;
  if (
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { syscall?: unknown }).syscall
  )
    return `${file}: cannot be read (${describeFsError(error)})`;
  return `${file}: ${(error as Error).message}`;
};

const describeFsError = (error: unknown): string => {
  switch ((error as { code?: unknown }).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return (error as Error).message;
  }
};

/** `import FILE…` (all files in one transaction: all or nothing) and `export --meeting ID [--out FILE]`. */
export const importExportCommands: CliExtension = (program, io) => {
  program
    .command('import')
    .description(
      'Import meeting documents (JSON, the shape GET /api/v1/meetings/{id}/document returns). All files or none.',
    )
    .argument('<files...>', 'one JSON file per meeting')
    .action((files: string[]) =>
      withDataSource(async (dataSource) => {
        await prepareDatabase(dataSource, { seedIfNew: false });
        const documents: { file: string; document: MeetingDocument }[] = [];
        const failures: string[] = [];
        for (const file of files) {
          try {
            documents.push({
              file,
              document: validateMeetingDocument(
                JSON.parse(await readFile(file, 'utf8')) as unknown,
              ),
            });
          } catch (error) {
            failures.push(describeError(file, error));
          }
        }
        if (failures.length > 0)
          throw new CliError(EXIT_CODES.badInput, `nothing was imported:\n${failures.join('\n')}`);
        await dataSource.transaction(async (manager) => {
          for (const { file, document } of documents) {
            try {
              const result = await importMeetingDocument(
                manager,
                document,
                systemCaller('scrutineer-api import'),
              );
              io.err(
                `${file}: imported meeting ${result.meetingId} (${result.agendaItems} agenda items, ${result.minutes} minutes)\n`,
              );
            } catch (error) {
              // A meeting that is already there is a conflict, a document that does not fit the
              // database bad input; a database that stops answering is withDataSource's to say.
              if (isDatabaseUnavailable(error)) throw error;
              throw new CliError(
                toCliError(error).exitCode,
                `nothing was imported:\n${describeError(file, error)}`,
              );
            }
          }
        });
      }),
    );

  program
    .command('export')
    .description('Write one meeting as a document (JSON) that `import` reads back unchanged.')
    .requiredOption('--meeting <id>', 'the meeting id')
    .option('--out <file>', 'write to this file instead of stdout')
    .action((options: { meeting: string; out?: string }) =>
      withDataSource(async (dataSource) => {
        const document = await readMeetingDocument(dataSource.manager, options.meeting);
        if (document === null)
          throw new CliError(
            EXIT_CODES.notFound,
            `No meeting with id ${JSON.stringify(options.meeting)}.`,
          );
        const text = `${JSON.stringify(document, null, 2)}\n`;
        if (options.out === undefined) io.out(text);
        else {
          await writeFile(options.out, text);
          io.err(`Wrote ${options.out}\n`);
        }
      }),
    );
};
