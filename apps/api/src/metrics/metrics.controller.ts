import { Controller, Get, Inject, Res, VERSION_NEUTRAL } from '@nestjs/common';
import type { Response } from 'express';
import { type Caller, CurrentCaller } from '../auth/caller.js';
import { ApiError } from '../common/problem.js';
import type { MetricsMode } from '../config/config.js';
import { Operation, Resource } from '../contract/operation.js';
import { Metrics } from './metrics.service.js';

export const METRICS_MODE = Symbol('METRICS_MODE');

/** Who may read the metrics under `mode`: throws the problem a refused caller gets. */
export const checkMetricsAccess = (mode: MetricsMode, caller: Caller): void => {
  if (mode === 'off') throw new ApiError('ROUTE.NOT_FOUND', 'Metrics are off here (METRICS=off).');
  if (mode === 'open' || caller.role === 'admin') return;
  if (caller.role === 'anonymous')
    throw new ApiError(
      'AUTH.UNAUTHENTICATED',
      'Metrics need an admin token (Authorization: Bearer <token>), unless the server sets METRICS=open.',
    );
  throw new ApiError(
    'AUTH.FORBIDDEN',
    `A ${caller.role} token may not read metrics; it needs admin.`,
  );
};

@Resource('metrics', 'Prometheus metrics, for the operator (docs/operations.md).')
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(METRICS_MODE) private readonly mode: MetricsMode,
  ) {}

  @Get()
  @Operation({
    summary:
      'Prometheus metrics (text exposition format); admin token unless METRICS=open, 404 when METRICS=off.',
    description:
      'HTTP requests and latency by route template and status, database pool, cache lookups, and process metrics (RSS, CPU, event-loop lag, GC). METRICS_PORT serves the same on 127.0.0.1 without a token. See docs/operations.md for what each means.',
    produces: 'text/plain',
    unlisted:
      'An operator route: the API contract (../shared/checks/api-contract.js) lists /api/v1 and /api/health only; docs/operations.md documents it.',
    errors: [401, 403, 404],
  })
  async read(@CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    checkMetricsAccess(this.mode, caller);
    const text = await this.metrics.text();
    response.status(200).type(this.metrics.contentType).send(text);
  }
}
