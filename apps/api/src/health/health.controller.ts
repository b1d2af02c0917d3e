import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { Health, Readiness } from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem.js';
import { Operation, Resource } from '../contract/operation.js';
import { ReadinessChecks } from './readiness.js';

@Resource(
  'health',
  'Whether the API answers (liveness) and whether it can serve: its database and other dependencies (readiness).',
)
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Get()
  @Operation({
    summary: 'Liveness and database check: 200 when the database answers, 503 when not.',
    response: Health,
    errors: [401, 503],
  })
  async check(): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      throw new ApiError(
        'HEALTH.DATABASE_UNAVAILABLE',
        `The database did not answer: ${(error as Error).message}`,
      );
    }
    return { status: 'ok', database: this.dataSource.options.type as Health['database'] };
  }

  @Get('ready')
  @Operation({
    summary:
      'Readiness: 200 when every fatal check answers (database, renderer), else 503 `HEALTH.NOT_READY` naming what failed.',
    description:
      "For a load balancer: take the process out of rotation while this fails. Each check has a 2 s timeout; `data.checks` of the 503 problem lists every check with its `status`, `detail` and `fatal`. A non-fatal check that is down (the rate limiter's Redis, which fails open; the render workers) answers 200 with status `degraded`.",
    response: Readiness,
    errors: [401, 503],
  })
  async ready(): Promise<Readiness> {
    const checks = await this.readiness.run();
    const down = checks.filter((check) => check.status === 'down' && check.fatal);
    if (down.length > 0) {
      throw new ApiError(
        'HEALTH.NOT_READY',
        `Not ready: ${down.map((check) => `${check.name} (${check.detail ?? 'down'})`).join('; ')}.`,
        [],
        { checks },
      );
    }
    const degraded = checks.some((check) => check.status === 'down');
    return { status: degraded ? 'degraded' : 'ready', checks };
  }
}
