import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem.js';

export class HealthDto {
  @ApiProperty({ example: 'ok' })
  status: 'ok';

  @ApiProperty({
    description: 'The database driver in use.',
    example: 'better-sqlite3',
    enum: ['better-sqlite3', 'postgres'],
  })
  database: string;
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and database check: 200 when the database answers, 503 when not.',
  })
  @ApiOkResponse({ type: HealthDto })
  async check(): Promise<HealthDto> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      throw new ApiError(
        'HEALTH.DATABASE_UNAVAILABLE',
        `The database did not answer: ${(error as Error).message}`,
      );
    }
    return { status: 'ok', database: this.dataSource.options.type };
  }
}
