import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problemsOf } from '@scrutineer/domain';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { ApiError } from '../common/problem.js';
import { OPERATION, type OperationSpec } from './operation.js';

/** Whether responses are checked against their schemas: on in the test suites, off in production. */
export const checksResponses = (): boolean => process.env['SCRUTINEER_CHECK_RESPONSES'] === '1';

/**
 * Checks each JSON response against its route's `@Operation` response schema and fails the
 * request (500) when it does not match, naming the problems: what the contract promises is what
 * the suites prove the API sends.
 */
@Injectable()
export class ResponseCheckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ResponseCheck');
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<OperationSpec | undefined>(OPERATION, context.getHandler());
    const schema = spec?.produces === undefined ? spec?.response : undefined;
    if (schema === undefined) return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        // A GET whose If-None-Match holds the response's ETag: Express answers 304, no body.
        if (context.switchToHttp().getRequest<Request>().fresh) return body;
        // A route may hand back its JSON already serialised (the results list's cache).
        const json: unknown =
          typeof body === 'string' ? JSON.parse(body) : JSON.parse(JSON.stringify(body ?? null));
        const problems = problemsOf(schema, json);
        if (problems.length > 0) {
          const where = `${context.getClass().name}.${context.getHandler().name}`;
          const detail = problems.map((p) => `${p.path} ${p.message}`).join('; ');
          this.logger.error(`${where} answered outside its schema: ${detail}`);
          throw new ApiError(
            'INTERNAL',
            `${where} answered outside its schema ${String(schema.title)}: ${detail}`,
          );
        }
        return body;
      }),
    );
  }
}
