import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { assessMeasureResults, periodCode, type ReportingPeriod } from '@scrutineer/domain';
import { MeasureEntity } from '../src/measures/measure.entity.js';
import { toDomain as measureToDomain } from '../src/measures/measure.mapper.js';
import { loadTargets } from '../src/performance/assessment-store.js';
import { MeasureResultEntity } from '../src/results/measure-result.entity.js';
import { storedAssessment, toDomain } from '../src/results/measure-result.mapper.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

type Result = {
  id: number;
  measureCode: string;
  portfolioCode: string;
  period: { kind: string; year: string; quarter?: number };
  periodCode: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  value: number | { kind: 'unknown'; reason: string };
  rag: { status: string; explanation: string };
  trend: { direction: string; arrow: string; explanation: string; previousPeriod: string | null };
  version: number;
};

const problem = (body: { type?: string; status?: number }) => {
  expect(typeof body.type).toBe('string');
  expect(typeof body.status).toBe('number');
};

describeEachDatabase('measure results', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { officerPortfolios: ['CFSE'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const find = async (measure: string, period: string): Promise<Result> => {
    const response = await t
      .http()
      .get(
        `/api/v1/results?measure=${encodeURIComponent(measure)}&period=${encodeURIComponent(period)}`,
      )
      .expect(200);
    expect(response.body.total).toBe(1);
    return response.body.items[0] as Result;
  };

  describe('computed RAG and trend for known sample results', () => {
    it('CFSE11 Q3 2021/22 (68.9% against 78.8%, tolerance 2 points) is Red, explained', async () => {
      const result = await find('CFSE11', '2021/22-Q3');
      expect(result.value).toBe(68.9);
      expect(result.rag.status).toBe('red');
      expect(result.rag.explanation).toMatch(/78\.8/);
      expect(result).toMatchObject({
        period: { kind: 'quarter', year: '2021/22', quarter: 3 },
        periodCode: '2021/22-Q3',
        periodLabel: 'Q3 2021/22',
        periodStart: '2021-10-01',
        periodEnd: '2021-12-31',
      });
    });

    it('CYP.1 Q2 2021/22 (23% against 22%, lower is better, tolerance 2) is Amber and worsening on Q1', async () => {
      const result = await find('CYP.1', '2021/22-Q2');
      expect(result.rag.status).toBe('amber');
      expect(result.trend.direction).toBe('worsening');
      expect(result.trend.previousPeriod).toBe('2021/22-Q1');
      expect(result.trend.explanation.length).toBeGreaterThan(0);
    });

    it('LS.3 Q2 2021/22 (312 against 250, higher is better) is Green and improving', async () => {
      const result = await find('LS.3', '2021/22-Q2');
      expect(result.rag.status).toBe('green');
      expect(result.trend.direction).toBe('improving');
    });

    it('CFSE.67 has no target in its agreement: "no-target"', async () => {
      const result = await find('CFSE.67', '2021/22-Q3');
      expect(result.rag.status).toBe('no-target');
    });

    it('a first result with nothing before it is not comparable', async () => {
      const result = await find('CYP.1', '2020/21-Q2');
      expect(result.trend).toMatchObject({
        direction: 'not-comparable',
        previousPeriod: '2020/21-Q1',
      });
      expect(result.trend.explanation).toMatch(/no figure for Q1 2020\/21/);
    });
  });

  describe('listing', () => {
    it('filters by portfolio, year and RAG, and every item matches', async () => {
      const all = await t
        .http()
        .get('/api/v1/results?portfolio=CFSE&year=2021/22&limit=100')
        .expect(200);
      const reds = all.body.items.filter((r: Result) => r.rag.status === 'red');
      expect(reds.length).toBeGreaterThan(0);
      const red = await t
        .http()
        .get('/api/v1/results?portfolio=CFSE&year=2021/22&rag=red&limit=100')
        .expect(200);
      expect(red.body.total).toBe(reds.length);
      for (const item of red.body.items as Result[]) {
        expect(item.rag.status).toBe('red');
        expect(item.portfolioCode).toBe('CFSE');
        expect(item.period.year).toBe('2021/22');
      }
    });

    it('paginates with limit and offset and reports the total', async () => {
      const first = await t
        .http()
        .get('/api/v1/results?portfolio=CFSE&limit=5&offset=0')
        .expect(200);
      const second = await t
        .http()
        .get('/api/v1/results?portfolio=CFSE&limit=5&offset=5')
        .expect(200);
      expect(first.body).toMatchObject({ limit: 5, offset: 0 });
      expect(first.body.items).toHaveLength(5);
      expect(second.body.total).toBe(first.body.total);
      const ids = new Set([...first.body.items, ...second.body.items].map((r: Result) => r.id));
      expect(ids.size).toBe(10);
      const beyond = await t
        .http()
        .get('/api/v1/results?portfolio=CFSE&limit=5&offset=100000')
        .expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: first.body.total, offset: 100000 });
    });

    it('sorts by value descending', async () => {
      const response = await t
        .http()
        .get('/api/v1/results?portfolio=CYP&sort=-value&limit=100')
        .expect(200);
      const values = (response.body.items as Result[]).map((r) =>
        typeof r.value === 'number' ? r.value : -Infinity,
      );
      expect(values).toEqual([...values].sort((a, b) => b - a));
    });

    it('filters by period and rejects a bad period, RAG or sort with problem+json naming the field', async () => {
      const response = await t
        .http()
        .get('/api/v1/results?period=2021/22-Q2&portfolio=LS')
        .expect(200);
      expect(response.body.total).toBe(3);
      for (const query of [
        'period=2021/22-Q5',
        'rag=purple',
        'sort=colour',
        'year=2021/23',
        'limit=500',
      ]) {
        const bad = await t.http().get(`/api/v1/results?${query}`).expect(400);
        expect(bad.headers['content-type']).toContain('application/problem+json');
        problem(bad.body);
        expect(bad.body.errors.length).toBeGreaterThan(0);
      }
    });

    it('gives 404 for a result that does not exist and 400 for an id that is not one', async () => {
      const missing = await t.http().get('/api/v1/results/999999999').expect(404);
      expect(missing.body.code).toBe('RESOURCE.NOT_FOUND');
      await t.http().get('/api/v1/results/abc').expect(400);
    });
  });

  describe('writing', () => {
    const body = {
      measureCode: 'CFSE11',
      period: { kind: 'quarter', year: '2022/23', quarter: 1 },
      value: 77.5,
      status: 'provisional',
      comparators: [{ kind: 'england-average', label: 'England average', value: 75.1 }],
      commentary: 'New provider started in April.',
    };

    it('needs a token (401), an officer or admin role (403 for a member), and the officer’s portfolio (403)', async () => {
      await t.http().post('/api/v1/results').send(body).expect(401);
      await t.http().post('/api/v1/results').set(bearer(t.tokens.member)).send(body).expect(403);
      await t.http().post('/api/v1/results').set(bearer(t.tokens.clerk)).send(body).expect(403);
      const other = await t
        .http()
        .post('/api/v1/results')
        .set(bearer(t.tokens.officer))
        .send({ ...body, measureCode: 'CYP.1' })
        .expect(403);
      expect(other.body.code).toBe('AUTH.FORBIDDEN');
      expect(other.body.detail).toMatch(/CYP/);
    });

    it('rejects bad bodies with every problem located', async () => {
      const bad = await t
        .http()
        .post('/api/v1/results')
        .set(bearer(t.tokens.officer))
        .send({ ...body, period: 'Q1 2022', value: null, status: 'guess', surprise: 1 })
        .expect(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining(['$.period', '$.value', '$.status', '$.surprise']),
      );
      const noMeasure = await t
        .http()
        .post('/api/v1/results')
        .set(bearer(t.tokens.officer))
        .send({ ...body, measureCode: 'CFSE.999' })
        .expect(400);
      expect(noMeasure.body.errors[0].path).toBe('$.measureCode');
    });

    it('creates a result assessed against no target yet, then reassesses it when the year’s agreement sets one (77.5 against 79, tolerance 2: Amber)', async () => {
      const created = await t
        .http()
        .post('/api/v1/results')
        .set(bearer(t.tokens.officer))
        .send(body)
        .expect(201);
      expect(created.body).toMatchObject({ measureCode: 'CFSE11', value: 77.5, version: 1 });
      expect(created.body.rag.status).toBe('no-target');
      await t.http().post('/api/v1/results').set(bearer(t.tokens.officer)).send(body).expect(409);

      await t
        .http()
        .post('/api/v1/agreements')
        .set(bearer(t.tokens.officer))
        .send({
          portfolioCode: 'CFSE',
          year: '2022/23',
          priorities: [],
          targets: [
            {
              measureCode: 'CFSE11',
              unit: 'percent',
              target: 79,
              tolerance: { kind: 'absolute', amount: 2 },
              toleranceRationale: null,
            },
          ],
          revenueBudget: [],
          reserves: [],
          savings: [],
          capital: [],
        })
        .expect(201);
      const reassessed = await t.http().get(`/api/v1/results/${created.body.id}`).expect(200);
      expect(reassessed.body.rag.status).toBe('amber');
      expect(reassessed.body.version).toBe(1);
    });

    it('replaces a result with If-Match: stale is 412 and changes nothing, current is 200 and reassessed', async () => {
      const current = await find('CFSE11', '2021/22-Q3');
      // The result as read, with a new figure: its server fields are accepted and ignored.
      const change = { ...current, value: 80, status: 'actual', comparators: [], commentary: null };
      const moved = await t
        .http()
        .put(`/api/v1/results/${current.id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', `"${current.version}"`)
        .send({ ...change, period: { kind: 'quarter', year: '2021/22', quarter: 2 } })
        .expect(400);
      expect(moved.body.errors.map((e: { path: string }) => e.path)).toEqual(['$.period']);
      await t
        .http()
        .put(`/api/v1/results/${current.id}`)
        .set(bearer(t.tokens.officer))
        .send(change)
        .expect(428);
      const stale = await t
        .http()
        .put(`/api/v1/results/${current.id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', `"${current.version + 1}"`)
        .send(change)
        .expect(412);
      expect(stale.body.code).toBe('CONCURRENCY.STALE_VERSION');
      expect((await find('CFSE11', '2021/22-Q3')).value).toBe(68.9);
      const updated = await t
        .http()
        .put(`/api/v1/results/${current.id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', `"${current.version}"`)
        .send(change)
        .expect(200);
      expect(updated.body).toMatchObject({ value: 80, version: current.version + 1 });
      expect(updated.body.rag.status).toBe('green');
      // As long a reason as the schema allows: the column holds it on both databases.
      const unknown = { kind: 'unknown', reason: `Data not yet available. ${'x'.repeat(1976)}` };
      const withdrawn = await t
        .http()
        .put(`/api/v1/results/${current.id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', `"${updated.body.version}"`)
        .send({ ...updated.body, value: unknown })
        .expect(200);
      expect(withdrawn.body).toMatchObject({ value: unknown, rag: { status: 'no-data' } });
    });

    it('never serves a page read before a write: the same query after a change shows it', async () => {
      const url = '/api/v1/results?measure=CFSE10&period=2021/22-Q3';
      const before = await t.http().get(url).expect(200);
      const again = await t.http().get(url).expect(200);
      expect(again.body).toEqual(before.body);
      const result = before.body.items[0] as Result;
      await t
        .http()
        .put(`/api/v1/results/${result.id}`)
        .set(bearer(t.tokens.officer))
        .set('If-Match', String(result.version))
        .send({ ...result, value: 50, status: 'actual', comparators: [], commentary: 'Revised' })
        .expect(200);
      const after = await t.http().get(url).expect(200);
      expect(after.body.items[0]).toMatchObject({ value: 50, version: result.version + 1 });
      expect(after.body.items[0].rag.status).toBe('red');
    });

    /** A measure's stored assessments beside what reassessing its whole history gives. */
    const storedAndFull = async (measure: MeasureEntity) => {
      const rows = await t.dataSource.manager.findBy(MeasureResultEntity, {
        measureCode: measure.code,
      });
      const targets = await loadTargets(t.dataSource.manager, [measure.code]);
      const full = assessMeasureResults(
        measureToDomain(measure),
        targets.get(measure.code) ?? new Map(),
        rows.map(toDomain),
      );
      return { stored: new Map(rows.map((row) => [row.periodCode, storedAssessment(row)])), full };
    };

    it('stores, whatever order results are recorded in, what reassessing the whole measure gives', async () => {
      // A create reassesses only the periods around the new one (assessAround); a new period
      // between two recorded ones changes the later one's trend. Quarterly measures compare with
      // the quarter before, termly ones with the same period a year before.
      const measures = await t.dataSource.manager.find(MeasureEntity, {
        where: { portfolioCode: 'CFSE' },
        order: { code: 'ASC' },
      });
      const quarterly = measures.find((measure) => measure.frequency === 'quarterly');
      const termly = measures.find((measure) => measure.frequency === 'termly');
      expect(quarterly && termly).toBeDefined();
      const quarter = (year: string, q: number): ReportingPeriod =>
        ({ kind: 'quarter', year, quarter: q }) as ReportingPeriod;
      const writes: [MeasureEntity, ReportingPeriod, number][] = [
        [quarterly!, quarter('2024/25', 3), 60],
        [quarterly!, quarter('2024/25', 1), 70],
        [quarterly!, quarter('2024/25', 2), 65],
        [quarterly!, quarter('2024/25', 4), 65],
        [quarterly!, quarter('2025/26', 1), 80],
        [termly!, quarter('2025/26', 3), 40],
        [termly!, quarter('2024/25', 3), 55],
        [termly!, quarter('2024/25', 2), 50],
        [termly!, quarter('2023/24', 3), 45],
      ];
      for (const [measure, period, value] of writes) {
        await t
          .http()
          .post('/api/v1/results')
          .set(bearer(t.tokens.officer))
          .send({
            measureCode: measure.code,
            period,
            value,
            status: 'actual',
            comparators: [],
            commentary: null,
          })
          .expect(201);
      }
      for (const measure of [quarterly!, termly!]) {
        const { stored, full } = await storedAndFull(measure);
        expect(stored).toEqual(full);
        // The later results did change: Q3's trend now compares with the Q2 recorded after it.
        const later = stored.get(periodCode(writes[0]![1]));
        expect(measure !== quarterly || later?.trend.direction !== 'not-comparable').toBe(true);
      }
    });

    it('records one of 50 racing creates of a period, audited once, and reassesses racing neighbours as a whole', async () => {
      const measure = (await t.dataSource.manager.findOneByOrFail(MeasureEntity, {
        code: 'CFSE10',
      }))!;
      const post = (period: ReportingPeriod, value: number) =>
        t.http().post('/api/v1/results').set(bearer(t.tokens.officer)).send({
          measureCode: measure.code,
          period,
          value,
          status: 'actual',
          comparators: [],
          commentary: null,
        });
      const period = { kind: 'quarter', year: '2026/27', quarter: 1 } as ReportingPeriod;
      const raced = await Promise.all(Array.from({ length: 50 }, (_, i) => post(period, i)));
      const created = raced.filter((response) => response.status === 201);
      expect(created).toHaveLength(1);
      expect(raced.filter((response) => response.status === 409)).toHaveLength(49);
      const audited = (await t.dataSource.query(
        `SELECT COUNT(*) AS "n" FROM "audit_events" WHERE "entity" = 'measure-result' AND "entity_id" = '${Number(created[0]!.body.id)}'`,
      )) as { n: number | string }[];
      expect(Number(audited[0]?.n)).toBe(1);
      // Twelve neighbouring quarters at once: each trend compares with a quarter written
      // concurrently, so each write must see the one before it (the measure's lock).
      const quarters = Array.from({ length: 12 }, (_, i) => ({
        kind: 'quarter',
        year: `${2027 + Math.floor(i / 4)}/${String((28 + Math.floor(i / 4)) % 100)}`,
        quarter: (i % 4) + 1,
      })) as ReportingPeriod[];
      const neighbours = await Promise.all(quarters.map((q, i) => post(q, 40 + ((i * 7) % 11))));
      expect(neighbours.map((response) => response.status)).toEqual(quarters.map(() => 201));
      const { stored, full } = await storedAndFull(measure);
      expect(stored).toEqual(full);
    });

    it('records every write in the audit trail', async () => {
      const audit = await t
        .http()
        .get('/api/v1/audit-events?entity=measure-result&limit=100')
        .set(bearer(t.tokens.admin))
        .expect(200);
      const actions = (audit.body.items as { action: string; actorRole: string }[]).map(
        (e) => e.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['create', 'update']));
    });

    it('deletes with If-Match, and the next period’s trend is reassessed', async () => {
      const q1 = await find('CYP.1', '2021/22-Q1');
      await t
        .http()
        .delete(`/api/v1/results/${q1.id}`)
        .set(bearer(t.tokens.admin))
        .set('If-Match', String(q1.version))
        .expect(204);
      const q2 = await find('CYP.1', '2021/22-Q2');
      expect(q2.trend).toMatchObject({ direction: 'not-comparable', previousPeriod: '2021/22-Q1' });
      expect(q2.trend.explanation).toMatch(/no figure for Q1 2021\/22/);
    });
  });

  describe('history of a measure across years', () => {
    it('gives CFSE.65 every year from 2017/18, with the 2021/22 target and its results assessed', async () => {
      const response = await t.http().get('/api/v1/measures/CFSE.65/history').expect(200);
      expect(response.body.measure.code).toBe('CFSE.65');
      const years = (response.body.years as { year: string }[]).map((y) => y.year);
      expect(years).toEqual(['2017/18', '2018/19', '2019/20', '2020/21', '2021/22']);
      const latest = response.body.years[4];
      expect(latest.agreementStatus).toBe('approved');
      expect(latest.target).toMatchObject({
        target: 75,
        tolerance: { kind: 'absolute', amount: 5 },
      });
      expect(latest.results.length).toBeGreaterThan(0);
      for (const result of latest.results as Result[])
        expect(result.rag.explanation.length).toBeGreaterThan(0);
      await t.http().get('/api/v1/measures/NOPE.1/history').expect(404);
    });
  });
});
