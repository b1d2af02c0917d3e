import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/*
 * The performance data's generation (table data_generations, see its migration). A random token,
 * not a counter: a rolled-back write restores the old token, and the next write's new token can
 * never equal one a reader saw inside the rolled-back transaction.
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

/** Marks, inside a write's transaction, that the performance data changed. */
export const bumpPerformanceGeneration = async (manager: EntityManager): Promise<void> => {
  await run(manager, 'UPDATE "data_generations" SET "token" = :token WHERE "area" = :area', {
    token: randomUUID(),
    area: AREA,
  });
};

/** The current token; a cache entry made under another token is stale. */
export const performanceGeneration = async (source: DataSource): Promise<string> => {
  const rows = (await run(source, 'SELECT "token" FROM "data_generations" WHERE "area" = :area', {
    area: AREA,
  })) as { token: string }[];
  return rows[0]?.token ?? 'none';
};

/**
 * Pages of a list kept for one generation. Cleared when the generation moves on, and bounded so
 * an unusual mix of queries cannot grow it without limit.
 */
export class GenerationCache<T> {
  private generation: string | null = null;
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries = 1000) {}

  get(generation: string, key: string): T | undefined {
    return generation === this.generation ? this.entries.get(key) : undefined;
  }

  set(generation: string, key: string, value: T): void {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }
}
