export {
  type RenderJob,
  type RenderJobKind,
  renderJob,
  serializeRenderError,
  deserializeRenderError,
  type SerializedReporterError,
} from './render-job.js';
export { RenderPool, type RenderPoolOptions, type RenderPoolStats } from './render-pool.js';
export { rendererFingerprint } from './fingerprint.js';
