import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';

/** The strong entity tag of a resource at `version`: `"3"`. `If-Match` takes exactly this back. */
export const entityTag = (version: number): string => `"${version}"`;

/**
 * A single resource's body already serialised, with its version: what a route hands back when it
 * keeps its answers as JSON (GET /meetings/:id). Sent as `application/json` with the ETag of
 * `version`, exactly as the object would have been.
 */
export class SerialisedResource {
  constructor(
    readonly json: string,
    readonly version: number,
  ) {}
}

/** A single resource's body: an object with a numeric `version` that is not a list page. */
const versionOf = (body: unknown): number | null => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const { version, items } = body as { version?: unknown; items?: unknown };
  if (Array.isArray(items)) return null;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
};

/**
 * Sends `ETag: "<version>"` with every single-resource read and write (lists, PDFs and bodies
 * without a `version` get none). The tag is the version `If-Match` expects, so a client can send
 * back what it was given. Express's own weak body-hash ETag is switched off (app.factory.ts), and
 * Express answers a GET whose `If-None-Match` matches with 304 by itself. What an exempt item shows
 * depends on who asks, so the response varies by `Authorization`. A SerialisedResource goes out
 * as its JSON.
 */
@Injectable()
export class EntityTagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const serialised = body instanceof SerialisedResource ? body : null;
        const version = serialised?.version ?? versionOf(body);
        const response = context.switchToHttp().getResponse<Response>();
        if (version !== null && !response.headersSent) {
          response.setHeader('ETag', entityTag(version));
          response.vary('Authorization');
        }
        if (serialised === null) return body;
        if (!response.headersSent)
          response.setHeader('Content-Type', 'application/json; charset=utf-8');
        return serialised.json;
      }),
    );
  }
}
