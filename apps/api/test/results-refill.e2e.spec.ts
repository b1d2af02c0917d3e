// After a write commits, the results list reads again the pages that were being read under the
// old performance token (results.service.ts `refill`), so the first reader after the write finds
// its page ready; and neither a refill nor a reader ever keeps a page that holds a rolled-back
// write's rows (on SQLite every reader shares the writer's connection and sees them).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { invalidateResultsCache } from '../src/database/data-generations.js';
import { reassessMeasures } from '../src/performance/assessment-store.js';
import { MeasureResultEntity } from '../src/results/measure-result.entity.js';
import { toResponse } from '../src/results/measure-result.mapper.js';
import { ResultsService } from '../src/results/results.service.js';
import { countStatements, type StatementCount } from './support/statement-count.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const PAGE = '/api/v1/results?measure=CFSE11&limit=50';
/** The same page under another cache key (offset 0 said), so always read from the database. */
const FRESH = '/api/v1/results?measure=CFSE11&limit=50&offset=0';

type Page = { items: { periodCode: string; commentary: string | null }[]; total: number };

describeEachDatabase('the results list’s refill after a write', (kind) => {
  let t: TestApp;
  let results: ResultsService;
  let statements: StatementCount;
  beforeAll(async () => {
    t = await createTestApp(kind, { officerPortfolios: ['CFSE'] });
    results = t.app.get(ResultsService);
    statements = await countStatements(t.dataSource);
  }, 120_000);
  afterAll(async () => {
    statements?.restore();
    await t?.close();
  });

  const read = async (path = PAGE): Promise<Page> =>
    (await t.http().get(path).expect(200)).body as Page;
  /** Reads the page twice: a page served from the cache is one the refill reads again. */
  const readTwice = async (): Promise<void> => {
    await read();
    await read();
    await results.refillSettled();
  };
  const create = (quarter: number) =>
    t
      .http()
      .post('/api/v1/results')
      .set(bearer(t.tokens.officer))
      .send({
        measureCode: 'CFSE11',
        period: { kind: 'quarter', year: '2023/24', quarter },
        value: 70 + quarter,
        status: 'actual',
        comparators: [],
        commentary: null,
      })
      .expect(201);

  it('has the page ready for the first read after a write: one statement, the token, and the write’s row in it', async () => {
    await readTwice();
    await create(1);
    await results.refillSettled();
    let page: Page | undefined;
    const sent = await statements.during(async () => {
      page = await read();
    });
    expect(sent.sql).toHaveLength(1);
    expect(sent.sql[0]).toContain('data_generations');
    expect(page?.items.map((item) => item.periodCode)).toContain('2023/24-Q1');
    // The same answer as the page read from the database now.
    expect(page).toEqual(await read(FRESH));
  });

  it('never keeps the rows of a write that rolls back, neither from a reader during it nor from a refill', async () => {
    await readTwice();
    const template = await t.dataSource.manager.findOneByOrFail(MeasureResultEntity, {
      measureCode: 'CFSE11',
    });
    const failing = new Error('planted failure');
    let during: Page | undefined;
    // A committed write first: its refill is due in a few milliseconds, when the second write,
    // begun straight after it, is open.
    await t.dataSource.transaction((manager) => reassessMeasures(manager, ['CFSE11']));
    await expect(
      t.dataSource.transaction(async (manager) => {
        const { id: _id, ...row } = template;
        await manager.insert(MeasureResultEntity, {
          ...row,
          periodCode: '2023/24-Q3',
          periodStart: '2023-10-01',
          periodEnd: '2023-12-31',
          year: '2023/24',
          commentary: 'rolled back',
        });
        await invalidateResultsCache(manager);
        await sleep(100);
        // A reader while the write is open: on SQLite it shares the write's connection and sees
        // the uncommitted row. (On PostgreSQL it could not, and would fill the page itself.)
        if (kind === 'sqlite') during = await read();
        await sleep(50);
        throw failing;
      }),
    ).rejects.toBe(failing);
    if (kind === 'sqlite') expect(during?.items.map((i) => i.commentary)).toContain('rolled back');
    await results.refillSettled();
    let page: Page | undefined;
    const sent = await statements.during(async () => {
      page = await read();
    });
    expect(page?.items.map((item) => item.commentary)).not.toContain('rolled back');
    expect(page).toEqual(await read(FRESH));
    // And the refill did read it again once the write was gone.
    expect(sent.sql).toHaveLength(1);
  });

  it('answers byte for byte what the entities, mapped as a single result is, give', async () => {
    for (const [path, where, skip, take] of [
      [
        '/api/v1/results?portfolio=CFSE&year=2021/22&limit=7&offset=2',
        { portfolioCode: 'CFSE', year: '2021/22' },
        2,
        7,
      ],
      ['/api/v1/results?measure=CFSE11&limit=50', { measureCode: 'CFSE11' }, 0, 50],
      ['/api/v1/results?rag=red&limit=20', { ragStatus: 'red' }, 0, 20],
    ] as const) {
      const response = await t.http().get(path).expect(200);
      const entities = await t.dataSource.manager.find(MeasureResultEntity, {
        where,
        order: { periodStart: 'DESC', measureCode: 'ASC' },
        skip,
        take,
      });
      const total = await t.dataSource.manager.countBy(MeasureResultEntity, where);
      expect(entities.length).toBeGreaterThan(0);
      expect(response.text).toBe(
        JSON.stringify({ items: entities.map(toResponse), total, limit: take, offset: skip }),
      );
    }
  });

  it('does not read again a page that was read only once', async () => {
    const once = '/api/v1/results?measure=CFSE11&limit=7';
    await read(once);
    await create(4);
    await results.refillSettled();
    const sent = await statements.during(() => read(once));
    expect(sent.sql.length).toBeGreaterThan(1);
  });
});
