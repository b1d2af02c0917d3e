import { type DynamicModule, Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { READINESS_CHECK_TIMEOUT_MS } from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { HealthController } from './health.controller.js';
import { ReadinessChecks } from './readiness.js';
import { pingRedis } from './redis-ping.js';

const HEALTH_CONFIG = Symbol('HEALTH_CONFIG');

/**
 * Liveness and readiness. Global, so any module can inject `ReadinessChecks` and register the
 * dependency it needs (in its own `onModuleInit`); the database's check and, when REDIS_URL is
 * set, the rate limiter's Redis (non-fatal) are registered here.
 */
@Global()
@Module({})
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly checks: ReadinessChecks,
    private readonly dataSource: DataSource,
    @Inject(HEALTH_CONFIG) private readonly config: AppConfig,
  ) {}

  static register(config: AppConfig): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [ReadinessChecks, { provide: HEALTH_CONFIG, useValue: config }],
      exports: [ReadinessChecks],
    };
  }

  onModuleInit(): void {
    this.checks.register('database', () => this.dataSource.query('SELECT 1'));
    const { redisUrl } = this.config;
    if (redisUrl !== null)
      // Non-fatal: the rate limiter fails open (requests are served, each process counting
      // nothing), so taking the process out of rotation would not serve anyone better.
      this.checks.register('redis', () => pingRedis(redisUrl, READINESS_CHECK_TIMEOUT_MS), {
        fatal: false,
      });
  }
}
