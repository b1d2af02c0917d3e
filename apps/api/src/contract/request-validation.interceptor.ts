import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  Optional,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  acceptingReadOnly,
  problemsOf,
  stripReadOnly,
  type Problem,
  type TSchema,
} from '@scrutineer/domain';
import type { Request, Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { ApiError, type FieldProblem } from '../common/problem.js';
import {
  ATTACHMENT_MAX_BYTES,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  readMultipart,
  type RequestWithUpload,
} from '../files/multipart.js';
import { OPERATION, type OperationSpec } from './operation.js';

type Json = Record<string, unknown>;

/**
 * Query strings and path parameters are text: a value becomes the number or boolean its schema
 * asks for when it reads as one, so the schema reports `limit=abc` once, as "must be integer".
 */
export const coerceParameters = (schema: TSchema, raw: Json): Json => {
  const properties = (schema as { properties?: Record<string, Json> }).properties ?? {};
  const out: Json = {};
  for (const [name, value] of Object.entries(raw)) {
    const type = properties[name]?.['type'];
    if (typeof value === 'string' && (type === 'integer' || type === 'number')) {
      out[name] = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    } else if (typeof value === 'string' && type === 'boolean') {
      out[name] = value === 'true' ? true : value === 'false' ? false : value;
    } else out[name] = value;
  }
  return out;
};

const requestForms = new WeakMap<TSchema, TSchema>();
/** The body schema the server checks: the server's own fields may come back and are ignored. */
const bodyForm = (schema: TSchema): TSchema => {
  let form = requestForms.get(schema);
  if (form === undefined) {
    form = acceptingReadOnly(schema) as unknown as TSchema;
    requestForms.set(schema, form);
  }
  return form;
};

const asField = (where: 'path' | 'query' | 'body', problem: Problem): FieldProblem => ({
  path: where === 'body' ? problem.path : problem.path.replace(/^\$\./, `${where}:`),
  message: problem.message,
  code: problem.code,
});

/** A lone UTF-16 surrogate: not a character, so no database column (nor `encodeURI`) takes it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_TEXT_PROBLEMS = 20;

const textProblem = (text: string): string | null =>
  text.includes('\u0000')
    ? 'must not contain a NUL character (U+0000)'
    : LONE_SURROGATE.test(text)
      ? 'must not contain a lone surrogate (text that is not valid Unicode)'
      : null;

/**
 * Every string of a request (keys too), wherever it is, must be text a database can store: no NUL
 * (PostgreSQL's text refuses it) and no lone surrogate. Checked here, once for every field and
 * parameter, rather than by each schema's pattern. The body's depth is bounded before parsing
 * (common/json-depth.ts), so this walk is shallow.
 */
export const textProblems = (
  where: string,
  value: unknown,
  out: FieldProblem[] = [],
): FieldProblem[] => {
  if (out.length >= MAX_TEXT_PROBLEMS) return out;
  if (typeof value === 'string') {
    const message = textProblem(value);
    if (message !== null) out.push({ path: where, message, code: 'VALIDATION.INVALID_VALUE' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => textProblems(`${where}[${index}]`, item, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyMessage = textProblem(key);
      const path = `${where}${where.endsWith(':') ? '' : '.'}${keyMessage === null ? key : JSON.stringify(key)}`;
      if (keyMessage !== null) {
        out.push({ path, message: `name ${keyMessage}`, code: 'VALIDATION.INVALID_VALUE' });
      } else textProblems(path, item, out);
    }
  }
  return out;
};

const invalid = (problems: readonly FieldProblem[]): ApiError =>
  new ApiError(
    'REQUEST.INVALID',
    `The request has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
      .slice(0, 3)
      .map((p) => `${p.path} ${p.message}`)
      .join('; ')}${problems.length > 3 ? '; …' : ''}`,
    problems,
  );

/** Checks every request against its route's `@Operation` schemas before the handler runs. */
@Injectable()
export class RequestValidationInterceptor implements NestInterceptor {
  private readonly maxUploadBytes: number;

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ATTACHMENT_MAX_BYTES) maxUploadBytes?: number,
  ) {
    this.maxUploadBytes = maxUploadBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<OperationSpec | undefined>(OPERATION, context.getHandler());
    const upload = spec?.upload;
    if (spec === undefined) return next.handle();
    if (upload === undefined) {
      checkRequest(spec, context.switchToHttp().getRequest());
      return next.handle();
    }
    // A multipart body is read (the file streamed, cut off at the limit) before it is checked.
    const http = context.switchToHttp();
    const request = http.getRequest<Request & RequestWithUpload>();
    return from(
      readMultipart(request, http.getResponse<Response>(), upload.file, this.maxUploadBytes),
    ).pipe(
      switchMap((file) => {
        request.upload = file;
        checkRequest(spec, request);
        return next.handle();
      }),
    );
  }
}

/** One 400 for every problem of the request, each at its own path, or nothing. */
export const checkRequest = (
  spec: OperationSpec,
  request: { params?: Json; query?: Json; body?: unknown },
): void => {
  const problems: FieldProblem[] = [
    ...textProblems('path:', request.params ?? {}),
    ...textProblems('query:', request.query ?? {}),
    ...textProblems('$', request.body),
  ];
  if (problems.length > 0) throw invalid(problems);
  if (spec.params) {
    request.params = coerceParameters(spec.params, request.params ?? {});
    problems.push(...problemsOf(spec.params, request.params).map((p) => asField('path', p)));
  }
  if (spec.query) {
    const query = coerceParameters(spec.query, request.query ?? {});
    problems.push(
      ...problemsOf(spec.query, query)
        .map((p) =>
          p.code === 'VALIDATION.UNKNOWN_FIELD'
            ? { ...p, message: `Unknown query parameter ${p.path.replace(/^\$\./, '')}` }
            : p,
        )
        .map((p) => asField('query', p)),
    );
    // Express's query getter is recomputed per read; replace it with the checked values.
    Object.defineProperty(request, 'query', { value: query, writable: true, configurable: true });
  }
  if (spec.upload) {
    const fields = coerceParameters(spec.upload.fields, (request.body ?? {}) as Json);
    problems.push(...problemsOf(spec.upload.fields, fields).map((p) => asField('body', p)));
    if ((request as RequestWithUpload).upload === null)
      problems.push({
        path: `body:${spec.upload.file}`,
        message: `is required: the file, in the form field \`${spec.upload.file}\``,
        code: 'VALIDATION.REQUIRED',
      });
    request.body = fields;
  }
  if (spec.body) {
    const form = bodyForm(spec.body);
    if (request.body === undefined) {
      problems.push({ path: '$', message: 'A JSON body is required', code: 'VALIDATION.REQUIRED' });
    } else {
      problems.push(...problemsOf(form, request.body).map((p) => asField('body', p)));
      if (problems.length === 0 && spec.bodyKeepsServerFields !== true)
        stripReadOnly(form, request.body);
    }
  }
  if (problems.length > 0) throw invalid(problems);
};
