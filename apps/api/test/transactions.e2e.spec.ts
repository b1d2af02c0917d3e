// Overlapping transactions through the app's own data source (two concurrent writes): one
// failing must never undo the other's writes or commit its own. On SQLite there is one
// connection, so this holds only because transactions are queued
// (src/database/serialised-transactions.ts); on PostgreSQL each has its own pooled connection.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('overlapping transactions', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  // data_generations is a plain key/value table; these rows are the test's own.
  const put = (manager: EntityManager, area: string): Promise<unknown> =>
    manager.query(
      kind === 'postgres'
        ? `INSERT INTO "data_generations" ("area", "token") VALUES ($1, 'test')`
        : `INSERT INTO "data_generations" ("area", "token") VALUES (?, 'test')`,
      [area],
    );
  const areas = async (prefix: string): Promise<string[]> =>
    (
      (await t.dataSource.query(
        `SELECT "area" FROM "data_generations" WHERE "area" LIKE '${prefix}%' ORDER BY "area"`,
      )) as { area: string }[]
    ).map((row) => row.area);
  const failing = new Error('planted failure');

  it('keeps the first one’s writes when the later one fails after it committed', async () => {
    const first = t.dataSource.transaction(async (manager) => {
      await put(manager, 'one-a1');
      await sleep(20);
      await put(manager, 'one-a2');
    });
    await sleep(5);
    const second = t.dataSource.transaction(async (manager) => {
      await put(manager, 'one-b1');
      await sleep(60);
      throw failing;
    });
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toBe(failing);
    expect(await areas('one-')).toEqual(['one-a1', 'one-a2']);
  });

  it('keeps the later one’s writes when the first one fails while it is open', async () => {
    const first = t.dataSource.transaction(async (manager) => {
      await put(manager, 'two-a1');
      await sleep(40);
      throw failing;
    });
    await sleep(5);
    const second = t.dataSource.transaction(async (manager) => {
      await put(manager, 'two-b1');
      await sleep(60);
      await put(manager, 'two-b2');
    });
    await expect(first).rejects.toBe(failing);
    await expect(second).resolves.toBeUndefined();
    expect(await areas('two-')).toEqual(['two-b1', 'two-b2']);
  });

  it('does not commit a failed one’s half-done work with another’s COMMIT', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        t.dataSource.transaction(async (manager) => {
          await put(manager, `many-${i}-x`);
          await sleep(5 + ((i * 7) % 11));
          if (i % 2 === 1) throw failing;
          await put(manager, `many-${i}-y`);
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 1 ? 'rejected' : 'fulfilled')),
    );
    expect(await areas('many-')).toEqual(
      [0, 2, 4, 6, 8].flatMap((i) => [`many-${i}-x`, `many-${i}-y`]).sort(),
    );
  });

  it('runs a transaction started inside another (nested, not queued behind itself)', async () => {
    const nested = t.dataSource.transaction(async (manager) => {
      await put(manager, 'nest-outer');
      // The data source, not the manager: on SQLite this must not wait for the open transaction.
      await t.dataSource.transaction((inner) => put(inner, 'nest-inner'));
    });
    await expect(
      Promise.race([
        nested,
        sleep(5_000, undefined, { ref: false }).then(() => Promise.reject(new Error('deadlock'))),
      ]),
    ).resolves.toBeUndefined();
    expect(await areas('nest-')).toEqual(['nest-inner', 'nest-outer']);
  });
});
