import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type INestApplication, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CouncilDataset } from '@scrutineer/domain';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule, requestId } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { answerClientErrorsWithProblems } from './common/client-error.js';
import { verifyJsonDepth } from './common/json-depth.js';
import { prepareDatabase } from './database/prepare.js';
import { Metrics } from './metrics/metrics.service.js';
import { recordRequests } from './metrics/record-requests.js';
import { setupOpenApi } from './openapi.js';

/** Request bodies above this are refused with 413 (a whole meeting document fits easily). */
export const BODY_LIMIT = '2mb';

export type CreateAppOptions = {
  /** Migrate, and seed a new database (default true). */
  readonly prepare?: boolean;
  /** The data set a new database is loaded with (default: the sample council). */
  readonly dataset?: () => Promise<CouncilDataset>;
};

/** Builds the configured application (not yet listening): routes, docs, and a migrated database. */
export const createApp = async (
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First, so every request is counted and timed, even one refused before it reaches a route.
  app.use(recordRequests(app.get(Metrics)));
  // Give every request its id before body parsing, so even a malformed body's error names it.
  app.use(
    (request: IncomingMessage & { id?: string }, response: ServerResponse, next: () => void) => {
      request.id = requestId(request, response);
      next();
    },
  );
  // Nesting is bounded before parsing (a deep body would overflow the validators' stack). Nest's
  // option type leaves out `verify` (it uses it for `rawBody`, which we do not turn on); Express
  // passes it through to body-parser.
  const json = {
    limit: BODY_LIMIT,
    type: ['application/json', 'application/*+json'],
    verify: verifyJsonDepth,
  };
  app.useBodyParser('json', json as Omit<typeof json, 'verify'>);
  answerClientErrorsWithProblems(app.getHttpServer() as Server);
  app.disable('x-powered-by');
  // ETags are the resources' versions (EntityTagInterceptor), never Express's weak body hash.
  app.set('etag', false);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.enableShutdownHooks();
  setupOpenApi(app);
  if (options.prepare ?? true) {
    await prepareDatabase(app.get(DataSource), {
      seedIfNew: true,
      ...(options.dataset ? { dataset: options.dataset } : {}),
    });
  }
  return app;
};
