import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'clerk', 'member', 'officer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, as the auth guard resolved it. Anonymous callers have role `anonymous`.
 * Officers carry the codes of the portfolios assigned to them; the performance side scopes writes by them.
 */
export type Caller = {
  readonly role: Role | 'anonymous';
  readonly name: string;
  readonly portfolioCodes: readonly string[];
  readonly tokenId: string | null;
  /** The request's id, recorded in the audit trail. */
  readonly requestId: string | null;
};

export const anonymousCaller = (requestId: string | null): Caller => ({
  role: 'anonymous',
  name: 'anonymous',
  portfolioCodes: [],
  tokenId: null,
  requestId,
});

/** A system caller for the CLI and seeding, recorded as such in the audit trail. */
export const systemCaller = (name: string): Caller => ({
  role: 'admin',
  name,
  portfolioCodes: [],
  tokenId: null,
  requestId: null,
});

/** Members, clerks and admins read exempt (Schedule 12A) content; officers and the public do not. */
export const canReadExempt = (caller: Caller): boolean =>
  caller.role === 'admin' || caller.role === 'clerk' || caller.role === 'member';

/** Anyone with a token reads unpublished meetings; the public reads only what is published. */
export const canReadUnpublished = (caller: Caller): boolean => caller.role !== 'anonymous';

export const ROLES_KEY = 'scrutineer:roles';

/**
 * The roles that may call a route (admin always may). Without it, GET routes are open to
 * anyone and every other method is admin-only.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

export type RequestWithCaller = { caller?: Caller };

/** The caller of the current request (see `Caller`). */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const request = context.switchToHttp().getRequest<RequestWithCaller & { id?: unknown }>();
    return request.caller ?? anonymousCaller(request.id === undefined ? null : String(request.id));
  },
);
