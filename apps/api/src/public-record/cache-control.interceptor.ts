import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { anonymousCaller, canReadExempt, type Caller } from '../auth/caller.js';
import { markForCaller } from './public-cache.js';

/**
 * Every successful read says how it may be cached, by the one rule of `markForCaller`: an
 * anonymous caller's answer is the public record (`public, max-age=300`); a token's is private,
 * never stored when the caller reads exempt content (clerks, members, admins). Routes that set
 * their own Cache-Control (the public record, a meeting's data set and PDFs, files) keep it, and
 * so does a streamed body. Errors go out through the problem filter, which marks nothing.
 */
@Injectable()
export class CacheControlInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next.handle();
    return next.handle().pipe(
      tap(() => {
        const response = context.switchToHttp().getResponse<Response>();
        if (response.headersSent || response.getHeader('Cache-Control') !== undefined) return;
        const caller = request.caller ?? anonymousCaller(null);
        markForCaller(response, caller, canReadExempt(caller));
      }),
    );
  }
}
