// The results cache's token (src/database/data-generations.ts) is replaced just before a write's
// COMMIT: a reader during the write never sees the token the write will make current (SQLite
// readers share the writer's connection), and on PostgreSQL writes for different measures do
// not queue behind the token's row lock; writes for the same measure still wait for each other
// (advisory locks in performance/assessment-store.ts), since each reassesses the other's results.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { reassessMeasures } from '../src/performance/assessment-store.js';
import { resultsCacheToken } from '../src/database/data-generations.js';
import { createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('the results cache token', (kind) => {
  let t: TestApp;
  let measures: string[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    measures = (
      (await t.dataSource.query(
        `SELECT "code" FROM "measures" WHERE "portfolio_code" = 'CFSE' ORDER BY "code"`,
      )) as { code: string }[]
    ).map((row) => row.code);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const token = (): Promise<string> => resultsCacheToken(t.dataSource);
  const onPostgres = kind === 'postgres' ? it : it.skip;

  it('is replaced when the write commits, and not before', async () => {
    const before = await token();
    let during: string | undefined;
    await t.dataSource.transaction(async (manager) => {
      await reassessMeasures(manager, [measures[0] ?? '']);
      during = await token();
    });
    expect(during).toBe(before);
    expect(await token()).not.toBe(before);
  });

  it('is kept when the write rolls back', async () => {
    const before = await token();
    const failing = new Error('planted failure');
    await expect(
      t.dataSource.transaction(async (manager) => {
        await reassessMeasures(manager, [measures[0] ?? '']);
        throw failing;
      }),
    ).rejects.toBe(failing);
    expect(await token()).toBe(before);
  });

  it('is replaced by any committed write that goes through the reassessment', async () => {
    const before = await token();
    await t.dataSource.transaction((manager) => reassessMeasures(manager, []));
    expect(await token()).not.toBe(before);
  });

  it('changes with every committed write, and on PostgreSQL spreads writes over eight token rows', async () => {
    const seen = new Set([await token()]);
    for (let i = 0; i < 40; i += 1) {
      await t.dataSource.transaction((manager) => reassessMeasures(manager, []));
      seen.add(await token());
    }
    expect(seen.size).toBe(41);
    const rows = (await t.dataSource.query(
      `SELECT "area" FROM "data_generations" WHERE "area" LIKE 'performance%'`,
    )) as { area: string }[];
    // Writes that replace different rows do not wait for each other's COMMIT (its WAL flush).
    if (kind === 'postgres') expect(rows.length).toBeGreaterThan(4);
    else expect(rows).toHaveLength(1);
  });

  onPostgres('lets a write for another measure commit while one is open', async () => {
    const [first, second] = measures;
    let secondDoneWhileFirstOpen = false;
    let firstOpen = true;
    const holding = t.dataSource.transaction(async (manager) => {
      await reassessMeasures(manager, [first ?? '']);
      // Held open until the other write is done, or 3 s (the other is queued behind this one).
      for (let waited = 0; waited < 3000 && !secondDoneWhileFirstOpen; waited += 20)
        await sleep(20);
      firstOpen = false;
    });
    await sleep(50);
    await t.dataSource.transaction((manager) => reassessMeasures(manager, [second ?? '']));
    secondDoneWhileFirstOpen = firstOpen;
    await holding;
    expect(secondDoneWhileFirstOpen).toBe(true);
  });

  onPostgres('makes a write for the same measure wait until the open one commits', async () => {
    const [first] = measures;
    const events: string[] = [];
    const holding = t.dataSource.transaction(async (manager) => {
      await reassessMeasures(manager, [first ?? '']);
      await sleep(300);
      events.push('first commits');
    });
    await sleep(50);
    await t.dataSource.transaction(async (manager) => {
      await reassessMeasures(manager, [first ?? '']);
      events.push('second reassessed');
    });
    await holding;
    expect(events).toEqual(['first commits', 'second reassessed']);
  });
});
