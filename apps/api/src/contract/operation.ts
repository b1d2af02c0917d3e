/**
 * How a controller states its contract: `@Operation({...})` on a route names the schemas of its
 * path parameters, query, body and response (all from @scrutineer/domain) and nothing else
 * describes them. The request validation interceptor checks requests against them and the
 * OpenAPI document is built from them (ADR010).
 */
import { applyDecorators, HttpCode, SetMetadata } from '@nestjs/common';
import type { TSchema } from '@scrutineer/domain';

export const OPERATION = 'scrutineer:operation';
export const TAG = 'scrutineer:tag';

/** Statuses of the problem responses an operation may document beyond what its shape implies. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

export type OperationSpec = {
  /** One line, shown as the operation's summary. */
  readonly summary: string;
  readonly description?: string;
  /** The operation's id in generated clients (default: the handler's name prefixed by the tag). */
  readonly operationId?: string;
  readonly params?: TSchema;
  readonly query?: TSchema;
  readonly body?: TSchema;
  /**
   * A multipart/form-data body instead of JSON: one file in the form field `file`, read into
   * memory up to ATTACHMENT_MAX_BYTES (413 beyond), and text fields checked against `fields`
   * (each a string on the wire, read as its schema's type like a query parameter).
   */
  readonly upload?: {
    readonly file: string;
    readonly fileDescription: string;
    readonly fields: TSchema;
  };
  /**
   * The body is a record of what was (a whole meeting imported): its server fields (`readOnly`,
   * such as a late paper's `addedAt` and `supplement`) are history and kept, not ignored.
   */
  readonly bodyKeepsServerFields?: boolean;
  /** The response body's schema; omit for 204 No Content. */
  readonly response?: TSchema;
  /** The success status (default: 201 for POST with a response, 204 without one, else 200). */
  readonly status?: 200 | 201 | 202 | 204;
  /** A binary response instead of JSON, e.g. `application/pdf`, or the types it may be. */
  readonly produces?: string | readonly string[];
  /** Headers of the success response beyond ETag, by name, with what each says. */
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /** The route answers 304 to an `If-None-Match` holding its ETag: what that means here. */
  readonly notModified?: string;
  /** What a problem status means on this route, where it differs from the general text. */
  readonly problems?: Readonly<Partial<Record<ProblemStatus, string>>>;
  /** The route changes a resource at a version: it requires `If-Match` (412 stale, 428 missing). */
  readonly ifMatch?: boolean;
  /** Problem statuses beyond those implied (400 for inputs, 401/403 for roles, 404 for paths, …). */
  readonly errors?: readonly ProblemStatus[];
  /**
   * Why the route is left out of the OpenAPI document: an operator's route outside the
   * integrators' contract, which lists `/api/v1` and `/api/health` only (e.g. `/api/metrics`,
   * described in docs/operations.md). Its requests are still validated against this spec.
   */
  readonly unlisted?: string;
};

/** The contract of one route (see `OperationSpec`). */
export const Operation = (spec: OperationSpec): MethodDecorator => {
  const decorators: MethodDecorator[] = [SetMetadata(OPERATION, spec)];
  if (spec.status !== undefined) decorators.push(HttpCode(spec.status));
  else if (spec.response === undefined && spec.produces === undefined)
    decorators.push(HttpCode(204));
  return applyDecorators(...decorators);
};

/** The resource a controller serves: one tag per resource in the OpenAPI document. */
export const Resource = (name: string, description: string): ClassDecorator =>
  SetMetadata(TAG, { name, description });
