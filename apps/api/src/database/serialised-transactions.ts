import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/*
 * SQLite (better-sqlite3) gives TypeORM one connection and one query runner for the whole
 * process. Two `dataSource.transaction(…)` calls that overlap in time (two concurrent HTTP
 * writes) therefore share it: the second one's BEGIN becomes a SAVEPOINT inside the first, so
 * the first one's COMMIT only releases that savepoint and the second one's ROLLBACK undoes the
 * first one's writes (or one commits the other's half-done work). This queues them: on SQLite a
 * transaction starts only when the one before it has committed or rolled back.
 *
 * A transaction started from inside another (the same async call chain, while it is open) is
 * nested as before, a savepoint, and does not wait: waiting for itself would deadlock. Work
 * inside a transaction that bypasses its manager (a repository of the data source) does not
 * take the queue either, so it cannot deadlock; it runs on the one connection, inside the open
 * transaction, as it always did. PostgreSQL has a pool (one connection per transaction) and is
 * left alone.
 */

type Lease = { isOpen: boolean };

const SERIALISED = Symbol('scrutineer.serialisedTransactions');

/** better-sqlite3: one connection (one query runner) shared by every caller. */
const sharesOneConnection = (dataSource: DataSource): boolean =>
  dataSource.options.type === 'better-sqlite3';

/** Makes the data source's transactions run one at a time on SQLite (idempotent; returns it). */
export const serialiseTransactions = (dataSource: DataSource): DataSource => {
  const manager = dataSource.manager as EntityManager & { [SERIALISED]?: true };
  if (!sharesOneConnection(dataSource) || manager[SERIALISED] === true) return dataSource;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const holder = new AsyncLocalStorage<Lease>();
  let tail: Promise<unknown> = Promise.resolve();
  const serialised = (...args: unknown[]): Promise<unknown> => {
    if (holder.getStore()?.isOpen === true) return transaction(...args);
    const turn = tail.then(() => {
      const lease: Lease = { isOpen: true };
      return holder.run(lease, async () => {
        try {
          return await transaction(...args);
        } finally {
          lease.isOpen = false;
        }
      });
    });
    tail = turn.catch(() => undefined);
    return turn;
  };
  manager.transaction = serialised as EntityManager['transaction'];
  manager[SERIALISED] = true;
  return dataSource;
};
