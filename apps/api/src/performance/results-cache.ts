import { randomUUID } from 'node:crypto';
import {
  type DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  EventSubscriber,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/*
 * The results cache: pages of `GET /results` kept in memory, valid while the performance data's
 * token (table data_generations, area 'performance', see its migration) is unchanged. A random
 * token, not a counter: a rolled-back write restores the old token, and the next write's new
 * token can never equal one a reader saw inside the rolled-back transaction.
 */

const AREA = 'performance';

const run = (
  source: DataSource | EntityManager,
  sql: string,
  parameters: Record<string, string>,
): Promise<unknown> => {
  const driver = 'driver' in source ? source.driver : source.connection.driver;
  const [text, values] = driver.escapeQueryWithParameters(sql, parameters);
  return source.query(text, values);
};

const CHANGED = 'scrutineer.performanceChanged';

const replaceToken = (manager: EntityManager): Promise<unknown> =>
  run(manager, 'UPDATE "data_generations" SET "token" = :token WHERE "area" = :area', {
    token: randomUUID(),
    area: AREA,
  });

/**
 * Marks, inside a write's transaction, that the performance data changed. The token itself is
 * replaced by ResultsCacheSubscriber just before the transaction's COMMIT, not here:
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
export const invalidateResultsCache = async (manager: EntityManager): Promise<void> => {
  const runner = manager.queryRunner;
  if (runner === undefined || !runner.isTransactionActive) {
    await replaceToken(manager);
    return;
  }
  runner.data[CHANGED] = true;
};

const hasChanged = (runner: QueryRunner | undefined): runner is QueryRunner =>
  runner?.data[CHANGED] === true;

/** Replaces the token of a transaction that changed performance data, just before it commits. */
@EventSubscriber()
export class ResultsCacheSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // Also at a nested transaction's commit (a savepoint's release): the outer COMMIT replaces
    // it again, so the token current after the outer commit is one no reader saw before it.
    if (hasChanged(event.queryRunner)) await replaceToken(event.queryRunner.manager);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[CHANGED];
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[CHANGED];
  }
}

/** The current token; a cache entry made under another token is stale. */
export const resultsCacheToken = async (source: DataSource): Promise<string> => {
  const rows = (await run(source, 'SELECT "token" FROM "data_generations" WHERE "area" = :area', {
    area: AREA,
  })) as { token: string }[];
  return rows[0]?.token ?? 'none';
};

/**
 * Pages of a list kept for one token. Cleared when the token changes, and bounded so an unusual
 * mix of queries cannot grow it without limit.
 */
export class ResultsPageCache<T> {
  private token: string | null = null;
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries = 1000) {}

  get(token: string, key: string): T | undefined {
    return token === this.token ? this.entries.get(key) : undefined;
  }

  set(token: string, key: string, value: T): void {
    if (token !== this.token) {
      this.entries.clear();
      this.token = token;
    }
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }
}
