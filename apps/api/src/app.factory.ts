import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type INestApplication, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CouncilDataset } from '@scrutineer/domain';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule, requestId } from './app.module.js';
import { type AppConfig, DEFAULT_CORS_ORIGINS } from './config/config.js';
import { BODY_LIMIT_BYTES } from './common/body-limit.js';
import { answerClientErrorsWithProblems } from './common/client-error.js';
import { verifyJsonDepth } from './common/json-depth.js';
import { representations } from './common/representations.js';
import { prepareDatabase } from './database/prepare.js';
import { Metrics } from './metrics/metrics.service.js';
import { recordRequests } from './metrics/record-requests.js';
import { setupOpenApi } from './openapi.js';
import { limitDocs, RATE_LIMITER } from './rate-limit/rate-limit.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { corsForAnonymousReads } from './security/cors.js';
import { securityHeaders } from './security/headers.js';

/**
 * How often Node looks for connections past headersTimeout/requestTimeout. Its default, 30 s,
 * let a client that sends one header line a second keep its connection for 30 s whatever the
 * timeout; checked each second, it is cut off within a second of the timeout.
 */
export const CONNECTIONS_CHECKING_INTERVAL_MS = 1000;

/** Applies the configured timeouts to the HTTP server (before it listens). */
export const applyServerTimeouts = (server: Server, timeouts: AppConfig['timeouts']): void => {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  // Read by Node when the server starts listening (it is not in @types/node).
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.min(CONNECTIONS_CHECKING_INTERVAL_MS, timeouts.headersMs);
};

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
  // Before any route writes: it wraps `end` to compress the body and tag the public record's.
  app.use(representations());
  app.use(securityHeaders());
  app.use(corsForAnonymousReads(config.corsOrigins ?? DEFAULT_CORS_ORIGINS));
  // With TRUST_PROXY, req.ip (the rate limits' key) and req.secure (HSTS) come from the proxy's
  // X-Forwarded-For and X-Forwarded-Proto; without it, from the socket.
  app.set('trust proxy', config.trustProxy);
  // Nesting is bounded before parsing (a deep body would overflow the validators' stack). Nest's
  // option type leaves out `verify` (it uses it for `rawBody`, which we do not turn on); Express
  // passes it through to body-parser.
  const json = {
    limit: BODY_LIMIT_BYTES,
    type: ['application/json', 'application/*+json'],
    verify: verifyJsonDepth,
  };
  app.useBodyParser('json', json as Omit<typeof json, 'verify'>);
  answerClientErrorsWithProblems(app.getHttpServer() as Server);
  applyServerTimeouts(app.getHttpServer() as Server, config.timeouts);
  app.disable('x-powered-by');
  // ETags are the resources' versions (EntityTagInterceptor), never Express's weak body hash.
  app.set('etag', false);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.enableShutdownHooks();
  app.use(limitDocs(app.get<RateLimiter>(RATE_LIMITER)));
  setupOpenApi(app);
  if (options.prepare ?? true) {
    await prepareDatabase(app.get(DataSource), {
      seedIfNew: true,
      ...(options.dataset ? { dataset: options.dataset } : {}),
    });
  }
  return app;
};

/**
 * Listens on the configured address (HOST, default 127.0.0.1: a container sets 0.0.0.0) and
 * port, and returns the URL to reach it by (loopback when it listens on every interface).
 */
export const listen = async (app: INestApplication, config: AppConfig): Promise<string> => {
  await app.listen(config.port, config.host);
  const { address, port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const reach = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
};
