import { createHash } from 'node:crypto';
import type { RenderJob } from '@scrutineer/reporter/jobs';

/**
 * A rendered document's cache key: the SHA-256 of the renderer's fingerprint and the whole job
 * (kind, meeting or report, edition, and the data slice the API built for that edition). Any
 * write that changes the slice, a new renderer, or the other edition gives another key, so a
 * public caller can never be served the confidential pack, nor anyone a stale one.
 */
export const renderKey = (fingerprint: string, job: RenderJob): string =>
  createHash('sha256').update(fingerprint).update('\n').update(JSON.stringify(job)).digest('hex');

/** A job's edition: the agenda pack's; `none` for kinds that have one edition only. */
export const editionOf = (job: RenderJob): string =>
  job.kind === 'agenda-pack' ? job.edition : 'none';
