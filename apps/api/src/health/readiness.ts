/**
 * Readiness: the checks a load balancer's probe runs before it sends a process traffic. Each
 * module that needs a dependency registers one (the database and the rate limiter's Redis here,
 * the renderer's in RenderingModule), each runs with a timeout, and `/api/health/ready` answers
 * 200 only when every fatal one is up (`degraded` when a non-fatal one is down).
 */
import { Injectable } from '@nestjs/common';
import {
  READINESS_CHECK_NAME_PATTERN,
  READINESS_CHECK_TIMEOUT_MS,
  type ReadinessCheck,
} from '@scrutineer/domain';

/** Resolves when the dependency answers; rejects (with a plain reason) when it does not. */
export type ReadinessProbe = () => Promise<unknown>;

export type ReadinessOptions = {
  /**
   * Default true: the process is not ready (503) while this check is down. False: the process
   * serves without the dependency (it fails open, or taking this process out of rotation would
   * not help), so a down check is reported and readiness answers 200 `degraded`.
   */
  readonly fatal?: boolean;
};

const NAME = new RegExp(READINESS_CHECK_NAME_PATTERN);

/** The detail a down check reports: one line, bounded, never a stack. */
const reasonOf = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split('\n')[0] ?? '').trim() || 'failed';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
};

export class ProbeTimeout extends Error {
  override readonly name = 'ProbeTimeout';
}

/** Runs `probe`, or rejects with ProbeTimeout after `ms` (the probe itself is left to settle). */
export const withTimeout = async <T>(probe: () => Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(probe), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

@Injectable()
export class ReadinessChecks {
  private readonly probes = new Map<string, { probe: ReadinessProbe; fatal: boolean }>();
  private timeoutMs = READINESS_CHECK_TIMEOUT_MS;

  /** Adds a check; a name is registered once (a second module claiming it is a bug). */
  register(name: string, probe: ReadinessProbe, options: ReadinessOptions = {}): void {
    if (!NAME.test(name))
      throw new Error(`Readiness check name ${JSON.stringify(name)} is not a-z0-9-`);
    if (this.probes.has(name)) throw new Error(`Readiness check ${name} is registered twice`);
    this.probes.set(name, { probe, fatal: options.fatal ?? true });
  }

  /** How long each check may take (default READINESS_CHECK_TIMEOUT_MS). */
  setTimeout(ms: number): void {
    this.timeoutMs = ms;
  }

  names(): string[] {
    return [...this.probes.keys()];
  }

  /** Runs every check at once; never rejects. */
  run(): Promise<ReadinessCheck[]> {
    return Promise.all(
      [...this.probes].map(async ([name, { probe, fatal }]): Promise<ReadinessCheck> => {
        const started = performance.now();
        const durationMs = (): number => Math.max(0, Math.round(performance.now() - started));
        try {
          await withTimeout(probe, this.timeoutMs);
          return { name, status: 'up', durationMs: durationMs(), detail: null, fatal };
        } catch (error) {
          return { name, status: 'down', durationMs: durationMs(), detail: reasonOf(error), fatal };
        }
      }),
    );
  }
}
