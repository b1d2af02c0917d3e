/**
 * The OpenAPI 3.1 document, built from the routes' `@Operation` contracts: every schema comes
 * from @scrutineer/domain, named shapes become components, request bodies use the request form
 * (no server fields), and every operation documents the problems it can answer with.
 */
import type { INestApplication, Type as Class } from '@nestjs/common';
import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import {
  ATTACHMENT_MEDIA_TYPES,
  liftNamedShapes,
  ProblemDocument,
  requestForm,
  type TSchema,
} from '@scrutineer/domain';
import { ROLES_KEY, type Role } from '../auth/caller.js';
import { BODY_LIMIT_BYTES, BODY_LIMIT_TEXT } from '../common/body-limit.js';
import {
  bytesText,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  MULTIPART_FIELD_BYTES,
} from '../files/multipart.js';
import { MAX_JSON_DEPTH } from '../common/json-depth.js';
import { CONTENT_TAGGED_PATHS } from '../common/representations.js';
import { OPERATION, TAG, type OperationSpec, type ProblemStatus } from './operation.js';

type Json = Record<string, unknown>;

const PROBLEM_TEXT: Readonly<Record<ProblemStatus | 'default', string>> = {
  400: `The request is not valid: \`errors\` names each field at fault (\`REQUEST.TOO_DEEP\`: the JSON body nests deeper than ${MAX_JSON_DEPTH} levels).`,
  401: 'No valid bearer token.',
  403: 'The token’s role may not do this.',
  404: 'No such resource.',
  409: 'The change conflicts with the resource’s state (e.g. approved minutes, an id in use).',
  412: 'The resource changed since you read it (`If-Match` is stale): read it again.',
  413: `The body is larger than ${BODY_LIMIT_TEXT} (${BODY_LIMIT_BYTES} bytes).`,
  415: 'The body is not JSON.',
  422: 'The body is of the right type but cannot be used: `detail` says why.',
  428: 'Send the version you read in `If-Match`.',
  429: 'Too many requests from your address: without a token (the anonymous limit), or with bad tokens (the token-failure limit). Wait the seconds `Retry-After` gives.',
  503: 'A dependency the API needs (the database, Redis) is unavailable.',
  default: 'An unexpected error.',
};

const ref = (name: string): string => `#/components/schemas/${name}`;

const METHODS: Readonly<Partial<Record<RequestMethod, string>>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter((part) => part !== '')
    .join('/')}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const parameters = (
  where: 'path' | 'query',
  schema: TSchema | undefined,
  components: Record<string, Json>,
): Json[] => {
  if (schema === undefined) return [];
  const properties = ((schema as Json)['properties'] ?? {}) as Record<string, Json>;
  const required = new Set(((schema as Json)['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = liftNamedShapes(
      property as unknown as TSchema,
      components,
      ref,
    );
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
};

type Route = {
  readonly controller: Class<unknown>;
  readonly handler: string;
  readonly method: string;
  readonly path: string;
  readonly spec: OperationSpec;
  readonly roles: readonly Role[] | undefined;
};

const routesOf = (app: INestApplication): Route[] => {
  const routes: Route[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class<unknown> | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const version: unknown = Reflect.getMetadata(VERSION_METADATA, controller);
      const prefix = version === VERSION_NEUTRAL ? 'api' : `api/v${String(version ?? '1')}`;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const handler of Object.getOwnPropertyNames(prototype)) {
        const target = prototype[handler];
        if (handler === 'constructor' || typeof target !== 'function') continue;
        const spec = Reflect.getMetadata(OPERATION, target) as OperationSpec | undefined;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, target) as RequestMethod];
        if (spec === undefined || method === undefined) continue;
        const path = String(Reflect.getMetadata(PATH_METADATA, target) ?? '');
        const roles = (Reflect.getMetadata(ROLES_KEY, target) ??
          Reflect.getMetadata(ROLES_KEY, controller)) as Role[] | undefined;
        routes.push({
          controller,
          handler,
          method,
          path: joinPath(prefix, base, path),
          spec,
          roles,
        });
      }
    }
  }
  return routes;
};

/** Every route of the app that carries no `@Operation` (the document test lists them). */
export const undocumentedRoutes = (app: INestApplication): string[] => {
  const documented = new Set(
    routesOf(app).map((route) => `${route.controller.name}.${route.handler}`),
  );
  const missing: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class<unknown> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const handler of Object.getOwnPropertyNames(prototype)) {
        const target = prototype[handler];
        if (
          typeof target !== 'function' ||
          Reflect.getMetadata(METHOD_METADATA, target) === undefined
        )
          continue;
        if (!documented.has(`${controller.name}.${handler}`))
          missing.push(`${controller.name}.${handler}`);
      }
    }
  }
  return missing;
};

const problemStatuses = (route: Route): ProblemStatus[] => {
  const { spec, roles, method } = route;
  const statuses = new Set<ProblemStatus>(spec.errors ?? []);
  if (spec.params || spec.query || spec.body || spec.ifMatch) statuses.add(400);
  const open = roles === undefined && method === 'get';
  if (!open) {
    statuses.add(401);
    statuses.add(403);
  } else if (statuses.has(403)) statuses.add(401);
  if (spec.params) statuses.add(404);
  if (spec.body) statuses.add(413);
  if (spec.upload) [400, 413, 415, 422].forEach((status) => statuses.add(status as ProblemStatus));
  if (spec.ifMatch) {
    statuses.add(412);
    statuses.add(428);
  }
  // Any operation may meet a rate limit: anonymous callers the anonymous one, everyone the
  // token-failure one (rate-limit/).
  statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
};

const camel = (text: string): string =>
  text
    .replace(/[-_ ]+([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    .replace(/^[A-Z]/, (c) => c.toLowerCase());

/** A multipart/form-data request body: the file part, binary, and the text fields beside it. */
const multipartBody = (
  upload: NonNullable<OperationSpec['upload']>,
  components: Record<string, Json>,
): Json => {
  const fields = liftNamedShapes(upload.fields, components, ref) as Json;
  const properties = (fields['properties'] ?? {}) as Record<string, Json>;
  const required = (fields['required'] ?? []) as string[];
  return {
    required: true,
    description: `multipart/form-data: one file of at most ${bytesText(DEFAULT_ATTACHMENT_MAX_BYTES)} unless the server sets ATTACHMENT_MAX_BYTES (larger: 413 \`FILE.TOO_LARGE\`), and text fields of at most ${bytesText(MULTIPART_FIELD_BYTES)} each. ${String(fields['description'] ?? 'The file and its fields.')}`,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: [upload.file, ...required],
          properties: {
            [upload.file]: {
              type: 'string',
              format: 'binary',
              contentMediaType: 'application/octet-stream',
              description: upload.fileDescription,
            },
            ...properties,
          },
          additionalProperties: false,
        },
        encoding: { [upload.file]: { contentType: ATTACHMENT_MEDIA_TYPES.join(', ') } },
      },
    },
  };
};

export type OpenApiInfo = { readonly version: string; readonly description: string };

/** Builds the whole document (OpenAPI 3.1.0). */
export const buildOpenApi = (app: INestApplication, info: OpenApiInfo): Json => {
  const components: Record<string, Json> = {};
  liftNamedShapes(ProblemDocument, components, ref);
  const paths: Record<string, Record<string, Json>> = {};
  const tags = new Map<string, string>();
  const operationIds = new Set<string>();
  for (const route of routesOf(app)) {
    const { spec } = route;
    if (spec.unlisted !== undefined) continue;
    const tag = (Reflect.getMetadata(TAG, route.controller) as
      { name: string; description: string } | undefined) ?? {
      name: route.controller.name.replace(/Controller$/, ''),
      description: '',
    };
    tags.set(tag.name, tag.description);
    const operationId = spec.operationId ?? camel(`${tag.name} ${route.handler}`);
    if (operationIds.has(operationId)) throw new Error(`Two operations are both ${operationId}`);
    operationIds.add(operationId);
    const status =
      spec.status ??
      (spec.response === undefined && spec.produces === undefined
        ? 204
        : route.method === 'post'
          ? 201
          : 200);
    const produces =
      spec.produces === undefined
        ? []
        : typeof spec.produces === 'string'
          ? [spec.produces]
          : spec.produces;
    const headers =
      spec.responseHeaders === undefined
        ? {}
        : {
            headers: Object.fromEntries(
              Object.entries(spec.responseHeaders).map(([name, description]) => [
                name,
                { description, schema: { type: 'string' } },
              ]),
            ),
          };
    const success: Json =
      spec.produces !== undefined
        ? {
            description: 'The document.',
            content: Object.fromEntries(
              produces.map((type) => [
                type,
                { schema: { type: 'string', contentMediaType: type } },
              ]),
            ),
            ...headers,
          }
        : spec.response !== undefined
          ? {
              description: String(spec.response.description ?? spec.response.title ?? 'OK'),
              content: {
                'application/json': { schema: liftNamedShapes(spec.response, components, ref) },
              },
              ...(spec.responseHeaders !== undefined
                ? headers
                : spec.ifMatch || /\{[^}]+\}$/.test(route.path) || route.method !== 'get'
                  ? { headers: { ETag: { $ref: '#/components/headers/ETag' } } }
                  : {}),
            }
          : { description: 'Done; no content.' };
    const contentTagged = CONTENT_TAGGED_PATHS.includes(route.path);
    if (contentTagged)
      success['headers'] = {
        ...(success['headers'] as Json | undefined),
        ETag: { $ref: '#/components/headers/ContentTag' },
      };
    const responses: Json = { [String(status)]: success };
    if (contentTagged)
      responses['304'] = {
        description:
          'Not modified: `If-None-Match` holds the current `ETag` (no body; keep the copy you have).',
        headers: { ETag: { $ref: '#/components/headers/ContentTag' } },
      };
    if (spec.notModified !== undefined)
      responses['304'] = {
        description: spec.notModified,
        headers: { ETag: { description: 'The same ETag.', schema: { type: 'string' } } },
      };
    for (const problem of problemStatuses(route)) {
      const special = spec.problems?.[problem];
      responses[String(problem)] =
        special === undefined
          ? { $ref: `#/components/responses/Problem${problem}` }
          : {
              description: special,
              content: { 'application/problem+json': { schema: { $ref: ref('Problem') } } },
            };
    }
    responses['default'] = { $ref: '#/components/responses/ProblemDefault' };
    const open = route.roles === undefined && route.method === 'get';
    const operation: Json = {
      tags: [tag.name],
      summary: spec.summary,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      operationId,
      parameters: [
        ...parameters('path', spec.params, components),
        ...parameters('query', spec.query, components),
        ...(spec.ifMatch ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
      ],
      ...(spec.upload !== undefined ? { requestBody: multipartBody(spec.upload, components) } : {}),
      ...(spec.body !== undefined
        ? {
            requestBody: {
              required: true,
              description: `JSON of at most ${BODY_LIMIT_TEXT} (larger: 413), nesting at most ${MAX_JSON_DEPTH} levels of arrays and objects (deeper: 400 \`REQUEST.TOO_DEEP\`).`,
              content: {
                'application/json': {
                  schema: liftNamedShapes(requestForm(spec.body), components, ref),
                },
              },
            },
          }
        : {}),
      responses,
      security: open ? [{}, { bearer: [] }] : [{ bearer: [] }],
    };
    if ((operation['parameters'] as unknown[]).length === 0) delete operation['parameters'];
    paths[route.path] = { ...paths[route.path], [route.method]: operation };
  }
  const used = new Set(
    Object.values(paths).flatMap((operations) =>
      Object.values(operations).flatMap((operation) =>
        Object.values(operation['responses'] as Record<string, { $ref?: string }>).map(
          (response) => response.$ref,
        ),
      ),
    ),
  );
  const problemResponses = Object.fromEntries(
    Object.entries(PROBLEM_TEXT)
      .filter(([status]) =>
        used.has(`#/components/responses/Problem${status === 'default' ? 'Default' : status}`),
      )
      .map(([status, description]) => [
        `Problem${status === 'default' ? 'Default' : status}`,
        {
          description,
          ...(status === '429'
            ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } }
            : {}),
          content: { 'application/problem+json': { schema: { $ref: ref('Problem') } } },
        },
      ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scrutineer API',
      version: info.version,
      description: info.description,
      license: { name: 'MIT', identifier: 'MIT' },
      contact: { name: 'Scrutineer' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [...tags]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, description]) => ({ name, description })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: Object.fromEntries(
        Object.entries(components).sort(([a], [b]) => a.localeCompare(b)),
      ),
      responses: problemResponses,
      parameters: {
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description:
            'The `ETag` (or `version`) you read, e.g. `"3"`. Stale: 412, nothing changes; missing: 428.',
          schema: { type: 'string', pattern: '^("\\d+"|\\d+)$' },
        },
      },
      headers: {
        RetryAfter: {
          description: 'Seconds until the rate limit’s window ends and requests are served again.',
          required: true,
          schema: { type: 'integer', minimum: 1 },
        },
        ETag: {
          description: 'The resource’s version as a strong entity tag, e.g. `"3"`.',
          schema: { type: 'string' },
        },
        ContentTag: {
          description:
            'A strong entity tag of this document as sent (its SHA-256, and the content coding when compressed). Send it back in `If-None-Match`: 304 while the document is unchanged.',
          schema: { type: 'string' },
        },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token from `scrutineer-api create-token`.',
        },
      },
    },
  };
};
