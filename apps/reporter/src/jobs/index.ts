export {
  type RenderJob,
  type RenderJobKind,
  renderJob,
  serializeRenderError,
  deserializeRenderError,
  type SerializedReporterError,
} from './render-job.js';
export {
  RENDER_THREAD_MAX_OLD_GENERATION_MB,
  RenderPool,
  type RenderPoolOptions,
  type RenderPoolStats,
} from './render-pool.js';
export { rendererFingerprint } from './fingerprint.js';
