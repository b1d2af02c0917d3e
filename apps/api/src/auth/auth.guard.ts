import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/problem.js';
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
  method: string;
  headers: Record<string, string | string[] | undefined>;
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the bearer token to a caller (a bad token is 401 on any route) and enforces
 * `@Roles`. Routes without `@Roles` are open for reads and admin-only for writes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const requestId = request.id === undefined ? null : String(request.id);
    const caller = await this.resolveCaller(request.headers.authorization, requestId);
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
