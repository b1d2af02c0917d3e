import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem.js';
import { RATE_LIMITER, rateLimited } from '../rate-limit/rate-limit.js';
import { clientKey, type RateLimiter } from '../rate-limit/rate-limiter.js';
import { findActiveToken } from '../tokens/tokens.js';
import {
  anonymousCaller,
  type Caller,
  type RequestWithCaller,
  type Role,
  ROLES,
  ROLES_KEY,
} from './caller.js';

type HttpRequest = RequestWithCaller & {
  id?: unknown;
  ip?: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the bearer token to a caller (a bad token is 401 on any route) and enforces
 * `@Roles`. Routes without `@Roles` are open for reads and admin-only for writes.
 *
 * It also applies the per-client rate limits: requests without a token count against the
 * anonymous limit (a valid token is never counted there), and bad tokens against the
 * token-failure limit; once that is used up, every bearer token from the client gets 429 until
 * the window ends, so tokens cannot be guessed at speed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const requestId = request.id === undefined ? null : String(request.id);
    const caller = await this.limitedCaller(request, requestId);
    request.caller = caller;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles === undefined && READ_METHODS.has(request.method)) return true;
    if (caller.role === 'anonymous') {
      throw new ApiError(
        'AUTH.UNAUTHENTICATED',
        'This needs Authorization: Bearer <token>; create one with scrutineer-api create-token.',
      );
    }
    const allowed = roles ?? [];
    if (caller.role === 'admin' || allowed.includes(caller.role)) return true;
    throw new ApiError(
      'AUTH.FORBIDDEN',
      `A ${caller.role} token may not do this; it needs the role ${['admin', ...allowed].join(' or ')}.`,
    );
  }

  private async limitedCaller(request: HttpRequest, requestId: string | null): Promise<Caller> {
    const client = clientKey(request.ip);
    const header = request.headers.authorization;
    if (header === undefined) {
      const verdict = await this.limiter.anonymousRequest(client);
      if (!verdict.allowed) throw rateLimited(verdict, 'anonymous');
      return anonymousCaller(requestId);
    }
    const verdict = await this.limiter.tokenAttempt(client);
    if (!verdict.allowed) throw rateLimited(verdict, 'tokenFailures');
    try {
      return await this.resolveCaller(header, requestId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'AUTH.UNAUTHENTICATED')
        await this.limiter.tokenFailed(client);
      throw error;
    }
  }

  private async resolveCaller(
    header: string | string[] | undefined,
    requestId: string | null,
  ): Promise<Caller> {
    if (header === undefined) return anonymousCaller(requestId);
    const value = Array.isArray(header) ? (header[0] ?? '') : header;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
    if (match?.[1] === undefined) {
      throw new ApiError(
        'AUTH.UNAUTHENTICATED',
        'The Authorization header must be "Bearer <token>".',
      );
    }
    const record = await findActiveToken(this.dataSource.manager, match[1]);
    if (record === null)
      throw new ApiError('AUTH.UNAUTHENTICATED', 'The token is not valid or has been revoked.');
    const role = ROLES.find((r) => r === record.role);
    if (role === undefined)
      throw new ApiError('AUTH.UNAUTHENTICATED', 'The token has an unknown role.');
    return {
      role,
      name: record.name,
      portfolioCodes: record.portfolioCodes,
      tokenId: record.id,
      requestId,
    };
  }
}
