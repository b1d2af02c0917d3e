import { randomInt, randomUUID } from 'node:crypto';
import {
  type DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  EventSubscriber,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type TransactionStartEvent,
} from 'typeorm';

/*
 * Generations of derived reads: pages kept in memory (of `GET /results`, of `GET /search`), each
 * valid while its area's token (table data_generations, see its migration) is unchanged. A random
 * token, not a counter: a rolled-back write restores the old token, and the next write's new
 * token can never equal one a reader saw inside the rolled-back transaction.
 *
 * - `performance`: results, measures and agreements (GET /results);
 * - `search`: the search index and the meetings it filters on (GET /search);
 * - `meetings`: meetings, their committees' names, agenda items, item documents and the stored
 *   files' facts they show (GET /meetings/:id; see database/meeting-read-generation.ts).
 */
export type GenerationArea = 'performance' | 'search' | 'meetings';

const run = (
  source: DataSource | EntityManager,
  sql: string,
  parameters: Record<string, string>,
): Promise<unknown> => {
  const driver = 'driver' in source ? source.driver : source.connection.driver;
  const [text, values] = driver.escapeQueryWithParameters(sql, parameters);
  return source.query(text, values);
};

const CHANGED = 'scrutineer.generationsChanged';

/**
 * On PostgreSQL an area's token is SHARDS rows (`performance`, `performance.1` … `performance.7`)
 * and a write replaces one of them, at random. A replaced row stays locked until its writer's
 * COMMIT is done (the WAL flush included), so with one row every performance write's commit
 * waited for the one before (and for the event-loop turn between its writer's UPSERT and
 * COMMIT); with eight, two writes wait only when they pick the same row. The token a reader
 * sees is all the rows together, so any committed write still changes it. (A NOTIFY in the
 * transaction would queue commits the same way: PostgreSQL serialises notifying commits.)
 * SQLite runs one transaction at a time: one row.
 */
const SHARDS = 8;

const shardOf = (area: GenerationArea, shard: number): string =>
  shard === 0 ? area : `${area}.${shard}`;

/** An area's rows are made by their first write (the migration made `performance`'s first). */
const replaceToken = (manager: EntityManager, area: GenerationArea): Promise<unknown> =>
  run(
    manager,
    'INSERT INTO "data_generations" ("area", "token") VALUES (:area, :token) ON CONFLICT ("area") DO UPDATE SET "token" = excluded."token"',
    {
      token: randomUUID(),
      area: shardOf(area, manager.connection.options.type === 'postgres' ? randomInt(SHARDS) : 0),
    },
  );

/**
 * Marks, inside a write's transaction, that an area's data changed. The token itself is replaced
 * by DataGenerationsSubscriber just before the transaction's COMMIT, not here:
 *
 * - on PostgreSQL the UPDATE locks the token's row until COMMIT, and every result, measure and
 *   agreement write takes it, so taking it at the start of the work queued all of them behind
 *   each other for their whole transaction (the `POST /results` p99 of docs/benchmarks.md);
 *   taken last, it is held only for the commit;
 * - on SQLite every reader shares the writer's one connection and sees its uncommitted rows: a
 *   token replaced at the start let a reader during the write cache a half-written page under
 *   the token the commit then made current, served until the next write. Replaced last, a
 *   reader during the write sees the old token, so what it caches is stale once the write
 *   commits.
 *
 * Outside a transaction (no commit to wait for) the token is replaced at once.
 */
export const invalidateGeneration = async (
  manager: EntityManager,
  area: GenerationArea,
): Promise<void> => {
  const runner = manager.queryRunner;
  if (runner === undefined || !runner.isTransactionActive) {
    await replaceToken(manager, area);
    return;
  }
  const changed = (runner.data[CHANGED] as Set<GenerationArea> | undefined) ?? new Set();
  changed.add(area);
  runner.data[CHANGED] = changed;
};

/** The performance data changed (results, measures, agreements): GET /results' pages are stale. */
export const invalidateResultsCache = (manager: EntityManager): Promise<void> =>
  invalidateGeneration(manager, 'performance');

const changedAreas = (runner: QueryRunner | undefined): readonly GenerationArea[] => [
  ...((runner?.data[CHANGED] as Set<GenerationArea> | undefined) ?? []),
];

/** Transactions begun on each SQLite data source (see `readCommitted`). */
const transactionsBegun = new WeakMap<DataSource, number>();

/** Replaces the tokens of the areas a transaction changed, just before it commits. */
@EventSubscriber()
export class DataGenerationsSubscriber implements EntitySubscriberInterface {
  beforeTransactionStart(event: TransactionStartEvent): void {
    transactionsBegun.set(event.connection, (transactionsBegun.get(event.connection) ?? 0) + 1);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // Also at a nested transaction's commit (a savepoint's release): the outer COMMIT replaces
    // it again, so the token current after the outer commit is one no reader saw before it.
    for (const area of changedAreas(event.queryRunner))
      await replaceToken(event.queryRunner.manager, area);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[CHANGED];
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[CHANGED];
  }
}

/** An area's current token (all its rows); a cache entry made under another token is stale. */
export const generationToken = async (
  source: DataSource,
  area: GenerationArea,
): Promise<string> => {
  const rows = (await run(
    source,
    'SELECT "area", "token" FROM "data_generations" WHERE "area" = :area OR "area" LIKE :shards ORDER BY "area"',
    { area, shards: `${area}.%` },
  )) as { area: string; token: string }[];
  return rows.length === 0 ? 'none' : rows.map((row) => `${row.area}=${row.token}`).join(' ');
};

/** The performance data's token (GET /results). */
export const resultsCacheToken = (source: DataSource): Promise<string> =>
  generationToken(source, 'performance');

/** better-sqlite3's one connection, as far as `readCommitted` looks at it. */
type SqliteConnection = { readonly inTransaction: boolean };

/**
 * Runs a read and says whether what it read may be kept under a token read before it: whether it
 * saw committed rows only. On PostgreSQL a read outside a transaction (a pool connection) always
 * does. On SQLite every caller shares the one connection, so a read while a write's transaction
 * is open sees that write's uncommitted rows, which its ROLLBACK may undo without moving any
 * token: kept, they would be served until the next write. The read counts as committed only if
 * no transaction was open when it began, none is open when it ends, and none began in between
 * (one begun and rolled back while the read awaited would leave no other trace).
 */
export const readCommitted = async <T>(
  source: DataSource,
  read: () => Promise<T>,
): Promise<{ readonly value: T; readonly isCommitted: boolean }> => {
  if (source.options.type !== 'better-sqlite3') return { value: await read(), isCommitted: true };
  const connection = (source.driver as unknown as { databaseConnection: SqliteConnection })
    .databaseConnection;
  const begun = transactionsBegun.get(source) ?? 0;
  const wasOpen = connection.inTransaction;
  const value = await read();
  const isCommitted =
    !wasOpen && !connection.inTransaction && (transactionsBegun.get(source) ?? 0) === begun;
  return { value, isCommitted };
};

/**
 * Pages of a list kept for one token. Cleared when the token changes, and bounded (in entries,
 * and in size when `sizeOf` is given) so an unusual mix of queries cannot grow it without limit:
 * the oldest kept goes first.
 */
export class GenerationPageCache<T> {
  private token: string | null = null;
  private readonly entries = new Map<string, T>();
  private size = 0;

  constructor(
    private readonly maxEntries = 1000,
    private readonly bound: { readonly maxSize: number; readonly sizeOf: (value: T) => number } = {
      maxSize: Number.POSITIVE_INFINITY,
      sizeOf: () => 0,
    },
  ) {}

  get(token: string, key: string): T | undefined {
    return token === this.token ? this.entries.get(key) : undefined;
  }

  set(token: string, key: string, value: T): void {
    if (token !== this.token) {
      this.entries.clear();
      this.size = 0;
      this.token = token;
    }
    const size = this.bound.sizeOf(value);
    if (size > this.bound.maxSize) return;
    this.delete(key);
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.maxEntries || this.size + size > this.bound.maxSize)
    ) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
    this.entries.set(key, value);
    this.size += size;
  }

  private delete(key: string): void {
    const kept = this.entries.get(key);
    if (kept === undefined) return;
    this.size -= this.bound.sizeOf(kept);
    this.entries.delete(key);
  }
}
