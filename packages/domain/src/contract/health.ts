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
  },
  { title: 'ReadinessCheck', description: 'One dependency a readiness check asked.' },
);
export type ReadinessCheck = Shape<typeof ReadinessCheck>;

export const Readiness = Closed(
  {
    status: StringEnum(['ready'] as const, {
      description: 'Always `ready` when the check answers 200; otherwise a 503 problem.',
    }),
    checks: List(ReadinessCheck, { maxItems: 40, description: 'Every check, all `up`.' }),
  },
  {
    title: 'Readiness',
    description:
      'Every dependency answered: send traffic here. When one does not, the answer is a 503 problem `HEALTH.NOT_READY` whose `data.checks` lists every check as here.',
  },
);
export type Readiness = Shape<typeof Readiness>;
