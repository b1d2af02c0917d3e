// How many SQL statements the hot routes send (docs/benchmarks.md): each one is a pool checkout
// and a network round trip on PostgreSQL, and a synchronous call on SQLite. Counted at the
// query runner, so the query builder, the entity manager and raw SQL all show up.
import { afterAll, afterEach, beforeAll, expect, it, jest } from '@jest/globals';
import { invalidateGeneration } from '../src/database/data-generations.js';
import { ResultsService } from '../src/results/results.service.js';
import { countStatements } from './support/statement-count.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

describeEachDatabase('statements per request', (kind) => {
  let t: TestApp;
  let statements: string[] = [];
  let parameters: unknown[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind, { officerPortfolios: ['CFSE'] });
    const runner = t.dataSource.createQueryRunner();
    const prototype = Object.getPrototypeOf(runner) as {
      query: (sql: string, parameters?: unknown[]) => Promise<unknown>;
    };
    await runner.release();
    const query = prototype.query;
    jest.spyOn(prototype, 'query').mockImplementation(function (this: unknown, ...args) {
      statements.push(String(args[0]));
      parameters.push(args[1]);
      return query.apply(this, args);
    });
  }, 120_000);
  afterEach(() => {
    statements = [];
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  const counted = async (request: () => Promise<unknown>): Promise<string[]> => {
    statements = [];
    parameters = [];
    await request();
    return statements;
  };

  it('answers a repeated search with one statement, the index generation’s token', async () => {
    const first = await counted(() => t.http().get('/api/v1/search?q=school').expect(200));
    expect(first.length).toBeGreaterThan(1);
    const again = await counted(() => t.http().get('/api/v1/search?q=school').expect(200));
    expect(again).toHaveLength(1);
    expect(again[0]).toContain('data_generations');
    // Another caller class (a clerk may read exempt text) is a page of its own.
    const clerk = await counted(() =>
      t.http().get('/api/v1/search?q=school').set(bearer(t.tokens.clerk)).expect(200),
    );
    expect(clerk.length).toBeGreaterThan(1);
  });

  it('reads a meeting with its agenda in one statement, and its attached files’ facts in one more, after the token', async () => {
    const meetings = await t.http().get('/api/v1/meetings?limit=100').expect(200);
    const ids = (meetings.body.items as { id: string }[]).map((m) => m.id);
    // A meeting whose agenda has documents but no attached file, so every join is exercised; and
    // one with attached files (the seed attaches the sample's papers), whose facts (type, size,
    // pages, checks) are one batched read of `stored_files`, however many files there are.
    type Documents = { documents: { content?: { kind: string } }[] }[];
    let withDocuments: string | undefined;
    let withFiles: string | undefined;
    for (const id of ids) {
      const meeting = await t.http().get(`/api/v1/meetings/${encodeURIComponent(id)}`);
      const documents = (meeting.body.agendaItems as Documents).flatMap((item) => item.documents);
      const files = documents.filter((document) => document.content?.kind === 'file').length;
      if (files > 1) withFiles ??= id;
      else if (files === 0 && documents.length > 0) withDocuments ??= id;
      if (withDocuments !== undefined && withFiles !== undefined) break;
    }
    expect(withDocuments).toBeDefined();
    expect(withFiles).toBeDefined();
    const read = (id: string) => () =>
      t
        .http()
        .get(`/api/v1/meetings/${encodeURIComponent(id)}`)
        .expect(200);
    // Every answer read above is kept (meetings.service.ts): a write makes them stale, so each
    // read below is a miss, read from the database after the meetings generation's token.
    const missed = async (id: string): Promise<string[]> => {
      await t.dataSource.transaction((manager) => invalidateGeneration(manager, 'meetings'));
      const sent = await counted(read(id));
      expect(sent[0]).toContain('data_generations');
      return sent.slice(1);
    };
    expect(await missed(withDocuments ?? '')).toHaveLength(1);
    const sent = await missed(withFiles ?? '');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('"stored_files"');
    // And a repeat is the token alone.
    expect(await counted(read(withFiles ?? ''))).toHaveLength(1);
  });

  it('creates a result in 9 statements on SQLite, 8 on PostgreSQL, and answers it as stored (POST /results)', async () => {
    let created: { body: { id: number } } | undefined;
    const sent = await counted(async () => {
      created = await t
        .http()
        .post('/api/v1/results')
        .set(bearer(t.tokens.officer))
        .send({
          measureCode: 'CFSE11',
          period: { kind: 'quarter', year: '2023/24', quarter: 1 },
          value: 70,
          status: 'actual',
          comparators: [],
          commentary: null,
        })
        .expect(201);
    });
    // The token lookup; BEGIN; the measure (on PostgreSQL locked by the same statement); its
    // results of the periods around the new one, not its whole history; those periods' targets;
    // the insert and the audit event (on PostgreSQL one statement); the cache token; COMMIT.
    // No read back.
    expect(sent).toHaveLength(kind === 'postgres' ? 8 : 9);
    if (kind === 'postgres')
      expect(sent[5]).toMatch(
        /^WITH "inserted" AS \(INSERT INTO "measure_results"[^]*INSERT INTO "audit_events"/,
      );
    const selects = sent.filter((sql) => /^\s*SELECT/i.test(sql));
    expect(selects).toHaveLength(4);
    if (kind === 'postgres') expect(selects[1]).toMatch(/FOR NO KEY UPDATE$/);
    expect(selects[2]).toMatch(
      /"period_code" IN \(\$2, \$3, \$4\)|"period_code" IN \(\?, \?, \?\)/,
    );
    const read = await t.http().get(`/api/v1/results/${created?.body.id}`).expect(200);
    expect(created?.body).toEqual(read.body);
  });

  it('reads an uncached page of results in two statements: the cache token, then the page with its total', async () => {
    // On SQLite the list runs its statements on the connection itself, where TypeORM's runner
    // does not see them: counted there instead (test/support/statement-count.ts).
    const atConnection = kind === 'sqlite' ? await countStatements(t.dataSource) : undefined;
    // The refill after the create above reads the token: done before counting.
    await t.app.get(ResultsService).refillSettled();
    const sentBy = async (request: () => Promise<unknown>): Promise<string[]> => {
      if (atConnection === undefined) return counted(request);
      const sent = await atConnection.during(request);
      parameters = sent.values;
      return sent.sql;
    };
    try {
      await readsAnUncachedPage(sentBy);
    } finally {
      atConnection?.restore();
    }
  });

  const readsAnUncachedPage = async (
    counted: (request: () => Promise<unknown>) => Promise<string[]>,
  ): Promise<void> => {
    // An offset no other test reads, so the page is not in the cache.
    const sent = await counted(() =>
      t.http().get('/api/v1/results?portfolio=CFSE&year=2021/22&limit=5&offset=3').expect(200),
    );
    expect(sent).toHaveLength(2);
    const pageParameters = parameters[1] as unknown[];
    const again = await counted(() =>
      t.http().get('/api/v1/results?portfolio=CFSE&year=2021/22&limit=5&offset=3').expect(200),
    );
    expect(again).toHaveLength(1);
    if (kind === 'sqlite') {
      // Read in the list index's order: no sort of the matching rows.
      const [pageSql] = sent.slice(1);
      const plan = (await t.dataSource.query(`EXPLAIN QUERY PLAN ${pageSql}`, pageParameters)) as {
        detail: string;
      }[];
      expect(plan.map((row) => row.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    }
    // Past the end there is no row to carry the total: it is counted on its own.
    let past: { body: { items: unknown[]; total: number } } | undefined;
    const beyond = await counted(async () => {
      past = await t.http().get('/api/v1/results?portfolio=CFSE&limit=5&offset=99999').expect(200);
    });
    expect(beyond).toHaveLength(3);
    const all = await t.http().get('/api/v1/results?portfolio=CFSE&limit=1').expect(200);
    expect(past?.body.items).toEqual([]);
    expect(past?.body.total).toBe(all.body.total);
    expect(all.body.total).toBeGreaterThan(5);
  };
});
