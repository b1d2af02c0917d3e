import { Command, InvalidArgumentError, Option } from 'commander';
import { ROLES, type Role } from '../auth/caller.js';
import { isUniqueViolation } from '../common/problem.js';
import { loadSampleCouncil, prepareDatabase, seedDatabase } from '../database/prepare.js';
import { missingPortfolioCodes } from '../portfolios/portfolio-codes.js';
import { createToken, listTokens, revokeToken, validateNewToken } from '../tokens/tokens.js';
import { CliError, describeExitCodes, EXIT_CODES } from './cli-error.js';
import { cliExtensions } from './extensions.js';
import type { CliIo } from './types.js';
import { withDataSource } from './with-data-source.js';

export type { CliIo } from './types.js';
export { withDataSource } from './with-data-source.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const buildProgram = (io: CliIo): Command => {
  const program = new Command('scrutineer-api')
    .description(
      'Scrutineer API administration. Uses DATABASE_URL like the server (unset: ./data/scrutineer.sqlite).',
    )
    .showHelpAfterError('(run scrutineer-api --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    // Before the commands, so they inherit it: a usage error is thrown (main.ts exits with
    // EXIT_CODES.usage) instead of commander calling process.exit(1) itself.
    .exitOverride()
    .addHelpText('after', `\n${describeExitCodes()}\n`);

  program
    .command('migrate')
    .description('Run the migrations not yet applied (a new database is not seeded; see seed).')
    .action(() =>
      withDataSource(async (dataSource) => {
        const result = await prepareDatabase(dataSource, { seedIfNew: false });
        io.err(
          result.migrationsRun.length === 0
            ? 'Database is up to date.\n'
            : `Applied: ${result.migrationsRun.join(', ')}\n`,
        );
      }),
    );

  program
    .command('seed')
    .description(
      'Migrate, then load the sample council into the database (which must not hold it yet).',
    )
    .action(() =>
      withDataSource(async (dataSource) => {
        await prepareDatabase(dataSource, { seedIfNew: false });
        try {
          await seedDatabase(dataSource, await loadSampleCouncil());
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new CliError(
            EXIT_CODES.conflict,
            'The sample council is already loaded; nothing was written.',
          );
        }
        io.err('Loaded the sample council.\n');
      }),
    );

  program
    .command('create-token')
    .description(
      'Create a bearer token; prints the token alone on stdout. It is shown once: only its hash is kept.',
    )
    .addOption(
      new Option('--role <role>', 'admin, clerk, member or officer')
        .choices([...ROLES])
        .makeOptionMandatory(),
    )
    .requiredOption('--name <name>', 'who or what holds it, e.g. "Democratic Services"')
    .option('--portfolio <code>', 'a portfolio an officer may write to (repeatable)', collect, [])
    .action((options: { role: Role; name: string; portfolio: string[] }) => {
      const input = { role: options.role, name: options.name, portfolioCodes: options.portfolio };
      validateNewToken(input);
      return withDataSource(async (dataSource) => {
        await prepareDatabase(dataSource, { seedIfNew: false });
        const missing = await missingPortfolioCodes(dataSource.manager, input.portfolioCodes);
        if (missing.length > 0) {
          throw new CliError(
            EXIT_CODES.notFound,
            `No portfolio ${missing.join(', ')} in the database; nothing was created.`,
          );
        }
        const { token, record } = await createToken(dataSource.manager, input);
        io.out(`${token}\n`);
        io.err(`Created ${record.role} token ${record.id} for ${record.name}.\n`);
      });
    });

  program
    .command('revoke-token')
    .description('Revoke a token by its id (see list-tokens).')
    .argument('<id>', 'the token id')
    .action((id: string) =>
      withDataSource(async (dataSource) => {
        const record = await revokeToken(dataSource.manager, id);
        io.err(`Revoked ${record.role} token ${record.id} (${record.name}).\n`);
      }),
    );

  program
    .command('list-tokens')
    .description('List tokens (never the tokens themselves).')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withDataSource(async (dataSource) => {
        const tokens = await listTokens(dataSource.manager);
        const rows = tokens.map((t) => ({
          id: t.id,
          role: t.role,
          name: t.name,
          portfolioCodes: t.portfolioCodes,
          createdAt: t.createdAt,
          revokedAt: t.revokedAt,
        }));
        if (options.json) {
          io.out(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const row of rows) {
          const scope = row.portfolioCodes.length > 0 ? ` [${row.portfolioCodes.join(',')}]` : '';
          io.out(
            `${row.id}  ${row.role.padEnd(7)}  ${row.revokedAt ? 'revoked' : 'active '}  ${row.name}${scope}\n`,
          );
        }
      }),
    );

  program
    .command('worker')
    .description(
      'Draw PDFs from the render queue (REDIS_URL, RENDER_QUEUE_PREFIX), one at a time, until stopped (SIGINT/SIGTERM). RENDER_LOCK_MS: how long a dead worker keeps its job (default 30000). METRICS_PORT: serve its metrics on 127.0.0.1:<port>/metrics. Start as many as you like, on any machine that reaches Redis.',
    )
    .action(async () => {
      const { loadConfig } = await import('../config/config.js');
      const config = loadConfig();
      const queue = config.render?.queue;
      if (!queue) throw new Error('REDIS_URL is not set: the worker takes its jobs from Redis.');
      const lockMs = Number(process.env.RENDER_LOCK_MS ?? '30000');
      if (!Number.isInteger(lockMs) || lockMs < 500 || lockMs > 600_000) {
        throw new Error(
          `RENDER_LOCK_MS must be an integer from 500 to 600000; got ${JSON.stringify(process.env.RENDER_LOCK_MS)}`,
        );
      }
      const { startRenderWorker } = await import('../rendering/render-worker.js');
      const worker = await startRenderWorker({
        queue,
        attempts: config.render?.attempts ?? 3,
        lockMs,
        metricsPort: config.metricsPort,
        log: (line) => io.err(`${line}\n`),
      });
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      await worker.close();
      io.err('render worker stopped\n');
      // bullmq leaves the connection it was given open; nothing else is left to do.
      process.exit(0);
    });

  for (const extend of cliExtensions) extend(program, io);
  return program;
};

export const parsePositiveInteger = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive integer');
  return parsed;
};
