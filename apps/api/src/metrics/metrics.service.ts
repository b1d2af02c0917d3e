/**
 * The Prometheus metrics of one app: HTTP requests by route template (bounded: never the raw
 * URL) and status, the database pool, cache lookups, rendering, and the process (RSS, CPU, event-loop lag,
 * GC, heap). One registry per app, so two apps in one process (tests) do not share counts.
 */
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { ApiRenderMetrics } from './render-metrics.js';

/** Latency buckets in seconds: fine below 100 ms, where reads live, up to a slow PDF. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route label of a request no route matched (404s of any URL share it). */
export const UNMATCHED_ROUTE = 'unmatched';

type PgPool = {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
};

const poolOf = (dataSource: DataSource): PgPool | undefined => {
  if (dataSource.options.type !== 'postgres') return undefined;
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  return pool && typeof pool.totalCount === 'number' ? pool : undefined;
};

@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route' | 'status'>;
  private readonly cacheLookups: Counter<'cache' | 'outcome'>;
  /** The render path's counts (RenderingModule feeds them). */
  readonly render: ApiRenderMetrics;

  constructor(dataSource: DataSource) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its response, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.cacheLookups = new Counter({
      name: 'scrutineer_cache_lookups_total',
      help: 'Lookups in an in-memory cache, by cache and outcome (hit or miss).',
      labelNames: ['cache', 'outcome'],
      registers,
    });
    this.render = new ApiRenderMetrics(this.registry);
    if (dataSource.options.type === 'postgres') this.watchPool(dataSource);
  }

  /** The PostgreSQL pool's gauges (SQLite has one synchronous connection: nothing to watch). */
  private watchPool(dataSource: DataSource): void {
    const registers = [this.registry];
    new Gauge({
      name: 'scrutineer_db_pool_connections',
      help: 'PostgreSQL pool connections by state: total open, idle, and callers waiting for one (not reported on SQLite, which has one connection).',
      labelNames: ['state'],
      registers,
      collect(this: Gauge<'state'>) {
        const pool = poolOf(dataSource);
        if (pool === undefined) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'scrutineer_db_pool_max',
      help: 'The most connections the PostgreSQL pool opens.',
      registers,
      collect(this: Gauge) {
        const max = poolOf(dataSource)?.options?.max;
        if (max !== undefined) this.set(max);
      },
    });
  }

  /** Counts one answered request. `route` is its template (`/api/v1/meetings/:id`). */
  recordRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  /** Counts one lookup in a named cache. */
  recordCacheLookup(cache: string, hit: boolean): void {
    this.cacheLookups.inc({ cache, outcome: hit ? 'hit' : 'miss' });
  }

  /** The text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
