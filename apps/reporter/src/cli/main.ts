import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CouncilDataset, MeetingDocument, PerformanceReport } from '@scrutineer/domain';
import {
  isReporterError,
  renderAgendaPack,
  renderMinutes,
  renderPerformanceReport,
  type Edition,
  type RenderOptions,
  type ReporterErrorCode,
} from '../index.js';
import { fetchCheck, parseAt, printCheck, runCheck } from './check-command.js';
import { filesBesideDataset, printsAttachedFiles } from './attached-files.js';
import { CliError, EXIT_CODES, describeExitCodes, type ExitCode } from './cli-error.js';
import { describeSource, loadDataset, type DatasetSource } from './dataset-source.js';
import { renderToFile, type CliIo } from './render-to-file.js';
import { writeSampleDocuments } from './sample-command.js';

export type { CliIo } from './render-to-file.js';

const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr });

/**
 * Runs `scrutineer-pack` with `argv` (the arguments after the command name) and returns the
 * exit code; it never calls `process.exit`, so tests call it directly.
 */
export const main = async (argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> => {
  const outcome: { code: ExitCode } = { code: EXIT_CODES.ok };
  const program = buildProgram(io, outcome);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return outcome.code;
  } catch (error) {
    return reportFailure(error, io);
  }
};

type InputOptions = {
  readonly input?: string;
  readonly api?: string;
  readonly token?: string;
  readonly creationDate?: string;
  readonly debugLayout?: boolean;
};

const buildProgram = (io: CliIo, outcome: { code: ExitCode }): Command => {
  const program = new Command('scrutineer-pack')
    .description(
      'Writes council agenda packs, minutes and performance reports as tagged PDFs, from a data file, a running Scrutineer API or the sample council.',
    )
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError('(run scrutineer-pack --help for usage)')
    .addHelpText(
      'after',
      `
Input (agenda, minutes, report): --input FILE (a CouncilDataset JSON), --api URL (a running
Scrutineer API: the CLI reads GET /api/v1/meetings/ID/dataset?edition=… or
GET /api/v1/reports/ID/dataset, the data the API's own PDF routes render), or nothing for the
sample council. From the API, the public edition, minutes and reports need no token; the
confidential edition needs a clerk or member token (--token or SCRUTINEER_TOKEN), which also
finds unpublished meetings.

Attached files (PDF and Word papers on agenda items): with --input DIR/council.json, a document
of kind "file" names its file by SHA-256, and the CLI reads its bytes from DIR/files/<sha256>.pdf
or DIR/files/<sha256>.docx (the extension by the file's mediaType). Attached PDFs are merged into
the pack after their item; Word attachments are not yet drawn (a warning says so and the pack
prints a notice). A missing file, or one whose size or SHA-256 differs from the data set's, exits
3. With --api or the sample council, attached files print as a notice naming the file.

Late papers (added after the agenda was published, with the chair's reason for urgency): the
agenda pack marks each one; \`agenda --supplement N\` writes Supplementary Agenda No. N, its own
front sheet and only the papers that supplement published. A number no paper carries exits 4.

The PDF is written to a temporary file beside --out and renamed
only when complete: a failed run leaves no file behind.

Examples:
  scrutineer-pack agenda --meeting stockport-cfse-2021-11-15 --edition public --out pack.pdf
  scrutineer-pack agenda --meeting 42 --api http://127.0.0.1:3000 --out public-pack.pdf
  scrutineer-pack agenda --meeting 42 --edition confidential --api http://127.0.0.1:3000 --token $TOKEN --out pack.pdf
  scrutineer-pack agenda --meeting stockport-cfsc-2022-03-09 --supplement 1 --out supplement-1.pdf
  scrutineer-pack minutes --meeting 42 --input council.json --out minutes.pdf
  scrutineer-pack report --report cfse-2021-22-q2 --out pprr.pdf
  scrutineer-pack sample --out-dir ./out
  scrutineer-pack check --meeting 42 --api http://127.0.0.1:3000 --token $TOKEN
  scrutineer-pack check --meeting stockport-cfsc-2022-03-09 --json

${describeExitCodes()}
`,
    );

  withInputOptions(
    program
      .command('agenda')
      .description("Write a meeting's agenda pack (front sheet, agenda, reports).")
      .requiredOption('--meeting <id>', 'the meeting id')
      .addOption(
        new Option('--edition <edition>', 'public (exempt items withheld) or confidential')
          .choices(['public', 'confidential'])
          .default('public'),
      )
      .option(
        '--supplement <n>',
        'write Supplementary Agenda No. N instead: its front sheet and only the late papers it published',
        parseSupplement,
      )
      .requiredOption('--out <file>', 'the PDF to write'),
  ).action(
    async (
      options: InputOptions & {
        meeting: string;
        edition: Edition;
        supplement?: number;
        out: string;
      },
    ) => {
      const baseOptions = toRenderOptions(options);
      const { supplement } = options;
      const source = toSource(options);
      const dataset = await loadDataset(source, {
        kind: 'meeting',
        meetingId: options.meeting,
        edition: options.edition,
      });
      const meeting = findMeeting(dataset, options.meeting, source);
      // A data file's attached files are read from files/ beside it (attached-files.ts). Only a
      // pack that prints one asks for them: with a loader the pack is drawn into memory to be
      // merged, without one it streams to the file page by page.
      const attachedFiles =
        source.kind === 'file' &&
        printsAttachedFiles(dataset, meeting.meeting.id, options.edition, supplement)
          ? filesBesideDataset(source.path, dataset)
          : undefined;
      await renderToFile(
        io,
        options.out,
        `Rendering ${options.edition} ${supplement === undefined ? 'agenda pack' : `supplementary agenda no. ${supplement}`}`,
        (out, renderOptions) =>
          renderAgendaPack(dataset, options.meeting, options.edition, out, {
            ...baseOptions,
            ...renderOptions,
            ...(attachedFiles === undefined ? {} : { attachedFiles }),
            ...(supplement === undefined ? {} : { supplement }),
          }),
      );
    },
  );

  withInputOptions(
    program
      .command('minutes')
      .description("Write a meeting's minutes (marked DRAFT until approved).")
      .requiredOption('--meeting <id>', 'the meeting id')
      .requiredOption('--out <file>', 'the PDF to write'),
  ).action(async (options: InputOptions & { meeting: string; out: string }) => {
    const baseOptions = toRenderOptions(options);
    const source = toSource(options);
    // Minutes are printed from the public edition: exempt minutes appear as a line saying so.
    const dataset = await loadDataset(source, {
      kind: 'meeting',
      meetingId: options.meeting,
      edition: 'public',
    });
    const meeting = findMeeting(dataset, options.meeting, source);
    if (meeting.minutes === null) {
      throw new CliError(
        EXIT_CODES.notFound,
        `Meeting "${options.meeting}" (${meeting.meeting.date}) has no minutes yet.`,
      );
    }
    await renderToFile(io, options.out, 'Rendering minutes', (out, renderOptions) =>
      renderMinutes(dataset, options.meeting, out, {
        ...baseOptions,
        ...renderOptions,
      }),
    );
  });

  withInputOptions(
    program
      .command('report')
      .description('Write a Portfolio Performance and Resource Report (PPRR) on its own.')
      .requiredOption('--report <id>', 'the performance report id')
      .requiredOption('--out <file>', 'the PDF to write'),
  ).action(async (options: InputOptions & { report: string; out: string }) => {
    const baseOptions = toRenderOptions(options);
    const source = toSource(options);
    const dataset = await loadDataset(source, { kind: 'report', reportId: options.report });
    findReport(dataset, options.report, source);
    await renderToFile(io, options.out, 'Rendering performance report', (out, renderOptions) =>
      renderPerformanceReport(dataset, options.report, out, {
        ...baseOptions,
        ...renderOptions,
      }),
    );
  });

  withSourceOptions(
    program
      .command('check')
      .description(
        'Check a meeting before publication: what the clerk should fix, errors (publication refuses them) and warnings. Exits 7 on errors.',
      )
      .requiredOption('--meeting <id>', 'the meeting id')
      .addOption(
        new Option(
          '--edition <edition>',
          'confidential (exempt items checked in full; the default) or public; from --api, the token decides',
        ).choices(['public', 'confidential']),
      )
      .option(
        '--at <iso>',
        'judge the five clear days as if publishing at this instant (default: now)',
      )
      .option('--json', 'print the check as the API answers it (MeetingPublicationCheck JSON)'),
  ).action(
    async (
      options: InputOptions & { meeting: string; edition?: Edition; at?: string; json?: boolean },
    ) => {
      const source = toSource(options);
      const at = parseAt(options.at);
      if (source.kind === 'api') {
        // The API checks in the token's edition, now: it is asked, not told.
        if (options.edition !== undefined || options.at !== undefined) {
          throw new CliError(
            EXIT_CODES.usage,
            '--edition and --at do not apply with --api: the API checks in your token’s edition (confidential for a clerk), now.',
          );
        }
        outcome.code = printCheck(
          io,
          await fetchCheck(source, options.meeting),
          options.json === true,
        );
        return;
      }
      const edition = options.edition ?? 'confidential';
      const dataset = await loadDataset(source, {
        kind: 'meeting',
        meetingId: options.meeting,
        edition,
      });
      findMeeting(dataset, options.meeting, source);
      outcome.code = runCheck(io, dataset, options.meeting, {
        edition,
        at,
        json: options.json === true,
      });
    },
  );

  program
    .command('sample')
    .description(
      "Write the sample council's documents: the public and confidential packs of the meetings with an exempt item (Stockport, England; Flintshire, Wales), their supplementary agendas, a PPRR, and minutes (Stockport, West Sussex and Flintshire).",
    )
    .option('--out-dir <dir>', 'the folder to write them to (created if missing)', './out')
    .action(async (options: { outDir: string }) => {
      await writeSampleDocuments(options.outDir, io);
    });

  return program;
};

/** Where the data comes from: a file, a running API (with a token), or the sample council. */
const withSourceOptions = (command: Command): Command =>
  command
    .addOption(new Option('--input <file>', 'read a CouncilDataset JSON file').conflicts('api'))
    .addOption(
      new Option('--api <url>', 'read from a running Scrutineer API, e.g. http://127.0.0.1:3000'),
    )
    .addOption(
      new Option(
        '--token <token>',
        'bearer token for --api (a clerk or member token for the confidential edition)',
      ).env('SCRUTINEER_TOKEN'),
    );

const withInputOptions = (command: Command): Command =>
  withSourceOptions(command)
    .addOption(
      new Option(
        '--creation-date <iso>',
        'the creation date written into the PDF (ISO 8601); the same data and date give a byte-identical file',
      ),
    )
    .addOption(new Option('--debug-layout', 'draw the layout boxes (for developers)'));

/** `--supplement N`: a supplementary agenda's number, 1, 2, … */
const parseSupplement = (value: string): number => {
  if (!/^[1-9][0-9]*$/.test(value.trim()))
    throw new InvalidArgumentError('a supplementary agenda is numbered 1, 2, …');
  return Number(value);
};

const toSource = (options: InputOptions): DatasetSource => {
  if (options.api !== undefined) {
    return { kind: 'api', baseUrl: options.api, token: options.token ?? null };
  }
  if (options.input !== undefined) return { kind: 'file', path: options.input };
  return { kind: 'sample' };
};

const toRenderOptions = (options: InputOptions): RenderOptions => {
  const renderOptions: { creationDate?: Date; debug?: boolean } = {};
  if (options.creationDate !== undefined) {
    const date = new Date(options.creationDate);
    if (Number.isNaN(date.getTime())) {
      throw new CliError(
        EXIT_CODES.usage,
        `--creation-date ${options.creationDate} is not an ISO 8601 date-time (e.g. 2021-11-15T10:00:00Z).`,
      );
    }
    renderOptions.creationDate = date;
  }
  if (options.debugLayout === true) renderOptions.debug = true;
  return renderOptions;
};

const findMeeting = (
  dataset: CouncilDataset,
  meetingId: string,
  source: DatasetSource,
): MeetingDocument => {
  const found = dataset.meetings.find((document) => document.meeting.id === meetingId);
  if (found !== undefined) return found;
  const known = dataset.meetings.map((document) => {
    const committee = dataset.committees.find((c) => c.id === document.meeting.committeeId);
    return `${document.meeting.id} (${committee?.name ?? 'unknown committee'}, ${document.meeting.date})`;
  });
  throw new CliError(
    EXIT_CODES.notFound,
    `No meeting "${meetingId}" in ${describeSource(source)}.`,
    known.length === 0
      ? ['It holds no meetings.']
      : ['Meetings it holds:', ...known.map((line) => `  ${line}`)],
  );
};

const findReport = (
  dataset: CouncilDataset,
  reportId: string,
  source: DatasetSource,
): PerformanceReport => {
  const found = dataset.performanceReports.find((report) => report.id === reportId);
  if (found !== undefined) return found;
  const known = dataset.performanceReports.map((report) => `  ${report.id} (${report.title})`);
  throw new CliError(
    EXIT_CODES.notFound,
    `No performance report "${reportId}" in ${describeSource(source)}.`,
    known.length === 0 ? ['It holds no performance reports.'] : ['Reports it holds:', ...known],
  );
};

/** The renderer's own refusals, for data that passed validation but cannot make the document. */
const REPORTER_EXIT_CODES: Readonly<Record<ReporterErrorCode, ExitCode>> = {
  'REPORTER.MEETING_NOT_FOUND': EXIT_CODES.notFound,
  'REPORTER.REPORT_NOT_FOUND': EXIT_CODES.notFound,
  'REPORTER.NO_MINUTES': EXIT_CODES.notFound,
  'REPORTER.SUPPLEMENT_NOT_FOUND': EXIT_CODES.notFound,
  'REPORTER.INCONSISTENT_DATA': EXIT_CODES.badInput,
  'REPORTER.INVALID_OPTION': EXIT_CODES.usage,
  'REPORTER.INVALID_DOCX': EXIT_CODES.badInput,
  // The CLI draws in process; a render thread's failure is the pool's (the API's) only.
  'REPORTER.RENDER_FAILED': EXIT_CODES.failure,
  // An attached file that cannot be merged is bad input, like any other bad data set.
  'REPORTER.PDF_ENCRYPTED': EXIT_CODES.badInput,
  'REPORTER.PDF_DAMAGED': EXIT_CODES.badInput,
  'REPORTER.PDF_NO_PAGES': EXIT_CODES.badInput,
  'REPORTER.ATTACHMENT_MISMATCH': EXIT_CODES.badInput,
};

const reportFailure = (error: unknown, io: CliIo): ExitCode => {
  if (error instanceof CommanderError) {
    // Commander has already printed the message or the help.
    return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  if (error instanceof CliError) {
    io.stderr.write(`scrutineer-pack: ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`  ${line}\n`);
    return error.exitCode;
  }
  if (isReporterError(error)) {
    io.stderr.write(`scrutineer-pack: ${error.message}\n`);
    return REPORTER_EXIT_CODES[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`scrutineer-pack: could not render the document: ${message}\n`);
  if (process.env['SCRUTINEER_DEBUG'] !== undefined && error instanceof Error && error.stack) {
    io.stderr.write(`${error.stack}\n`);
  }
  return EXIT_CODES.failure;
};
