import { createHash } from 'node:crypto';
import type { RenderJob } from '@scrutineer/reporter/jobs';

/**
 * A rendered document's cache key: the SHA-256 of the renderer's fingerprint, the whole job
 * (kind, meeting or report, edition, and the data slice the API built for that edition) and the
 * SHA-256s of the attached files it prints. Any write that changes the slice, a changed file, a
 * new renderer, or the other edition gives another key, so a public caller can never be served
 * the confidential pack, nor anyone a stale one. The files are keyed by their SHA-256s, never
 * their bytes: `files` names them when the job does not carry them yet (they are loaded only on
 * a miss); otherwise they are read from the job's `attachedFiles`, whose bytes are not hashed,
 * nor are the Word documents' `convertedReports` (a conversion follows from its file's SHA-256
 * and the converter, which is in the fingerprint).
 */
export const renderKey = (
  fingerprint: string,
  job: RenderJob,
  files?: readonly string[],
): string => {
  const {
    attachedFiles,
    convertedReports: _conversions,
    ...rest
  } = job as RenderJob & {
    readonly attachedFiles?: Readonly<Record<string, string>>;
    readonly convertedReports?: unknown;
  };
  const named = files ?? (attachedFiles === undefined ? undefined : Object.keys(attachedFiles));
  const hash = createHash('sha256').update(fingerprint).update('\n').update(JSON.stringify(rest));
  if (named !== undefined) hash.update(`\nfiles ${[...new Set(named)].sort().join(',')}`);
  return hash.digest('hex');
};

/** A job's edition: the agenda pack's; `none` for kinds that have one edition only. */
export const editionOf = (job: RenderJob): string =>
  job.kind === 'agenda-pack' ? job.edition : 'none';
