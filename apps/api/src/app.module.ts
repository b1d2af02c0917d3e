import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from './auth/auth.guard.js';
import { EntityTagInterceptor } from './common/etag.interceptor.js';
import { CacheControlInterceptor } from './public-record/cache-control.interceptor.js';
import { ProblemFilter } from './common/problem.filter.js';
import { RequestValidationInterceptor } from './contract/request-validation.interceptor.js';
import {
  ResponseCheckInterceptor,
  checksResponses,
} from './contract/response-check.interceptor.js';
import { type AppConfig, DEFAULT_PUBLIC_SITE_URL, EMBEDDED_RENDERING } from './config/config.js';
import { dataSourceOptions, initializeDataSource } from './database/data-source.js';
import { featureModules } from './feature-modules.js';
import { ATTACHMENT_MAX_BYTES, DEFAULT_ATTACHMENT_MAX_BYTES } from './files/multipart.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { PublicRecordModule } from './public-record/public-record.module.js';
import { createRateLimiter, RATE_LIMITER } from './rate-limit/rate-limit.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { RenderingModule } from './rendering/rendering.module.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Takes a sane incoming X-Request-Id, else makes one; echoes it in the response. */
export const requestId = (
  request: IncomingMessage & { id?: unknown },
  response: ServerResponse,
): string => {
  if (typeof request.id === 'string') return request.id;
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
};

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMITER) private readonly limiter: RateLimiter) {}

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }

  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestId,
            redact: ['req.headers.authorization'],
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : 'info',
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.database),
          // On SQLite, transactions are queued (database/serialised-transactions.ts).
          dataSourceFactory: async (options) => {
            if (options === undefined) throw new Error('no data source options');
            return initializeDataSource(options);
          },
        }),
        HealthModule.register(config),
        MetricsModule.register(config),
        RenderingModule.register(config.render ?? EMBEDDED_RENDERING()),
        ...featureModules,
        PublicRecordModule.register(config.publicSiteUrl ?? DEFAULT_PUBLIC_SITE_URL),
      ],
      providers: [
        {
          provide: RATE_LIMITER,
          useFactory: () => createRateLimiter(config.rateLimits, config.redisUrl),
        },
        {
          provide: ATTACHMENT_MAX_BYTES,
          useValue: config.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        // Outermost first: responses are checked after the request was validated and handled.
        ...(checksResponses()
          ? [{ provide: APP_INTERCEPTOR, useClass: ResponseCheckInterceptor }]
          : []),
        { provide: APP_INTERCEPTOR, useClass: EntityTagInterceptor },
        { provide: APP_INTERCEPTOR, useClass: CacheControlInterceptor },
        { provide: APP_INTERCEPTOR, useClass: RequestValidationInterceptor },
      ],
    };
  }
}
