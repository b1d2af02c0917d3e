import type { Server } from 'node:http';
import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { METRICS_MODE, MetricsController } from './metrics.controller.js';
import { serveMetrics } from './metrics-server.js';
import { Metrics } from './metrics.service.js';

const METRICS_PORT = Symbol('METRICS_PORT');

/**
 * `/api/metrics`, and with METRICS_PORT the same text on 127.0.0.1:<port>/metrics without a
 * token (reachable only from the host: for a local Prometheus agent). Global, so modules can
 * inject `Metrics` to count their own work.
 */
@Global()
@Module({})
export class MetricsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | undefined;

  constructor(
    private readonly metrics: Metrics,
    @Inject(METRICS_PORT) private readonly port: number | null,
  ) {}

  static register(config: AppConfig): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        Metrics,
        { provide: METRICS_MODE, useValue: config.metrics },
        { provide: METRICS_PORT, useValue: config.metricsPort },
      ],
      exports: [Metrics],
    };
  }

  /** The port the separate metrics server listens on, once it does. */
  listeningPort(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address !== null ? address.port : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.port;
    if (port === null) return;
    const server = await serveMetrics(this.metrics.registry, port);
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
