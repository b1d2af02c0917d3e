/**
 * The contract's common shapes: the fields every stored resource carries, the list envelope and
 * its query, path parameters, and the problem document every error answers with (RFC 9457).
 */
import {
  Closed,
  LIMITS,
  List,
  Nullable,
  ReadOnly,
  StringEnum,
  Text,
  Type,
  type Shape,
  type TProperties,
  type TSchema,
} from '../schema/kit.js';

/** What the server keeps on every resource it stores: never sent, always returned. */
export const SERVER_FIELDS = {
  version: ReadOnly(
    Type.Integer({
      minimum: 1,
      description:
        'Changes with every change. Send it back in `If-Match` to change or delete the resource; the `ETag` header carries it too.',
    }),
  ),
  createdAt: ReadOnly(
    Type.String({ format: 'date-time', description: 'When the resource was created.' }),
  ),
  updatedAt: ReadOnly(
    Type.String({
      format: 'date-time',
      description: 'When it last changed (what `updatedSince` filters on).',
    }),
  ),
} as const;

/** A stored resource: its own fields plus the server's (`version`, `createdAt`, `updatedAt`). */
export const Resource = <P extends TProperties>(
  title: string,
  properties: P,
  description?: string,
) =>
  Closed(
    { ...properties, ...SERVER_FIELDS },
    { title, ...(description === undefined ? {} : { description }) },
  );

/** The body of a PATCH: any of the fields a caller may change, at least one. */
export const PatchOf = <P extends TProperties>(title: string, properties: P) =>
  Type.Partial(Closed(properties), { title, minProperties: 1 });

/** One page of a list: `{ items, total, limit, offset }`. */
export const Page = <T extends TSchema>(item: T) =>
  Closed(
    {
      items: Type.Array(item, { maxItems: 100 }),
      total: Type.Integer({
        minimum: 0,
        description: 'Items matching the filters, across all pages.',
      }),
      limit: Type.Integer({ minimum: 1, maximum: 100, description: 'The page size used.' }),
      offset: Type.Integer({ minimum: 0, description: 'Items skipped.' }),
    },
    { title: `${String(item.title ?? 'Item').replace(/Resource$/, '')}Page` },
  );

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/**
 * The largest integer a query may carry (`offset`, any integer filter): PostgreSQL's `integer`,
 * which SQLite's 64-bit integers and `bigint` offsets also hold, so no query parameter reaches a
 * database as a number it cannot take (`offset=99999999999999999999` was a 500).
 */
export const MAX_QUERY_INTEGER = 2_147_483_647;

type Json = Record<string, unknown>;
/** An integer filter without its own maximum gets `MAX_QUERY_INTEGER` (and so does each integer of a list filter). */
const boundedIntegers = <P extends TProperties>(filters: P): P =>
  Object.fromEntries(Object.entries(filters).map(([name, schema]) => [name, bounded(schema)])) as P;
const bounded = <T extends TSchema>(schema: T): T => {
  const json = schema as unknown as Json;
  if ((json['type'] === 'integer' || json['type'] === 'number') && json['maximum'] === undefined) {
    return { ...schema, maximum: MAX_QUERY_INTEGER };
  }
  if (json['type'] === 'array' && json['items'] !== undefined) {
    return { ...schema, items: bounded(json['items'] as TSchema) };
  }
  if (Array.isArray(json['anyOf'])) {
    return { ...schema, anyOf: (json['anyOf'] as TSchema[]).map(bounded) };
  }
  return schema;
};

/**
 * The query of a list: paging, the sort fields the list allows (each optionally `-` for
 * descending, comma-separated), `updatedSince`, and the list's own filters.
 */
export const ListQuery = <const S extends readonly [string, ...string[]], P extends TProperties>(
  sortFields: S,
  filters: P,
) => {
  const sortTerm = `-?(${sortFields.join('|')})`;
  return Closed({
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_LIMIT,
        default: DEFAULT_LIMIT,
        description: 'Items per page.',
      }),
    ),
    offset: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_QUERY_INTEGER,
        default: 0,
        description: 'Items to skip.',
      }),
    ),
    sort: Type.Optional(
      Type.String({
        maxLength: 200,
        pattern: `^${sortTerm}(,${sortTerm})*$`,
        description: `Fields to sort by, comma-separated; \`-\` before a field sorts descending. Fields: ${sortFields.join(', ')}.`,
        examples: [`-${sortFields[0]}`],
      }),
    ),
    updatedSince: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'Only resources changed at or after this instant (for keeping a copy in step).',
      }),
    ),
    ...boundedIntegers(filters),
  });
};

export type ListWindow = {
  readonly limit?: number;
  readonly offset?: number;
  readonly sort?: string;
  readonly updatedSince?: string;
};

/** A path parameter that names a resource. */
export const IdParam = (name = 'id', description = 'The resource’s id.') =>
  Closed({ [name]: Text({ maxLength: LIMITS.id, description }) });

export const FieldProblemShape = Closed(
  {
    path: Type.String({
      description:
        'Where: a JSON path into the body (`$.items[2].title`), or `query:limit`, `header:If-Match`.',
    }),
    message: Type.String(),
    code: Type.Optional(Type.String({ description: 'A stable code for this kind of problem.' })),
  },
  { title: 'FieldProblem' },
);

/** RFC 9457 problem details, with Scrutineer's `code`, `errors` and `requestId`. */
export const ProblemDocument = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem.' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String({ description: 'What went wrong, for a person.' }),
    instance: Type.Optional(Type.String({ description: 'The request path.' })),
    code: Type.String({
      description: 'A stable code, e.g. `REQUEST.INVALID`, `CONCURRENCY.STALE_VERSION`.',
    }),
    errors: Type.Optional(
      List(FieldProblemShape, {
        maxItems: LIMITS.longList,
        description: 'One entry per field at fault.',
      }),
    ),
    requestId: Nullable(
      Type.String({
        description: 'The request’s id, as in the `X-Request-Id` header and the logs.',
      }),
    ),
    data: Type.Optional(
      Type.Unsafe<Record<string, unknown>>({
        type: 'object',
        additionalProperties: true,
        description: 'Facts about this error by name, e.g. `currentVersion` of a stale resource.',
      }),
    ),
  },
  {
    title: 'Problem',
    additionalProperties: false,
    description: 'An error (RFC 9457 `application/problem+json`).',
  },
);
export type ProblemDocument = Shape<typeof ProblemDocument>;

export { StringEnum };
