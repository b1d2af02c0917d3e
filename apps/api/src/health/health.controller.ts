import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { Health } from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem.js';
import { Operation, Resource } from '../contract/operation.js';

@Resource('health', 'Whether the API and its database answer.')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

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
}
