/** The health checks: liveness at `/api/health`, readiness at `/api/health/ready`. */
import { Closed, List, Nullable, StringEnum, Type, type Shape } from '../schema/kit.js';

export const DATABASE_DRIVERS = ['better-sqlite3', 'postgres'] as const;

export const Health = Closed(
  {
    status: StringEnum(['ok'] as const, { description: 'Always `ok` when the check answers 200.' }),
    database: StringEnum(DATABASE_DRIVERS, { description: 'The database driver in use.' }),
  },
  { title: 'Health', description: 'The API answers and its database does.' },
);
export type Health = Shape<typeof Health>;

export const READINESS_CHECK_STATUSES = ['up', 'down'] as const;

/** How long one readiness check may take before it counts as down. */
export const READINESS_CHECK_TIMEOUT_MS = 2000;

/** A readiness check's name: lower-case letters, digits and hyphens (`database`, `render-queue`). */
export const READINESS_CHECK_NAME_PATTERN = '^[a-z][a-z0-9-]{0,39}$';

/** One dependency a readiness check asked: the database, Redis, a queue. */
export const ReadinessCheck = Closed(
  {
    name: Type.String({
      pattern: READINESS_CHECK_NAME_PATTERN,
      description: 'What was checked, e.g. `database`, `redis`.',
    }),
    status: StringEnum(READINESS_CHECK_STATUSES, {
      description: '`down` when it failed or did not answer within the timeout.',
    }),
    durationMs: Type.Integer({ minimum: 0, description: 'How long the check took.' }),
    detail: Nullable(Type.String({ maxLength: 300, description: 'Why it is down; null when up.' })),
    fatal: Type.Boolean({
      description:
        '`true`: the process is not ready while this check is down (503). `false`: a dependency the process serves without (the rate limiter fails open, the render workers are shared by every process): reported, and the answer is 200 `degraded`.',
    }),
  },
  { title: 'ReadinessCheck', description: 'One dependency a readiness check asked.' },
);
export type ReadinessCheck = Shape<typeof ReadinessCheck>;

/** 200's statuses: `degraded` when a non-fatal check is down. */
export const READINESS_STATUSES = ['ready', 'degraded'] as const;

export const Readiness = Closed(
  {
    status: StringEnum(READINESS_STATUSES, {
      description:
        '`ready`: every check is up. `degraded`: every fatal check is up, some non-fatal one is down (still send traffic; alarm on it). Otherwise the answer is a 503 problem.',
    }),
    checks: List(ReadinessCheck, {
      maxItems: 40,
      description: 'Every check: every fatal one `up`.',
    }),
  },
  {
    title: 'Readiness',
    description:
      'Every dependency the process needs answered: send traffic here. When a fatal one does not, the answer is a 503 problem `HEALTH.NOT_READY` whose `data.checks` lists every check as here.',
  },
);
export type Readiness = Shape<typeof Readiness>;
