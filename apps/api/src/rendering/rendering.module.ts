import { type DynamicModule, Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { RenderConfig } from '../config/config.js';
import { ReadinessChecks } from '../health/readiness.js';
import { DocumentRenderingService, RENDER_CONFIG } from './document-rendering.service.js';
import { QueueRenderer } from './render-queue.js';
import { InProcessRenderer, RENDERER, type Renderer, ThreadRenderer } from './renderer.js';

/** The renderer the configuration asks for: the queue with REDIS_URL, else render threads (the event loop for 0). */
export const rendererFor = (config: RenderConfig): Renderer => {
  if (config.queue) return new QueueRenderer({ ...config, queue: config.queue });
  return config.threads === 0 ? new InProcessRenderer() : new ThreadRenderer(config.threads);
};

/** Registers the renderer's readiness checks (render-threads, or render-queue and render-workers). */
@Global()
@Module({})
export class RenderingModule implements OnModuleInit {
  constructor(
    private readonly checks: ReadinessChecks,
    @Inject(RENDERER) private readonly renderer: Renderer,
  ) {}

  onModuleInit(): void {
    for (const check of this.renderer.checks())
      this.checks.register(check.name, check.probe, { fatal: check.fatal });
  }

  static register(config: RenderConfig): DynamicModule {
    return {
      module: RenderingModule,
      providers: [
        { provide: RENDER_CONFIG, useValue: config },
        { provide: RENDERER, useFactory: () => rendererFor(config) },
        DocumentRenderingService,
      ],
      exports: [DocumentRenderingService],
    };
  }
}
