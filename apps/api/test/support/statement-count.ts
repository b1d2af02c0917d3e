import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';

/**
 * Counts the SQL statements the app sends to its database, where they reach it: on PostgreSQL
 * at the query runner (every statement goes through one); on SQLite at better-sqlite3's
 * statements themselves, since the results list runs its statements on the connection directly
 * (results.service.ts) and TypeORM's runner never sees them.
 */
export type StatementCount = {
  /** The statements (SQL text) sent while `request` ran, and their bound values. */
  readonly during: (
    request: () => Promise<unknown>,
  ) => Promise<{ sql: string[]; values: unknown[][] }>;
  readonly restore: () => void;
};

type Method = (this: unknown, ...args: unknown[]) => unknown;

export const countStatements = async (dataSource: DataSource): Promise<StatementCount> => {
  let sql: string[] = [];
  let values: unknown[][] = [];
  const spies: { mockRestore: () => void }[] = [];
  if (dataSource.options.type === 'better-sqlite3') {
    const connection = (
      dataSource.driver as unknown as { databaseConnection: { prepare: (sql: string) => object } }
    ).databaseConnection;
    const prototype = Object.getPrototypeOf(connection.prepare('SELECT 1')) as Record<
      string,
      Method
    >;
    for (const name of ['all', 'get', 'run', 'iterate']) {
      const original = prototype[name];
      if (original === undefined) continue;
      spies.push(
        jest.spyOn(prototype, name).mockImplementation(function (this: unknown, ...args) {
          sql.push(String((this as { source: string }).source));
          values.push(args);
          return original.apply(this, args);
        }),
      );
    }
  } else {
    const runner = dataSource.createQueryRunner();
    const prototype = Object.getPrototypeOf(runner) as Record<string, Method>;
    await runner.release();
    const original = prototype.query as Method;
    spies.push(
      jest.spyOn(prototype, 'query').mockImplementation(function (this: unknown, ...args) {
        sql.push(String(args[0]));
        values.push((args[1] as unknown[] | undefined) ?? []);
        return original.apply(this, args);
      }),
    );
  }
  return {
    during: async (request) => {
      sql = [];
      values = [];
      await request();
      // Copies: what is sent afterwards is not this request's.
      return { sql: [...sql], values: [...values] };
    },
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
};
