import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

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

/**
 * Marks, inside a write's transaction, that the performance data changed: replaces the token, so
 * every cached page is stale once the write commits.
 */
export const invalidateResultsCache = async (manager: EntityManager): Promise<void> => {
  await run(manager, 'UPDATE "data_generations" SET "token" = :token WHERE "area" = :area', {
    token: randomUUID(),
    area: AREA,
  });
};

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
