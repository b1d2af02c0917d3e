import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { type RenderJob, rendererFingerprint } from '@scrutineer/reporter/jobs';
import { DataSource } from 'typeorm';
import type { RenderConfig } from '../config/config.js';
import { Metrics } from '../metrics/metrics.service.js';
import { renderKey } from './render-key.js';
import { RenderedDocuments } from './rendered-documents.js';
import { RENDERER, type Renderer } from './renderer.js';

export const RENDER_CONFIG = Symbol('RENDER_CONFIG');

/**
 * The attached files a job prints, named by SHA-256 (part of the render key) and loaded only
 * when the document has to be drawn (a cached pack reads no file): the bytes the pack needs as
 * the job's `attachedFiles`, and the Word documents' stored conversions as its
 * `convertedReports` (file-conversions.ts), so the renderer converts none.
 */
export type AttachedFilesSource = {
  readonly sha256s: readonly string[];
  readonly load: () => Promise<
    Pick<Extract<RenderJob, { kind: 'agenda-pack' }>, 'attachedFiles' | 'convertedReports'>
  >;
};

export type RenderingStats = {
  /** Jobs the renderer drew (threads, event loop or queue). */
  readonly rendered: number;
  /** Requests answered from `rendered_documents`. */
  readonly cacheHits: number;
  /** Requests that joined a render of the same key already under way in this process. */
  readonly coalesced: number;
};

/**
 * Every PDF the API serves comes through here: looked up by its key in `rendered_documents`,
 * else drawn once (identical requests at the same time share one render) by the configured
 * renderer, then stored (replacing the same document's earlier renders). The key hashes the
 * data slice, so a write to the meeting is a new key. Each request is counted in the metrics.
 */
@Injectable()
export class DocumentRenderingService implements OnModuleDestroy {
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly store: RenderedDocuments;
  private counts = { rendered: 0, cacheHits: 0, coalesced: 0 };

  constructor(
    dataSource: DataSource,
    @Inject(RENDER_CONFIG) private readonly config: RenderConfig,
    @Inject(RENDERER) private readonly renderer: Renderer,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.store = new RenderedDocuments(dataSource, config.cacheMaxAgeDays ?? 0);
    const workerCount = renderer.workerCount?.bind(renderer);
    metrics?.render.watch({
      jobCounts: () => renderer.jobCounts(),
      ...(workerCount ? { workers: workerCount } : {}),
    });
  }

  get mode(): Renderer['mode'] {
    return this.renderer.mode;
  }

  keyOf(job: RenderJob, files?: AttachedFilesSource): string {
    return renderKey(rendererFingerprint(), job, files?.sha256s);
  }

  /**
   * The whole PDF of `job`, with `files` (an agenda pack's attached files) loaded into it only
   * if it is drawn. Rejects with the renderer's ReporterError or an ApiError (queue).
   */
  render(job: RenderJob, files?: AttachedFilesSource): Promise<Buffer> {
    const key = this.keyOf(job, files);
    const running = this.inFlight.get(key);
    if (running) {
      this.counts.coalesced += 1;
      this.metrics?.render.record(job, 'coalesced');
      return running;
    }
    const render = this.lookUpOrRender(key, job, files).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, render);
    return render;
  }

  stats(): RenderingStats {
    return { ...this.counts };
  }

  private async lookUpOrRender(
    key: string,
    job: RenderJob,
    files: AttachedFilesSource | undefined,
  ): Promise<Buffer> {
    if (this.config.cache) {
      const cached = await this.store.find(key);
      if (cached) {
        this.counts.cacheHits += 1;
        this.metrics?.render.record(job, 'cache');
        return cached;
      }
    }
    const started = performance.now();
    let bytes: Buffer;
    try {
      const drawn: RenderJob =
        files === undefined || job.kind !== 'agenda-pack'
          ? job
          : { ...job, ...(await files.load()) };
      bytes = await this.renderer.render(drawn, key);
    } catch (error) {
      this.metrics?.render.record(job, 'failed', undefined, error);
      throw error;
    }
    this.counts.rendered += 1;
    this.metrics?.render.record(job, 'rendered', (performance.now() - started) / 1000);
    if (this.config.cache) await this.store.save(key, job, bytes);
    return bytes;
  }

  async onModuleDestroy(): Promise<void> {
    await this.renderer.close();
  }
}
