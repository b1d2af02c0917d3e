import { Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AssessedResult,
  MeasureResult,
  MeasureResultInput,
  MeasureResultPage,
  MeasureResultQuery,
  MeasureResultResource,
  ReportingPeriod,
} from '@scrutineer/domain';
import { parsePeriodCode, periodCode } from '@scrutineer/domain';
import { DataSource, type EntityManager, type EntitySubscriberInterface } from 'typeorm';
import {
  auditInsertColumns,
  diffChanges,
  hasChanges,
  insertColumns,
  recordAudit,
} from '../audit/audit.js';
import { nowInstant } from '../common/versioned-row.js';
import type { Caller } from '../auth/caller.js';
import { pageOf, pageWindow, parseSort, updatedSinceOf } from '../common/pagination.js';
import { ApiError, notFound } from '../common/problem.js';
import { assertCanWritePortfolio } from '../performance/access.js';
import { assessNewResult, lockMeasure, reassessMeasures } from '../performance/assessment-store.js';
import { Metrics } from '../metrics/metrics.service.js';
import { resultsCacheToken } from '../database/data-generations.js';
import { checkVersion, updateAtVersion } from '../common/concurrency.js';
import { MeasureResultEntity } from './measure-result.entity.js';
import { ResultPages } from './result-pages.js';
import {
  contentColumns,
  RESULT_ROW_COLUMNS,
  RESULT_ROW_LENGTH,
  type ResultRow,
  resultRowOf,
  rowToResponse,
  toAssessedDomain,
  toPersistence,
  toResponse,
} from './measure-result.mapper.js';

const ENTITY = 'measure-result';

/** Sort fields of the list and their columns. */
const SORTS = {
  period: 'period_start',
  measure: 'measure_code',
  portfolio: 'portfolio_code',
  value: 'value',
  rag: 'rag_status',
} as const;

/** A replaced result must stay the same measure's result for the same period. */
const assertSamePlace = (before: MeasureResultEntity, body: MeasureResult): void => {
  const problems = [
    ...(body.measureCode === before.measureCode
      ? []
      : [{ path: '$.measureCode', message: `must stay ${before.measureCode}` }]),
    ...(periodCode(body.period) === before.periodCode
      ? []
      : [{ path: '$.period', message: `must stay ${before.periodCode}` }]),
  ];
  if (problems.length > 0) {
    throw new ApiError(
      'REQUEST.INVALID',
      'A result’s measure and period are fixed once it is recorded; record a new result instead.',
      problems,
    );
  }
};

/**
 * Inserts a new result and returns it as stored, in one statement: `save` would read the row
 * back on SQLite for its defaulted version. Every column is given (version 1); the id comes
 * back from the insert (RETURNING on PostgreSQL, the last row id on SQLite) and the timestamps
 * from TimestampsSubscriber, which the insert still calls.
 */
const insertResult = async (
  manager: EntityManager,
  row: MeasureResultEntity,
): Promise<MeasureResultEntity> => {
  row.version = 1;
  const insert = manager
    .createQueryBuilder()
    .insert()
    .into(MeasureResultEntity)
    .values(row)
    .updateEntity(false);
  const outcome =
    manager.connection.options.type === 'postgres'
      ? await insert.returning('"id"').execute()
      : await insert.execute();
  const raw: unknown = outcome.raw;
  const id = Number(Array.isArray(raw) ? (raw[0] as { id?: unknown } | undefined)?.id : raw);
  if (!Number.isInteger(id)) throw new Error(`The insert gave no id: ${JSON.stringify(raw)}`);
  row.id = id;
  return row;
};

/**
 * On PostgreSQL, the new result and its audit event in one statement (the event names the id
 * the insert gives): one round trip where `insertResult` and `recordAudit` take two. Raw SQL, so
 * the timestamps TimestampsSubscriber would set are set here.
 */
const insertAuditedResult = async (
  manager: EntityManager,
  caller: Caller,
  row: MeasureResultEntity,
  changes: object,
): Promise<MeasureResultEntity> => {
  row.version = 1;
  row.createdAt = nowInstant();
  row.updatedAt = row.createdAt;
  const result = insertColumns(manager, MeasureResultEntity, row);
  // Every column but the event's entity id, which is the id the insert gives (below).
  const audit = auditInsertColumns(manager, caller, {
    entity: ENTITY,
    entityId: '',
    action: 'create',
    changes,
  });
  const at = result.values.length;
  const placeholders = (values: unknown[], from: number): string =>
    values.map((_value, i) => `$${from + i + 1}`).join(', ');
  const rows = (await manager.query(
    `WITH "inserted" AS (INSERT INTO "measure_results" (${result.names.join(', ')}) VALUES (${placeholders(result.values, 0)}) RETURNING "id")
     INSERT INTO "audit_events" (${audit.names.join(', ')}, "entity_id")
     SELECT ${placeholders(audit.values, at)}, CAST("id" AS VARCHAR) FROM "inserted" RETURNING "entity_id"`,
    [...result.values, ...audit.values],
  )) as { entity_id: string }[];
  const id = Number(rows[0]?.entity_id);
  if (!Number.isInteger(id)) throw new Error(`The insert gave no id: ${JSON.stringify(rows)}`);
  row.id = id;
  return row;
};

/** How long after a commit the refill starts: the writes of a burst are one refill. */
const REFILL_DELAY_MS = 10;

/** What a page read answers, and whether it may be kept for the token read before it. */
type PageRead = { readonly page: MeasureResultPage; readonly isCommitted: boolean };

/** better-sqlite3's connection, as far as the list uses it (TypeORM's driver holds it). */
type SqliteStatement = {
  all: (parameters: object) => unknown[];
  raw: (on: boolean) => SqliteStatement;
};
type SqliteConnection = {
  readonly inTransaction: boolean;
  prepare: (sql: string) => SqliteStatement;
};

const pageKey = (query: MeasureResultQuery): string =>
  JSON.stringify([
    query.portfolio,
    query.year,
    query.period,
    query.rag,
    query.measure,
    query.status,
    query.sort,
    query.limit,
    query.offset,
    updatedSinceOf(query),
  ]);

@Injectable()
export class ResultsService implements OnModuleDestroy {
  private readonly logger = new Logger(ResultsService.name);
  private readonly pages = new ResultPages<MeasureResultQuery>();
  /** The token the latest lookup answered: pages are kept for it only, never for an older one. */
  private newest: string | null = null;
  private refillTimer: NodeJS.Timeout | undefined;
  private refilling: Promise<void> | undefined;
  private isClosed = false;
  /** SQLite's prepared list statements, by SQL (a few filter shapes and sorts). */
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: Metrics,
  ) {
    // Every committed transaction (not a savepoint's release) may have moved the performance
    // token: the refill looks, and reads again the pages that were wanted under the old one.
    // A rolled-back one lets a refill go on that stopped for it (SQLite, below).
    const refillAfterTransaction: EntitySubscriberInterface = {
      afterTransactionCommit: (event) => {
        if (!event.queryRunner.isTransactionActive) this.scheduleRefill();
      },
      afterTransactionRollback: (event) => {
        if (!event.queryRunner.isTransactionActive) this.scheduleRefill();
      },
    };
    dataSource.subscribers.push(refillAfterTransaction);
  }

  async onModuleDestroy(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.refillTimer);
    this.refillTimer = undefined;
    await this.refilling;
  }

  /**
   * The busiest read (see docs/benchmarks.md). Pages are kept per generation of the performance
   * data (database/data-generations.ts), which every write that can change a result replaces; a
   * miss reads plain SQL over the list's columns, mapped straight to the response, skipping the
   * query builder and entity hydration. Filters and sort are whitelisted; values are bound.
   * After a write commits, the pages that were being read are read again in the background
   * (`refill`), so the first reader after a write does not pay for the page.
   */
  /** The page as the JSON the route sends, kept serialised so a repeated read does no work. */
  async listJson(query: MeasureResultQuery): Promise<string> {
    const token = await this.currentToken();
    const key = pageKey(query);
    const cached = this.pages.get(token, key);
    this.metrics?.recordCacheLookup('results', cached !== undefined);
    if (cached !== undefined) return cached;
    // Another process's write (or this one's, before its refill began): refill from here on.
    if (this.pages.isBehind(token)) this.scheduleRefill();
    return this.fill(token, key, query);
  }

  /** Resolves when no refill is due or running (for the tests). */
  async refillSettled(): Promise<void> {
    while (this.refillTimer !== undefined || this.refilling !== undefined) {
      await (this.refilling ?? new Promise((resolve) => setTimeout(resolve, REFILL_DELAY_MS)));
    }
  }

  private async currentToken(): Promise<string> {
    const token = await resultsCacheToken(this.dataSource);
    this.newest = token;
    return token;
  }

  /**
   * Reads the page, and keeps it for `token` (read before it) when that is safe: the page then
   * holds committed data at least as new as the token's, so it is either that token's page or
   * newer data under a token that is already dead (a write committed in between), never
   * served. A page read while a write is open on SQLite's shared connection holds the write's
   * uncommitted rows, which its ROLLBACK may undo without moving the token: it is answered but
   * never kept.
   */
  private async fill(
    token: string,
    key: string,
    query: MeasureResultQuery,
    wanted?: number,
  ): Promise<string> {
    const { page, isCommitted } = await this.readPage(query);
    const json = JSON.stringify(page);
    if (isCommitted && token === this.newest) this.pages.set(token, key, query, json, wanted);
    return json;
  }

  /**
   * A burst of commits within REFILL_DELAY_MS is one refill; a commit during a refill moves it
   * on to the new token at its next page (it reads the token again before each page).
   */
  private scheduleRefill(): void {
    // Nothing is read again (no page was read twice): not even the token is looked up.
    if (this.isClosed || this.refillTimer !== undefined || !this.pages.hasWanted()) return;
    this.refillTimer = setTimeout(() => {
      this.refillTimer = undefined;
      if (this.refilling !== undefined) {
        // Running: it reads the token before each page, so it sees this write too.
        return;
      }
      this.refilling = this.refill().finally(() => {
        this.refilling = undefined;
      });
    }, REFILL_DELAY_MS);
    this.refillTimer.unref();
  }

  /**
   * Reads again, one page at a time and yielding to requests between pages, the pages that
   * were wanted under the token before (ResultPages: bounded, only pages read more than once).
   * Each page goes through the same read as a reader's miss (`fill`), under the token read just
   * before it, so what the refill keeps is exactly what a reader would have kept.
   */
  private async refill(): Promise<void> {
    try {
      while (!this.isClosed) {
        const token = await this.currentToken();
        this.pages.advance(token);
        // A write is open on SQLite's one connection: what it read now could not be kept.
        // That write's COMMIT or ROLLBACK schedules the refill again. (Checked in the same
        // synchronous stretch as the page's statements, which `fill` runs before its first await.)
        if (this.sqlite()?.inTransaction === true) return;
        const next = this.pages.nextToRefill(token);
        if (next === undefined) return;
        await this.fill(token, next.key, next.query, next.wanted);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // A refill is only ahead of readers: one that fails (the database closing, a lost
      // connection) leaves the page to its first reader, who reads it as before.
      if (!this.isClosed) this.logger.warn(`refilling the results pages failed: ${String(error)}`);
    }
  }

  /** SQLite's connection when the data source is better-sqlite3 (one, shared by every caller). */
  private sqlite(): SqliteConnection | undefined {
    if (this.dataSource.options.type !== 'better-sqlite3') return undefined;
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection })
      .databaseConnection;
  }

  /**
   * Runs the page's statement, and the count alone when the page is past the end. On SQLite they
   * run on the connection itself, synchronously, so whether a write's transaction is open is
   * known for the very moment they read (through TypeORM's query runner a transaction could
   * begin between the check and the statement); and in better-sqlite3's raw mode, each row an
   * array rather than an object the driver builds column by column, which was half the read.
   */
  private async pageRows(
    pageSql: string,
    countSql: string,
    parameters: Record<string, string | number>,
  ): Promise<{ rows: ResultRow[]; total: number | string | undefined; isCommitted: boolean }> {
    const sqlite = this.sqlite();
    if (sqlite !== undefined) {
      const isCommitted = !sqlite.inTransaction;
      const values = this.prepared(sqlite, pageSql).all(parameters) as unknown[][];
      const total =
        values.length > 0
          ? (values[0]?.[RESULT_ROW_LENGTH] as number)
          : ((this.prepared(sqlite, countSql).all(parameters) as unknown[][])[0]?.[0] as number);
      return { rows: values.map(resultRowOf), total, isCommitted };
    }
    const run = <T>(sql: string): Promise<T[]> => {
      const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
      // PostgreSQL: a pool connection outside any transaction sees committed data only.
      return this.dataSource.query(text, values);
    };
    type Total = { total: number | string };
    const rows = await run<ResultRow & Total>(pageSql);
    const total = rows[0]?.total ?? (await run<Total>(countSql))[0]?.total;
    return { rows, total, isCommitted: true };
  }

  /**
   * SQLite's statement for this SQL, prepared once, in raw mode. Bound by name (better-sqlite3
   * takes `:name` itself): one per filter shape and sort, where TypeORM's escaping would write
   * the limit and offset into the text.
   */
  private prepared(sqlite: SqliteConnection, sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= 64) this.statements.clear();
      statement = sqlite.prepare(sql).raw(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private async readPage(query: MeasureResultQuery): Promise<PageRead> {
    const { limit, offset } = pageWindow(query);
    const filters: [string, string | undefined][] = [
      ['portfolio_code', query.portfolio],
      ['year', query.year],
      // Read through the domain: a code the pattern allows but the calendar does not is a 400.
      [
        'period_code',
        query.period === undefined ? undefined : periodCode(parsePeriodCode(query.period)),
      ],
      ['rag_status', query.rag],
      ['measure_code', query.measure],
      ['status', query.status],
    ];
    const parameters: Record<string, string | number> = { limit, offset };
    const conditions = filters.flatMap(([column, value], i) => {
      if (value === undefined) return [];
      parameters[`f${i}`] = value;
      return [`"${column}" = :f${i}`];
    });
    const since = updatedSinceOf(query);
    if (since !== undefined) {
      parameters.updatedSince = since;
      conditions.push('"updated_at" >= :updatedSince');
    }
    const where = conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
    const order = parseSort(query.sort, SORTS, [
      { column: 'period_start', direction: 'DESC' },
      { column: 'measure_code', direction: 'ASC' },
    ])
      // Qualified: a bare "period_start" would name the select list's CAST of it, which no index
      // holds, and SQLite sorted every matching row in a temporary B-tree.
      .map(({ column, direction }) => `"measure_results"."${column}" ${direction}`)
      .join(', ');
    // The page and its total in one statement (the count an uncorrelated subquery, evaluated
    // once); a page past the end has no row to carry the total, so only then is it counted alone.
    const { rows, total, isCommitted } = await this.pageRows(
      `SELECT ${RESULT_ROW_COLUMNS}, (SELECT COUNT(*) FROM "measure_results"${where}) AS "total" FROM "measure_results"${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
      `SELECT COUNT(*) AS "total" FROM "measure_results"${where}`,
      parameters,
    );
    return { page: pageOf(rows.map(rowToResponse), Number(total ?? 0), query), isCommitted };
  }

  async get(id: number): Promise<MeasureResultResource> {
    return toResponse(await this.find(this.dataSource.manager, id));
  }

  /**
   * The results of these measures for these periods (one row each at most, by the unique
   * measure and period index), by measure then period: what a document shows of them.
   */
  async findDomainForPeriods(
    wanted: readonly { readonly measureCode: string; readonly period: ReportingPeriod }[],
  ): Promise<AssessedResult[]> {
    const keys = [
      ...new Map(
        wanted.map(({ measureCode, period }) => {
          const code = periodCode(period);
          return [`${measureCode} ${code}`, { measureCode, periodCode: code }];
        }),
      ).values(),
    ];
    if (keys.length === 0) return [];
    const rows: MeasureResultEntity[] = [];
    // A bounded OR per query: SQLite allows 999 (older builds) bound parameters.
    for (let at = 0; at < keys.length; at += 400) {
      rows.push(
        ...(await this.dataSource.manager.find(MeasureResultEntity, {
          where: keys.slice(at, at + 400),
        })),
      );
    }
    const order = (row: MeasureResultEntity): string =>
      `${row.measureCode}\u0000${row.periodStart}\u0000${row.periodEnd}`;
    rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    return rows.map(toAssessedDomain);
  }

  async create(caller: Caller, body: MeasureResultInput): Promise<MeasureResultResource> {
    const result: MeasureResult = body;
    const code = periodCode(result.period);
    const created = await this.dataSource.transaction(async (manager) => {
      // Read and locked in one statement: writes that reassess this measure wait for each other.
      const measure = await lockMeasure(manager, body.measureCode);
      if (measure === null) {
        throw new ApiError('REQUEST.INVALID', `There is no measure ${body.measureCode}.`, [
          {
            path: '$.measureCode',
            message: `no measure has the code ${JSON.stringify(body.measureCode)}`,
          },
        ]);
      }
      assertCanWritePortfolio(caller, measure.portfolioCode);
      const assessed = await assessNewResult(manager, measure, result);
      if (assessed.exists) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `Measure ${measure.code} already has a result for ${code}; change that one instead.`,
          [{ path: '$.period', message: 'the measure already has a result for this period' }],
        );
      }
      const row = toPersistence(result, measure.portfolioCode, assessed.assessment);
      if (manager.connection.options.type === 'postgres')
        return insertAuditedResult(manager, caller, row, { ...body });
      const saved = await insertResult(manager, row);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(saved.id),
        action: 'create',
        changes: { ...body },
      });
      return saved;
    });
    // The row as inserted (id from the insert, timestamps from TimestampsSubscriber): no read back.
    return toResponse(created);
  }

  async replace(
    caller: Caller,
    id: number,
    version: number,
    body: MeasureResult,
  ): Promise<MeasureResultResource> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      assertSamePlace(before, body);
      const changes = contentColumns(body);
      const diff = diffChanges({ ...before }, changes);
      if (!hasChanges(diff)) return;
      await updateAtVersion(
        manager,
        MeasureResultEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        changes,
      );
      await reassessMeasures(manager, [before.measureCode]);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'update',
        changes: diff,
      });
    });
    return this.get(id);
  }

  async remove(caller: Caller, id: number, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      await manager.delete(MeasureResultEntity, { id });
      await reassessMeasures(manager, [before.measureCode]);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'delete',
        changes: { ...toResponse(before) },
      });
    });
  }

  private async find(manager: EntityManager, id: number): Promise<MeasureResultEntity> {
    const row = await manager.findOneBy(MeasureResultEntity, { id });
    if (row === null) throw notFound(ENTITY, String(id));
    return row;
  }

  private async loadForChange(
    manager: EntityManager,
    caller: Caller,
    id: number,
    version: number,
  ): Promise<MeasureResultEntity> {
    const row = await this.find(manager, id);
    assertCanWritePortfolio(caller, row.portfolioCode);
    return checkVersion(row, ENTITY, id, version);
  }
}
